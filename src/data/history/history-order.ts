/**
 * The order of a history's runs: dated runs in date order, the others where the user puts them.
 */
import type { Dataset } from '../results/result-model';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** A dataset's date when its file gave a usable one (ISO 8601 without zone); null otherwise. */
export function datasetDate(dataset: Pick<Dataset, 'meta'>): string | null {
  const date = dataset.meta?.date;
  return typeof date === 'string' && ISO_DATE.test(date) ? date : null;
}

/** `2024-09-17T03:15:33` → `2024-09-17 03:15`, as the chart and table show a date. */
export function formatHistoryDate(date: string): string {
  return date.replace('T', ' ').slice(0, 16);
}

/** How the runs of a history are ordered. */
export type HistoryOrdering =
  /** Every run has a date: date order. */
  | 'date'
  /** No run has a date: the user's order. */
  | 'user'
  /** Runs with a date in date order, in the places not taken by runs without one. */
  | 'mixed';

interface Orderable {
  readonly id: string;
  readonly date: string | null;
}

/**
 * The runs in history order. `userOrder` is a list of dataset ids (unknown ids ignored; runs it
 * does not list follow in the given order). Runs without a date take their place in that order;
 * the places left are filled by the runs with a date, earliest first (equal dates keep the user's
 * order). So when all have a date the order is the dates', and when none has it is the user's.
 */
export function orderHistory<T extends Orderable>(
  runs: readonly T[],
  userOrder: readonly string[],
): T[] {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const placed: T[] = [];
  const seen = new Set<string>();
  for (const id of [...userOrder, ...runs.map((run) => run.id)]) {
    const run = byId.get(id);
    if (run === undefined || seen.has(id)) continue;
    seen.add(id);
    placed.push(run);
  }
  // Array.prototype.sort is stable: equal dates keep the user's order.
  const dated = placed
    .filter((run) => run.date !== null)
    .sort((a, b) =>
      (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0,
    );
  let next = 0;
  return placed.map((run) => {
    if (run.date === null) return run;
    const filler = dated[next] ?? run;
    next += 1;
    return filler;
  });
}

/** Which ordering a set of runs gets (see HistoryOrdering). */
export function historyOrdering(runs: readonly Orderable[]): HistoryOrdering {
  const dated = runs.filter((run) => run.date !== null).length;
  if (dated === runs.length) return 'date';
  return dated === 0 ? 'user' : 'mixed';
}

/**
 * Whether moving the run at `index` by `delta` (−1 earlier, +1 later) changes anything: not past
 * either end, and not past a run with another date when both have one (dates decide those).
 */
export function canMoveRun(runs: readonly Orderable[], index: number, delta: -1 | 1): boolean {
  const run = runs[index];
  const other = runs[index + delta];
  if (run === undefined || other === undefined) return false;
  return run.date === null || other.date === null || run.date === other.date;
}

/** The user order after moving one run of the shown order by `delta` (a new array). */
export function moveRun(shown: readonly string[], id: string, delta: -1 | 1): string[] {
  const order = [...shown];
  const at = order.indexOf(id);
  const to = at + delta;
  if (at === -1 || to < 0 || to >= order.length) return order;
  order[at] = order[to] ?? id;
  order[to] = id;
  return order;
}

/**
 * The user's order after moving one run of the shown order by `delta`: the shown runs in their new
 * order, then the runs placed before that are not shown now (another metric or test may show them
 * again), so placing one run never forgets where the others were put.
 */
export function orderAfterMove(
  current: readonly string[],
  shown: readonly string[],
  id: string,
  delta: -1 | 1,
): string[] {
  const moved = moveRun(shown, id, delta);
  return [...moved, ...current.filter((other) => !moved.includes(other))];
}
