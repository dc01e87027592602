import type { BenchmarkResult } from '../data/results/result-model';
import type { ResultColumns } from '../data/results/result-columns';
import { rowsSome, startRows } from '../data/results/columns-rows';
import { runSliced } from './yield';

/** Rows made per look at the clock. */
const UNPACK_STEP = 2_000;

/**
 * Makes the results of columns (each a view of its row) a slice at a time, yielding between
 * slices, so a million results never hold the main thread for more than a slice. Returns null
 * when `cancelled()` turns true on the way.
 */
export async function rowsSliced(
  columns: ResultColumns,
  cancelled: () => boolean = () => false,
): Promise<BenchmarkResult[] | null> {
  const cursor = startRows(columns);
  const done = await runSliced(() => rowsSome(columns, cursor, UNPACK_STEP), cancelled);
  return done ? cursor.out : null;
}
