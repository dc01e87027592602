/**
 * The words of the compare view: the summary's counts and test line, each suite's geometric-mean
 * change, a verdict's explanation, the table's caption detail and why it may be empty.
 */
import { plural } from '../charts/chart-summaries';
import type { Presence } from './align-results';
import type { CompareSummary, MetricEntry, SuiteGeomean } from './compare-summary';
import { formatThreshold } from './compare-markdown';
import type { Verdict } from './metric-verdict';

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

/** Where a row's test is, when only one side has it: `only in baseline`; null for both. */
export function presenceText(presence: Presence): string | null {
  if (presence === 'missing in candidate') return 'only in baseline';
  if (presence === 'missing in baseline') return 'only in candidate';
  return null;
}

/**
 * `18 tests compared · 0 only in baseline · 1 only in candidate`, and the results ignored as
 * repeats of a test when there are some.
 */
export function comparedTestsText(tests: CompareSummary['tests']): string {
  const text = `${plural(tests.compared, 'test')} compared · ${tests.missingInCandidate.toLocaleString('en-US')} only in baseline · ${tests.missingInBaseline.toLocaleString('en-US')} only in candidate`;
  const duplicates = tests.duplicatesIgnored.baseline + tests.duplicatesIgnored.candidate;
  if (duplicates === 0) return text;
  return `${text} · ${plural(duplicates, 'duplicate result')} ignored (the first of each test is used)`;
}

/** Why an entry got its verdict: `Worse by more than ±5%`, `The candidate has no such test`. */
export function verdictTitle(entry: MetricEntry): string {
  const { metric } = entry;
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
