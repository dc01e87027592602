/**
 * The Regressions report: every GPU's history (history-source.ts) through the engine, one night,
 * as the rows and notes the page shows. A row is a flagged (GPU, test, metric) series that no
 * environment event explains; rows come worst first: confirmed before suspect, regressions
 * before improvements, then by the size of the change.
 */
import type { HistorySource } from '../history/history-source';
import type { Dataset } from '../results/result-model';
import { historyMetricKeys } from '../history/history-source';
import { metricHeader } from '../format';
import { describeMetric } from '../metrics';
import { datasetDate } from '../history/history-order';
import { plural } from '../charts/chart-summaries';
import { markedGroup, regressionInputs } from './history-input';
import type { RunMark } from './run-marks';
import { analyzeNight, isJudged, type EnvironmentEvent, type NightOptions } from './night';
import type { SeriesInput } from './series-input';
import type { ChangeKind, Evidence, SeriesVerdict } from './series-verdict';

export interface RegressionRow {
  readonly gpu: string;
  /** As written in the files. */
  readonly testName: string;
  readonly metric: string;
  /** The metric's label with its unit: `Median ITL (ms)`. */
  readonly metricLabel: string;
  readonly status: 'confirmed' | 'suspect';
  readonly kind: ChangeKind;
  /** YYYY-MM-DD of the first changed run, and of the last good one. */
  readonly firstChanged: string;
  readonly lastGood: string;
  /** The commits of the last good and the first changed run, when their paths name them. */
  readonly commits: { readonly lastGood: string | null; readonly firstChanged: string | null };
  readonly medianBefore: number;
  readonly medianAfter: number;
  /** Signed change of the medians in percent (+ is up, whatever the direction). */
  readonly changePct: number;
  readonly evidence: Evidence;
}

export interface RegressionReport {
  readonly rows: readonly RegressionRow[];
  readonly events: readonly EnvironmentEvent[];
  /** Series judged (ok, suspect or confirmed), and series that could not be. */
  readonly judged: number;
  /**
   * Per GPU: runs left out for having no date, and why its series got no verdict when none did
   * (`8×H100: insufficient history (3 runs, needs 15).`).
   */
  readonly notes: readonly string[];
  /** The rule, in words, as the engine states it. */
  readonly rule: string;
  /** The runs marked as outliers or known changes the report was worked out with. */
  readonly marks: readonly RunMark[];
}

function dayOf(date: string): string {
  return date.slice(0, 10);
}

/** Worst first: confirmed, regressions, bigger changes; then by GPU, test and metric. */
function byHarm(a: RegressionRow, b: RegressionRow): number {
  const status = (row: RegressionRow): number => (row.status === 'confirmed' ? 0 : 1);
  const kind = (row: RegressionRow): number => (row.kind === 'regression' ? 0 : 1);
  return (
    status(a) - status(b) ||
    kind(a) - kind(b) ||
    Math.abs(b.changePct) - Math.abs(a.changePct) ||
    a.gpu.localeCompare(b.gpu) ||
    a.testName.localeCompare(b.testName) ||
    a.metric.localeCompare(b.metric)
  );
}

/** Why none of a GPU's series got a verdict, in a line; null when some did. */
function gpuNote(gpu: string, verdicts: readonly SeriesVerdict[]): string | null {
  if (verdicts.some((verdict) => verdict.status !== 'insufficient')) return null;
  const first = verdicts.find((verdict) => verdict.status === 'insufficient');
  if (first === undefined) return null;
  return `${gpu}: ${first.reason}.`;
}

/** What one GPU's marks left out of its history. */
export interface MarkedGpu {
  readonly gpu: string;
  readonly outliers: number;
  readonly knownChange: string | null;
  readonly beforeKnownChange: number;
}

/**
 * What the engine is given: every series of the history in view, its GPUs in order, and the
 * marked runs (already applied to the series) with what they left out.
 */
export interface RegressionInputs {
  readonly inputs: readonly SeriesInput[];
  readonly gpus: readonly string[];
  /** None when absent (inputs from elsewhere than the page: a bench, an export). */
  readonly marks?: readonly RunMark[];
  readonly marked?: readonly MarkedGpu[];
}

/**
 * True when two or more of the datasets are dated: what any dated history needs, known from the
 * datasets alone. Checked first, so that a page without dated runs (the bundled nightlies, a
 * large undated file) never pays for grouping its results into a history on each filter change.
 */
export function mayHaveDatedHistory(datasets: readonly Dataset[]): boolean {
  let dated = 0;
  for (const dataset of datasets) {
    if (datasetDate(dataset) !== null) dated += 1;
    if (dated >= 2) return true;
  }
  return false;
}

/**
 * True when some GPU has two or more dated runs in view: then there is a history to judge (or to
 * say is too short), and the report has something to say.
 */
export function hasDatedHistory(source: HistorySource): boolean {
  return source.groups.some(
    (group) => group.datasets.filter((dataset) => datasetDate(dataset) !== null).length >= 2,
  );
}

/**
 * The engine's input from the history in view, the marked runs applied. Metrics without a better
 * direction are left out.
 */
export function regressionInputsOf(
  source: HistorySource,
  marks: readonly RunMark[] = [],
): RegressionInputs {
  const inputs: SeriesInput[] = [];
  const marked: MarkedGpu[] = [];
  for (const whole of source.groups) {
    const { group, marked: runs } = markedGroup(whole, marks);
    for (const metric of historyMetricKeys(group)) {
      if (describeMetric(metric).direction === 'neutral') continue;
      inputs.push(...regressionInputs(group, metric));
    }
    const { outliers, knownChange, beforeKnownChange } = runs;
    if (outliers > 0 || knownChange !== null) {
      marked.push({ gpu: group.gpu, outliers, knownChange, beforeKnownChange });
    }
  }
  return { inputs, gpus: source.groups.map((group) => group.gpu), marks, marked };
}

/** What a GPU's marks left out, in a line: `8×H100: 1 run marked as an outlier left out.` */
export function markedNote({ gpu, outliers, knownChange, beforeKnownChange }: MarkedGpu): string {
  const parts: string[] = [];
  if (knownChange !== null) {
    parts.push(
      `its history starts again at the known change of ${knownChange} (${plural(beforeKnownChange, 'run')} before it left out)`,
    );
  }
  if (outliers > 0) {
    parts.push(
      `${plural(outliers, 'run')} marked as ${outliers === 1 ? 'an outlier' : 'outliers'} left out`,
    );
  }
  return `${gpu}: ${parts.join('; ')}.`;
}

/** The report of the history in view (in a worker, `reportOfInputs` of `regressionInputsOf`). */
export function regressionReport(
  source: HistorySource,
  options: NightOptions = {},
  marks: readonly RunMark[] = [],
): RegressionReport {
  return reportOfInputs(regressionInputsOf(source, marks), options);
}

/** One night of the engine over the inputs, as the report's rows and notes. */
export function reportOfInputs(
  { inputs, gpus, marks = [], marked = [] }: RegressionInputs,
  options: NightOptions = {},
): RegressionReport {
  const night = analyzeNight(inputs, options);
  const rows: RegressionRow[] = [];
  for (const series of night.flagged) {
    const { verdict, key } = series;
    if (verdict.status !== 'suspect' && verdict.status !== 'confirmed') continue;
    const { finding } = verdict;
    rows.push({
      gpu: key.gpu,
      testName: key.testName,
      metric: key.metric,
      metricLabel: metricHeader(key.metric),
      status: verdict.status,
      kind: finding.kind,
      firstChanged: dayOf(finding.firstChanged.date),
      lastGood: dayOf(finding.lastGood.date),
      commits: { lastGood: finding.lastGood.commit, firstChanged: finding.firstChanged.commit },
      medianBefore: finding.medianBefore,
      medianAfter: finding.medianAfter,
      changePct: finding.changePct,
      evidence: finding.evidence,
    });
  }
  const notes = gpus.flatMap((gpu) => {
    const ofGpu = night.series.filter((series) => series.key.gpu === gpu);
    const lines: string[] = [];
    const undated = Math.max(0, ...ofGpu.map((series) => series.analysis.undated));
    if (undated > 0) {
      lines.push(
        `${gpu}: ${String(undated)} ${undated === 1 ? 'run has' : 'runs have'} no date (in ${undated === 1 ? 'its file or its name' : 'their files or names'}) and ${undated === 1 ? 'is' : 'are'} left out of the series.`,
      );
    }
    const note = gpuNote(
      gpu,
      ofGpu.map((series) => series.verdict),
    );
    if (note !== null) lines.push(note);
    const markedGpu = marked.find((entry) => entry.gpu === gpu);
    if (markedGpu !== undefined) lines.push(markedNote(markedGpu));
    return lines;
  });
  const judged = night.series.filter((series) => isJudged(series.verdict)).length;
  return {
    rows: rows.sort(byHarm),
    events: night.events,
    judged,
    notes,
    rule: night.rule,
    marks,
  };
}
