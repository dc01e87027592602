import { resultIndexSteps, type ResultIndex } from '../data/result-index';
import type { Dataset } from '../data/result-model';
import { SLICE_BUDGET_MS, yieldToMain } from './yield';

/**
 * Builds the result index a slice at a time, yielding between slices: the same index as
 * `buildResultIndex`, without holding the main thread for the whole of a large build.
 */
export async function buildResultIndexSliced(datasets: readonly Dataset[]): Promise<ResultIndex> {
  const steps = resultIndexSteps(datasets);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (performance.now() - sliceStart < SLICE_BUDGET_MS) continue;
    await yieldToMain();
    sliceStart = performance.now();
  }
}
