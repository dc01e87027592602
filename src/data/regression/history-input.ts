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
 * - Runs marked as outliers are left out, and runs before a known change (`markedGroup`, applied
 *   once per GPU by the callers).
 */
import { datasetDate } from '../history/history-order';
import type { HistoryGpuGroup, TestRuns } from '../history/history-source';
import { compareText } from '../text-order';
import type { Dataset } from '../results/result-model';
import { applyRunMarks, type MarkedRuns, type RunMark } from './run-marks';
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

/**
 * A GPU's history with its marked runs applied, once for all its tests and metrics: outliers out,
 * nothing dated before a known change (run-marks.ts). Runs without a date stay: none is marked.
 */
export function markedGroup(
  group: HistoryGpuGroup,
  marks: readonly RunMark[],
): { readonly group: HistoryGpuGroup; readonly marked: MarkedRuns<Dataset> } {
  const dated = group.datasets.filter((dataset) => datasetDate(dataset) !== null);
  const marked = applyRunMarks(dated, (dataset) => datasetDate(dataset) ?? '', marks, group.gpu);
  if (marked.kept.length === dated.length) return { group, marked };
  const kept = new Set(marked.kept);
  const datasets = group.datasets.filter(
    (dataset) => datasetDate(dataset) === null || kept.has(dataset),
  );
  return { group: { ...group, datasets }, marked };
}

/**
 * One test's series for one metric (of a group with its marks applied: `markedGroup`); null when
 * no run has a number for the metric.
 */
export function testSeries(
  group: HistoryGpuGroup,
  test: TestRuns,
  metricKey: string,
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
  const entries = [...dated.sort(byDate), ...undated];
  return {
    input: {
      key: { gpu: group.gpu, testName: test.testName, metric: metricKey },
      points: entries.map((entry) => entry.point),
    },
    ids: entries.map((entry) => entry.id),
  };
}

/** One series per test of the group that has the metric in some run, points in date order. */
export function regressionInputs(group: HistoryGpuGroup, metricKey: string): SeriesInput[] {
  const inputs: SeriesInput[] = [];
  for (const test of group.tests) {
    const series = testSeries(group, test, metricKey);
    if (series !== null) inputs.push(series.input);
  }
  return inputs;
}
