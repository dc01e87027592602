/**
 * The visible results that speak for a configuration: when several loaded runs hold the same
 * test on the same GPU (a folder of nightlies), the latest run's result. A run's date is what
 * its file says (or its name); runs without a date count as older than dated ones, and between
 * equals the one loaded later wins.
 */
import type { ResultsView } from '../results/results-view';
import type { BenchmarkResult, Suite } from '../results/result-model';

/**
 * Each dataset's rank by recency (higher is newer): by date, runs without one oldest, and
 * between equals the one loaded later.
 */
function recencyRanks(view: ResultsView): Uint32Array {
  const { datasets } = view.index;
  const dates = datasets.map((dataset) => dataset.meta?.date ?? '');
  const order = datasets.map((_, i) => i);
  order.sort((a, b) => {
    const dateA = dates[a] as string;
    const dateB = dates[b] as string;
    if (dateA !== dateB) return dateA > dateB ? 1 : -1;
    return a - b;
  });
  const ranks = new Uint32Array(datasets.length);
  order.forEach((dataset, rank) => {
    ranks[dataset] = rank;
  });
  return ranks;
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
  const rank = recencyRanks(view);
  const rankAt = (position: number): number => rank[datasetOf[position] as number] as number;
  for (const position of view.visible[suite]) {
    const key = keyOf(position);
    if (key === null) continue;
    const held = chosen.get(key);
    if (held === undefined || rankAt(position) > rankAt(held)) chosen.set(key, position);
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
