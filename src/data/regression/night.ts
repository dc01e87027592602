/**
 * The analysis of one night across all its series: each series' verdict, the change points held
 * to a false discovery rate across series, and environment events.
 *
 * An environment event: when most series of one GPU jump the same way on the same night, the
 * likely cause is the machine (a driver, a clock, a noisy neighbour, a different node), not
 * dozens of separate regressions in the code. The night reports one event for that GPU instead,
 * and each series it explains keeps a reference to it.
 */
import { CHANGE_P } from './change-point';
import { DEFAULT_Q, benjaminiHochberg, falseAlarmRule } from './false-alarms';
import type { SeriesInput, SeriesKey } from './series-input';
import {
  analyzeSeries,
  decideVerdict,
  type ChangeKind,
  type SeriesAnalysis,
  type SeriesOptions,
  type SeriesVerdict,
} from './series-verdict';

/** Share of a GPU's judged series that must jump the same way for an environment event. */
export const ENVIRONMENT_SHARE = 0.6;
/** Fewest series that make an environment event: a few series moving together can be one cause. */
export const ENVIRONMENT_MIN_SERIES = 5;

export interface NightOptions extends SeriesOptions {
  /** False discovery rate for the change points (default DEFAULT_Q). */
  readonly q?: number;
}

export interface NightSeries {
  readonly key: SeriesKey;
  readonly analysis: SeriesAnalysis;
  /** The verdict once the change points are held to the night's false discovery rate. */
  readonly verdict: SeriesVerdict;
  /** BH-adjusted p of the series' change point; null when it had no change-point test. */
  readonly adjustedP: number | null;
  /** The id of the environment event that explains this series' change, if any. */
  readonly environmentEvent: string | null;
}

export interface EnvironmentEvent {
  /** `gpu|date|kind`, unique in a night's report. */
  readonly id: string;
  readonly gpu: string;
  /** The calendar date (YYYY-MM-DD) of the first changed run. */
  readonly date: string;
  readonly kind: ChangeKind;
  /** The series that jumped. */
  readonly series: readonly SeriesKey[];
  /** The GPU's series with a verdict (ok, suspect or confirmed). */
  readonly judged: number;
  readonly share: number;
  readonly reason: string;
}

export interface NightReport {
  /** One per input, in the input's order. */
  readonly series: readonly NightSeries[];
  /** Suspect and confirmed series that no environment event explains: the ones to look at. */
  readonly flagged: readonly NightSeries[];
  readonly events: readonly EnvironmentEvent[];
  /** Series whose change-point p entered the false-discovery correction. */
  readonly tested: number;
  readonly q: number;
  /** The rule, in words, for the UI to show. */
  readonly rule: string;
}

function isFlagged(verdict: SeriesVerdict): boolean {
  return verdict.status === 'suspect' || verdict.status === 'confirmed';
}

/** A verdict on the series (ok, suspect or confirmed), not a reason why there is none. */
export function isJudged(verdict: SeriesVerdict): boolean {
  return isFlagged(verdict) || verdict.status === 'ok';
}

interface Jump {
  readonly index: number;
  readonly gpu: string;
  readonly date: string;
  readonly kind: ChangeKind;
}

/**
 * Environment events among verdicts: per GPU, flagged series grouped by the calendar date of their
 * first changed run and by kind (a slower machine makes latencies regress and throughput regress
 * alike, so "the same way" is the same kind); a group of at least ENVIRONMENT_MIN_SERIES that is
 * at least ENVIRONMENT_SHARE of the GPU's judged series is an event. Returns the events and, per
 * verdict, the event id that explains it.
 */
export function environmentEvents(
  verdicts: readonly { readonly key: SeriesKey; readonly verdict: SeriesVerdict }[],
): { events: EnvironmentEvent[]; eventOf: (string | null)[] } {
  const judgedByGpu = new Map<string, number>();
  const groups = new Map<string, Jump[]>();
  verdicts.forEach(({ key, verdict }, index) => {
    if (!isJudged(verdict)) return;
    judgedByGpu.set(key.gpu, (judgedByGpu.get(key.gpu) ?? 0) + 1);
    if (verdict.status !== 'suspect' && verdict.status !== 'confirmed') return;
    const date = verdict.finding.firstChanged.date.slice(0, 10);
    const jump = { index, gpu: key.gpu, date, kind: verdict.finding.kind };
    const id = `${key.gpu}|${date}|${jump.kind}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [jump]);
    else group.push(jump);
  });
  const events: EnvironmentEvent[] = [];
  const eventOf = verdicts.map((): string | null => null);
  for (const [id, jumps] of groups) {
    const first = jumps[0];
    if (first === undefined) continue;
    const judged = judgedByGpu.get(first.gpu) ?? 0;
    const share = jumps.length / judged;
    if (jumps.length < ENVIRONMENT_MIN_SERIES || share < ENVIRONMENT_SHARE) continue;
    for (const jump of jumps) eventOf[jump.index] = id;
    events.push({
      id,
      gpu: first.gpu,
      date: first.date,
      kind: first.kind,
      series: jumps.map((jump) => verdicts[jump.index]?.key).filter((key) => key !== undefined),
      judged,
      share,
      reason:
        `${jumps.length} of ${judged} series on ${first.gpu} show a ${first.kind} from ` +
        `${first.date} (${Math.round(share * 100)}%): likely the machine, not the code`,
    });
  }
  return { events, eventOf };
}

/**
 * Analyses every series of a night. Each series' best change-point p (one per series that had a
 * scan, significant or not, as the correction needs the whole family) is adjusted by
 * Benjamini–Hochberg; a change point then confirms a change only with p ≤ CHANGE_P and adjusted
 * p ≤ q. Series whose change point fails fall back on their band (a streak still confirms, a
 * latest run outside its band is a suspect).
 */
export function analyzeNight(
  inputs: readonly SeriesInput[],
  options: NightOptions = {},
): NightReport {
  const q = options.q ?? DEFAULT_Q;
  if (!(q > 0 && q < 1)) throw new RangeError('q must be between 0 and 1');
  const analyses = inputs.map((input) => analyzeSeries(input, options));
  const testedIndexes: number[] = [];
  const pValues: number[] = [];
  analyses.forEach((analysis, index) => {
    if (analysis.changePoint === null) return;
    testedIndexes.push(index);
    pValues.push(analysis.changePoint.p);
  });
  const adjusted = benjaminiHochberg(pValues);
  const adjustedOf = analyses.map((): number | null => null);
  testedIndexes.forEach((index, i) => (adjustedOf[index] = adjusted[i] ?? null));
  const verdicts = analyses.map((analysis, index) => ({
    key: analysis.key,
    verdict: decideVerdict(analysis, { adjustedP: adjustedOf[index] ?? null, q }),
  }));
  const { events, eventOf } = environmentEvents(verdicts);
  const series: NightSeries[] = analyses.map((analysis, index) => ({
    key: analysis.key,
    analysis,
    verdict: verdicts[index]?.verdict ?? analysis.verdict,
    adjustedP: adjustedOf[index] ?? null,
    environmentEvent: eventOf[index] ?? null,
  }));
  return {
    series,
    flagged: series.filter((entry) => isFlagged(entry.verdict) && entry.environmentEvent === null),
    events,
    tested: pValues.length,
    q,
    rule: falseAlarmRule(CHANGE_P, q, pValues.length),
  };
}
