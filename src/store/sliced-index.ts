import { resultIndexSteps, type ResultIndex } from '../data/results/result-index';
import type { Dataset } from '../data/results/result-model';
import { runStepsSliced, yieldToMain } from './yield';

/**
 * Builds the result index a slice at a time, yielding between slices: the same index as
 * `buildResultIndex`, without holding the main thread for the whole of a large build. The first
 * slice gets a task of its own: the task that asks has often just received the datasets from
 * the parsing worker, and collected the garbage of reading them (41 ms of an 85 ms task, traced
 * at a million results).
 */
export async function buildResultIndexSliced(datasets: readonly Dataset[]): Promise<ResultIndex> {
  await yieldToMain();
  const built = await runStepsSliced(resultIndexSteps(datasets));
  if (built === null) throw new Error('the index build stopped before its end');
  return built.value;
}
