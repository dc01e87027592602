/**
 * The words of the compare view: the summary's counts and test line, each suite's geometric-mean
 * change, a verdict's explanation, the table's caption detail and why it may be empty.
 */
import { plural } from '../charts/chart-summaries';
import { MISSING } from '../format';
import { MIN_BAND_RUNS, Z_LIMIT } from '../regression/noise-model';
import type { CompareRow } from './align-results';
import type { CompareSummary, MetricEntry, SuiteGeomean } from './compare-summary';
import type { MetricRule } from './history-rule';
import type { Verdict } from './metric-verdict';
import { formatThreshold } from './thresholds';

/** `22.5% better`, `4.1% worse`, `no change` (a positive change is better). */
export function betterOrWorse(changePct: number): string {
  const size = Math.abs(changePct).toFixed(1);
  if (size === '0.0') return 'no change';
  return `${size}% ${changePct > 0 ? 'better' : 'worse'}`;
}

/** What a geometric mean is over: `Over 12 metric comparisons with a direction`. */
export function geomeanBasis(geomean: Pick<SuiteGeomean, 'count'>): string {
  return `Over ${plural(geomean.count, 'metric comparison')} with a direction`;
}

/** One count of the summary, by the verdict it counts. */
export interface VerdictCount {
  readonly verdict: Verdict;
  readonly text: string;
}

/**
 * The summary's counts: regressions, improvements, within noise and missing always (a 0 is news
 * too); metrics without a direction only when there are some, as most comparisons have none.
 */
export function verdictCounts(verdicts: Readonly<Record<Verdict, number>>): VerdictCount[] {
  const counts: VerdictCount[] = [
    { verdict: 'regression', text: plural(verdicts.regression, 'regression') },
    { verdict: 'improvement', text: plural(verdicts.improvement, 'improvement') },
    {
      verdict: 'within noise',
      text: `${verdicts['within noise'].toLocaleString('en-US')} within noise`,
    },
    { verdict: 'missing', text: `${verdicts.missing.toLocaleString('en-US')} missing` },
  ];
  const neutral = verdicts['no direction'];
  if (neutral > 0) counts.push({ verdict: 'no direction', text: `${neutral} without direction` });
  return counts;
}

/**
 * Where a row's test is, when only one side has it (`only in baseline`), or why the two sides'
 * runs of it are not compared (`not comparable: input length 1024 vs 2048`); null for both.
 */
export function presenceText(row: Pick<CompareRow, 'presence' | 'notComparable'>): string | null {
  if (row.presence === 'missing in candidate') return 'only in baseline';
  if (row.presence === 'missing in baseline') return 'only in candidate';
  if (row.presence === 'not comparable')
    return `not comparable: ${row.notComparable ?? 'the runs differ'}`;
  return null;
}

/**
 * `18 tests compared · 0 only in baseline · 1 only in candidate`, and the results ignored as
 * repeats of a test when there are some.
 */
export function comparedTestsText(tests: CompareSummary['tests']): string {
  const unlike =
    tests.notComparable === 0
      ? ''
      : ` · ${tests.notComparable.toLocaleString('en-US')} not comparable`;
  const text = `${plural(tests.compared, 'test')} compared${unlike} · ${tests.missingInCandidate.toLocaleString('en-US')} only in baseline · ${tests.missingInBaseline.toLocaleString('en-US')} only in candidate`;
  const duplicates = tests.duplicatesIgnored.baseline + tests.duplicatesIgnored.candidate;
  if (duplicates === 0) return text;
  return `${text} · ${plural(duplicates, 'duplicate result')} ignored (the first of each test is used)`;
}

/** `±1.2%`: a spread or floor in percent, one decimal. */
function percentText(percent: number): string {
  return `±${percent.toFixed(1)}%`;
}

/**
 * Which rule decided a metric, as the table, the markdown and the CSV write it: `noise of 18 runs
 * (±1.2%)` (the band's runs and spread), `fixed ±5% threshold`, with the history there was when
 * it was too short (`fixed ±5% threshold (10 runs of history, 14 needed)`); `—` when no rule
 * decided (a missing value, a metric without direction).
 */
export function ruleText(rule: MetricRule | null): string {
  if (rule === null) return MISSING;
  if (rule.kind === 'history') {
    return `noise of ${plural(rule.runs, 'run')} (${percentText(rule.spreadPct)})`;
  }
  const fixed = `fixed ${formatThreshold(rule.threshold)} threshold`;
  if (rule.historyRuns === 0 || rule.historyRuns >= MIN_BAND_RUNS) return fixed;
  return `${fixed} (${plural(rule.historyRuns, 'run')} of history, ${String(MIN_BAND_RUNS)} needed)`;
}

/**
 * How many metrics each rule decided: `3 metrics judged by their own history's noise, 93 by the
 * fixed threshold.`
 */
export function ruleCountsText(rules: CompareSummary['rules']): string {
  return `${plural(rules.history, 'metric')} judged by their own history's noise, ${rules.threshold.toLocaleString('en-US')} by the fixed threshold.`;
}

/** `z = 4.2`: a robust z as the titles write it. */
function zText(z: number): string {
  return `z = ${z.toFixed(1)}`;
}

/** Why the series' noise gave an entry its verdict. */
function historyTitle(verdict: Verdict, rule: Extract<MetricRule, { kind: 'history' }>): string {
  const noise = `the noise of ${plural(rule.runs, 'run')} (${zText(rule.z)}, limit ±${String(Z_LIMIT)})`;
  const floor = `the ${rule.floorPct.toFixed(0)}% floor`;
  if (verdict === 'regression') return `Worse: outside ${noise} and by more than ${floor}`;
  if (verdict === 'improvement') return `Better: outside ${noise} and by more than ${floor}`;
  if (Math.abs(rule.z) <= Z_LIMIT) return `Within ${noise}`;
  return `Outside ${noise}, but not changed from the baseline by more than ${floor} that way`;
}

/**
 * Why an entry got its verdict: `Worse by more than ±5%`, `The candidate has no such test`, or by
 * its history's band: `Within the noise of 20 runs (z = 0.7, limit ±3)`.
 */
export function verdictTitle(entry: MetricEntry): string {
  const { metric } = entry;
  // Only verdicts of change or no change have a rule.
  if (metric.rule?.kind === 'history') return historyTitle(metric.verdict, metric.rule);
  const threshold = `±${String(metric.threshold)}%`;
  switch (metric.verdict) {
    case 'regression':
      return `Worse by more than ${threshold}`;
    case 'improvement':
      return `Better by more than ${threshold}`;
    case 'within noise':
      return `Changed by at most ${threshold}`;
    case 'missing':
      if (entry.row.presence === 'missing in candidate') return 'The candidate has no such test';
      if (entry.row.presence === 'missing in baseline') return 'The baseline has no such test';
      if (entry.row.presence === 'not comparable') {
        return `Not compared: the two runs differ (${entry.row.notComparable ?? 'how is not known'})`;
      }
      return 'One side has no value';
    case 'no direction':
      return 'A count: neither better nor worse';
  }
}

/** The settings the table is listed under (as the compare state holds them). */
interface ViewSettings {
  readonly threshold: number;
  /** Null when p99 metrics take the noise threshold. */
  readonly p99Threshold: number | null;
  readonly onlyRegressions: boolean;
}

/** The table caption's detail: `threshold ±5%, p99 ±10% · most harmful first`. */
export function tableCaptionDetail(settings: ViewSettings): string {
  const thresholds =
    settings.p99Threshold === null
      ? `threshold ${formatThreshold(settings.threshold)}`
      : `threshold ${formatThreshold(settings.threshold)}, p99 ${formatThreshold(settings.p99Threshold)}`;
  return `${thresholds} · ${settings.onlyRegressions ? 'only regressions' : 'most harmful first'}`;
}

/** Why the table lists nothing: no regression to show, or nothing to compare at all. */
export function emptyTableText(onlyRegressions: boolean, entryCount: number): string {
  return onlyRegressions && entryCount > 0
    ? 'No regression beyond the threshold.'
    : 'Nothing to compare with these sides and filters.';
}
