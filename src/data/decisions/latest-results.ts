/**
 * The visible results that speak for a configuration: when several loaded runs hold the same
 * test on the same GPU (a folder of nightlies), the latest run's result. A run's date is what
 * its file says (or its name); runs without a date count as older than dated ones, and between
 * equals the one loaded later wins.
 */
import type { ResultsView } from '../results/results-view';
import type { BenchmarkResult, Suite } from '../results/result-model';

/** Orders two datasets by recency: positive when `a` is newer than `b`. */
function newer(view: ResultsView, a: number, b: number): number {
  const { datasets } = view.index;
  const dateA = datasets[a]?.meta?.date ?? '';
  const dateB = datasets[b]?.meta?.date ?? '';
  if (dateA !== dateB) return dateA > dateB ? 1 : -1;
  return a - b;
}

/**
 * One visible result of a suite per key (the latest run's), in reading order of the first row
 * seen for each key. `keyOf` returns null for a result that has no place (it is skipped).
 */
export function latestResults(
  view: ResultsView,
  suite: Suite,
  keyOf: (result: BenchmarkResult) => string | null,
): Map<string, BenchmarkResult> {
  const chosen = new Map<string, { result: BenchmarkResult; dataset: number }>();
  const { results, datasetOf } = view.index;
  for (const position of view.visible[suite]) {
    const result = results[position];
    if (result === undefined) continue;
    const key = keyOf(result);
    if (key === null) continue;
    const dataset = datasetOf[position] ?? 0;
    const held = chosen.get(key);
    if (held === undefined || newer(view, dataset, held.dataset) > 0) {
      chosen.set(key, { result, dataset });
    }
  }
  return new Map([...chosen].map(([key, { result }]) => [key, result]));
}
