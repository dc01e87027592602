import { resultIndexSteps, type ResultIndex } from '../data/results/result-index';
import type { Dataset } from '../data/results/result-model';
import { runStepsSliced } from './yield';

/**
 * Builds the result index a slice at a time, yielding between slices: the same index as
 * `buildResultIndex`, without holding the main thread for the whole of a large build.
 */
export async function buildResultIndexSliced(datasets: readonly Dataset[]): Promise<ResultIndex> {
  const built = await runStepsSliced(resultIndexSteps(datasets));
  if (built === null) throw new Error('the index build stopped before its end');
  return built.value;
}
