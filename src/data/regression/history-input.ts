/**
 * The regression engine's input from the app's history of one GPU: one series per test for one
 * metric, the loaded runs as its points. The engine itself knows nothing of datasets; this is the
 * one place that maps them.
 *
 * - A run's date is the one its file gives (`meta.date`); runs without one stay in the series at
 *   the end, where the engine counts and excludes them.
 * - A run that does not have the test is not a point of its series; one that has the test but no
 *   number for the metric is, so the engine reports the missing value.
 * - Runs sharing a date stay as they are: the engine refuses that series with a message naming
 *   the date, rather than this function picking one of them.
 * - A run's commit is the one its path names (`meta.commit`), when it does.
 * - Runs marked as outliers are left out, and runs before a known change (run-marks.ts).
 */
import { datasetDate } from '../history/history-order';
import type { HistoryGpuGroup, TestRuns } from '../history/history-source';
import { compareText } from '../text-order';
import { applyRunMarks, type RunMark } from './run-marks';
import type { RunPoint, SeriesInput } from './series-input';

/** A test's series, and the dataset each of its points came from (`ids[i]` is `points[i]`'s). */
export interface TestSeries {
  readonly input: SeriesInput;
  readonly ids: readonly string[];
}

interface IdentifiedPoint {
  readonly id: string;
  readonly point: RunPoint;
}

function byDate(a: IdentifiedPoint, b: IdentifiedPoint): number {
  return compareText(a.point.date ?? '', b.point.date ?? '');
}

function dateOf(entry: IdentifiedPoint): string {
  return entry.point.date ?? '';
}

/**
 * One test's series for one metric, marked runs applied (run-marks.ts); null when no run has a
 * number for the metric.
 */
export function testSeries(
  group: HistoryGpuGroup,
  test: TestRuns,
  metricKey: string,
  marks: readonly RunMark[] = [],
): TestSeries | null {
  const dated: IdentifiedPoint[] = [];
  const undated: IdentifiedPoint[] = [];
  let hasMetric = false;
  for (const dataset of group.datasets) {
    const result = test.byDataset.get(dataset.id);
    if (result === undefined) continue;
    const raw = Object.hasOwn(result.metrics, metricKey) ? result.metrics[metricKey] : undefined;
    const value = typeof raw === 'number' ? raw : null;
    if (value !== null) hasMetric = true;
    const date = datasetDate(dataset);
    const commit = dataset.meta?.commit;
    const point: RunPoint = commit === undefined ? { date, value } : { date, value, commit };
    (date === null ? undated : dated).push({ id: dataset.id, point });
  }
  if (!hasMetric) return null;
  // Array.prototype.sort is stable: runs sharing a date keep the order loaded.
  const kept = applyRunMarks(dated.sort(byDate), dateOf, marks, group.gpu).kept;
  const entries = [...kept, ...undated];
  return {
    input: {
      key: { gpu: group.gpu, testName: test.testName, metric: metricKey },
      points: entries.map((entry) => entry.point),
    },
    ids: entries.map((entry) => entry.id),
  };
}

/**
 * One series per test of the group that has the metric in some run, points in date order,
 * marked runs applied.
 */
export function regressionInputs(
  group: HistoryGpuGroup,
  metricKey: string,
  marks: readonly RunMark[] = [],
): SeriesInput[] {
  const inputs: SeriesInput[] = [];
  for (const test of group.tests) {
    const series = testSeries(group, test, metricKey, marks);
    if (series !== null) inputs.push(series.input);
  }
  return inputs;
}
