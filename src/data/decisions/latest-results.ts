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
 * One visible position of a suite per key (the latest run's), in reading order of the first row
 * seen for each key. `keyOf` returns null for a position that has no place (it is skipped).
 */
export function latestPositions<K>(
  view: ResultsView,
  suite: Suite,
  keyOf: (position: number) => K | null,
): Map<K, number> {
  const chosen = new Map<K, number>();
  const { datasetOf } = view.index;
  for (const position of view.visible[suite]) {
    const key = keyOf(position);
    if (key === null) continue;
    const held = chosen.get(key);
    if (held === undefined || newer(view, datasetOf[position] ?? 0, datasetOf[held] ?? 0) > 0) {
      chosen.set(key, position);
    }
  }
  return chosen;
}

/** `latestPositions` keyed by something of the result itself, as the results. */
export function latestResults(
  view: ResultsView,
  suite: Suite,
  keyOf: (result: BenchmarkResult) => string | null,
): Map<string, BenchmarkResult> {
  const { results } = view.index;
  const latest = latestPositions(view, suite, (position) => {
    const result = results[position];
    return result === undefined ? null : keyOf(result);
  });
  return new Map([...latest].map(([key, position]) => [key, results[position] as BenchmarkResult]));
}
