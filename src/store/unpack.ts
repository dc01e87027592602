import type { BenchmarkResult } from '../data/results/result-model';
import type { ResultsPack } from '../data/results/results-pack';
import { startUnpacking, unpackSome } from '../data/results/unpack-results';
import { runSliced } from './yield';

/** Results unpacked per look at the clock. */
const UNPACK_STEP = 2_000;

/**
 * Unpacks results a slice at a time, yielding between slices, so a million results never hold
 * the main thread for more than a slice. Returns null when `cancelled()` turns true on the way.
 */
export async function unpackSliced(
  pack: ResultsPack,
  cancelled: () => boolean = () => false,
): Promise<BenchmarkResult[] | null> {
  const cursor = startUnpacking(pack);
  const done = await runSliced(() => unpackSome(pack, cursor, UNPACK_STEP), cancelled);
  if (!done) return null;
  return cursor.out;
}

/**
 * Packs made by the parsing worker, kept by the results they were unpacked into until storage
 * has saved them: saving a pack clones a few typed arrays instead of every result object.
 */
const packsByResults = new WeakMap<readonly BenchmarkResult[], ResultsPack>();

export function rememberPack(results: readonly BenchmarkResult[], pack: ResultsPack): void {
  packsByResults.set(results, pack);
}

/** The pack a worker made for these results, once: storage takes it and it is let go. */
export function takePack(results: readonly BenchmarkResult[]): ResultsPack | undefined {
  const pack = packsByResults.get(results);
  packsByResults.delete(results);
  return pack;
}
