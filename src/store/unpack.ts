import type { BenchmarkResult } from '../data/results/result-model';
import type { ResultColumns } from '../data/results/result-columns';
import { rowsSome, startRows } from '../data/results/columns-rows';
import { SLICE_BUDGET_MS, runSliced } from './yield';

/** Rows made per look at the clock. */
const UNPACK_STEP = 2_000;

/**
 * Makes the results of each set of columns (each result a view of its row) a slice at a time,
 * yielding between slices, so a million results never hold the main thread for more than a
 * slice. One budget runs across the sets: a hundred files of 10,000 results, each made in a
 * slice of its own that started the moment the one before ended, were all made in one task.
 * Returns null when `cancelled()` turns true on the way.
 */
export async function rowsSliced(
  sets: readonly ResultColumns[],
  cancelled: () => boolean = () => false,
  budgetMs = SLICE_BUDGET_MS,
): Promise<BenchmarkResult[][] | null> {
  const cursors = sets.map(startRows);
  let at = 0;
  const done = await runSliced(
    () => {
      const columns = sets[at];
      const cursor = cursors[at];
      if (columns === undefined || cursor === undefined) return true;
      if (rowsSome(columns, cursor, UNPACK_STEP)) at += 1;
      return at >= sets.length;
    },
    cancelled,
    budgetMs,
  );
  return done ? cursors.map((cursor) => cursor.out) : null;
}
