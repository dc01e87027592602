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
 */
import { datasetDate } from '../history/history-order';
import type { HistoryGpuGroup, TestRuns } from '../history/history-source';
import { compareText } from '../text-order';
import type { RunPoint, SeriesInput } from './series-input';

function byDate(a: RunPoint, b: RunPoint): number {
  return compareText(a.date ?? '', b.date ?? '');
}

/**
 * The points of one test's series for one metric, in date order (runs without a date at the end),
 * and whether any run has a value of the metric.
 */
export function testPoints(
  group: HistoryGpuGroup,
  test: TestRuns,
  metricKey: string,
): { readonly points: RunPoint[]; readonly hasMetric: boolean } {
  const dated: RunPoint[] = [];
  const undated: RunPoint[] = [];
  let hasMetric = false;
  for (const dataset of group.datasets) {
    const result = test.byDataset.get(dataset.id);
    if (result === undefined) continue;
    const raw = Object.hasOwn(result.metrics, metricKey) ? result.metrics[metricKey] : undefined;
    const value = typeof raw === 'number' ? raw : null;
    if (value !== null) hasMetric = true;
    const date = datasetDate(dataset);
    const commit = dataset.meta?.commit;
    (date === null ? undated : dated).push(
      commit === undefined ? { date, value } : { date, value, commit },
    );
  }
  // Array.prototype.sort is stable: runs sharing a date keep the order loaded.
  return { points: [...dated.sort(byDate), ...undated], hasMetric };
}

/** One series per test of the group that has the metric in some run, points in date order. */
export function regressionInputs(group: HistoryGpuGroup, metricKey: string): SeriesInput[] {
  const inputs: SeriesInput[] = [];
  for (const test of group.tests) {
    const { points, hasMetric } = testPoints(group, test, metricKey);
    if (!hasMetric) continue;
    inputs.push({ key: { gpu: group.gpu, testName: test.testName, metric: metricKey }, points });
  }
  return inputs;
}
