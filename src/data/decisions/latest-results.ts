/**
 * The visible results that speak for a configuration: when several loaded runs hold the same
 * test on the same GPU (a folder of nightlies), the latest run's result. A run's date is what
 * its file says (or its name); runs without a date count as older than dated ones, and between
 * equals the one loaded later wins.
 */
import type { FilterGroup } from '../results/filter-groups';
import type { ResultsView } from '../results/results-view';
import type { BenchmarkResult, Suite } from '../results/result-model';
import { rangeSteps, runSteps, type Steps } from '../results/steps';

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
  return runSteps(latestPositionsSteps(view, suite, keyOf));
}

/** `latestPositions` as steps (see steps.ts): a pause every STEP_ROWS visible positions. */
export function* latestPositionsSteps<K>(
  view: ResultsView,
  suite: Suite,
  keyOf: (position: number) => K | null,
): Steps<Map<K, number>> {
  const latest = new LatestPositions(view, keyOf);
  const positions = view.visible[suite];
  yield* rangeSteps(positions.length, ({ from, to }) => {
    latest.read(positions, from, to);
  });
  return latest.chosen;
}

/** The positions held so far per key, and the last key met, read a range of positions at a time. */
class LatestPositions<K> {
  readonly chosen = new Map<K, number>();
  private readonly rank: Uint32Array;
  // Rows of one key are mostly neighbours in reading order (every run of a test on a GPU): a row
  // with the previous row's key is weighed against the position held for it without a lookup.
  private lastKey: K | null = null;
  private lastHeld = -1;

  constructor(
    private readonly view: ResultsView,
    private readonly keyOf: (position: number) => K | null,
  ) {
    this.rank = recencyRanks(view);
  }

  /** Weighs `positions[from]` … `positions[to − 1]`. */
  read(positions: Uint32Array, from: number, to: number): void {
    const { chosen, rank, keyOf } = this;
    const { datasetOf } = this.view.index;
    for (let i = from; i < to; i += 1) {
      const position = positions[i] ?? 0;
      const key = keyOf(position);
      if (key === null) continue;
      if (key !== this.lastKey) {
        this.lastKey = key;
        this.lastHeld = chosen.get(key) ?? -1;
      }
      const held = this.lastHeld;
      if (
        held === -1 ||
        (rank[datasetOf[position] ?? 0] ?? 0) > (rank[datasetOf[held] ?? 0] ?? 0)
      ) {
        chosen.set(key, position);
        this.lastHeld = position;
      }
    }
  }
}

/**
 * `latestPositions` for keys that are codes already: `codes[position]` is the row's key, below
 * `count`, or −1 for a row with no place. The positions held, in reading order of the first row
 * seen for each key. One loop over typed arrays, no call per row: a key function and a map
 * lookup per row took 20-25 ms of a 100k pick's serving configurations.
 */
export function latestOfCodes(
  view: ResultsView,
  suite: Suite,
  codes: Int32Array,
  count: number,
): number[] {
  const { datasetOf } = view.index;
  const rank = recencyRanks(view);
  const held = new Int32Array(count).fill(-1);
  const firstSeen: number[] = [];
  const positions = view.visible[suite];
  for (let i = 0; i < positions.length; i += 1) {
    const position = positions[i] as number;
    const code = codes[position] as number;
    if (!(code >= 0)) continue;
    const current = held[code] as number;
    if (current === -1) {
      firstSeen.push(code);
      held[code] = position;
    } else if (
      (rank[datasetOf[position] as number] as number) >
      (rank[datasetOf[current] as number] as number)
    ) {
      held[code] = position;
    }
  }
  return firstSeen.map((code) => held[code] as number);
}

/**
 * A row's values in some filter groups (and its test name, when asked), as one number: rows with
 * the same values have the same number, made of the codes the index holds, where a text key
 * would be made and hashed per row (at a million rows, the Overview and Cost tables spent
 * hundreds of milliseconds on them on every filter change). A group's code is below its count
 * of values, or NOT_APPLICABLE (QPS of a latency row), which gets the slot after them. Text of
 * the codes, should the numbers outgrow 2^53.
 */
export function codesKey(
  view: ResultsView,
  groups: readonly FilterGroup[],
  withTestName = false,
): (position: number) => number | string {
  const { index } = view;
  const columns: ArrayLike<number>[] = groups.map((group) => index.codes[group]);
  const counts = groups.map((group) => index.groupValues[group].length);
  if (withTestName) {
    columns.push(index.testNameOf);
    counts.push(index.testNames.length);
  }
  const room = counts.reduce((product, count) => product * (count + 1), 1);
  if (room > Number.MAX_SAFE_INTEGER) {
    return (position) => columns.map((codes) => codes[position] ?? 0).join(',');
  }
  return (position) => {
    let key = 0;
    for (let c = 0; c < columns.length; c += 1) {
      const count = counts[c] ?? 0;
      const code = (columns[c] as ArrayLike<number>)[position] ?? 0;
      key = key * (count + 1) + Math.min(code, count);
    }
    return key;
  };
}

/**
 * The latest visible result of a suite per value of some filter groups, keyed by `label` of it
 * (a key other views share), in reading order of the first row seen for each.
 */
export function latestByGroups(
  view: ResultsView,
  suite: Suite,
  groups: readonly FilterGroup[],
  label: (result: BenchmarkResult) => string,
): Map<string, BenchmarkResult> {
  const { results } = view.index;
  const latest = latestPositions(view, suite, codesKey(view, groups));
  return new Map(
    [...latest.values()].map((position) => {
      const result = results.at(position) as BenchmarkResult;
      return [label(result), result];
    }),
  );
}
