import type { Steps } from '../data/results/steps';

interface SchedulerWithYield {
  yield: () => Promise<void>;
}

function hasSchedulerYield(value: unknown): value is SchedulerWithYield {
  return (
    typeof value === 'object' &&
    value !== null &&
    'yield' in value &&
    typeof value.yield === 'function'
  );
}

/**
 * Gives the browser a turn (input, rendering) before the caller goes on: `scheduler.yield()`
 * where there is one (continuations run before other tasks), a message-channel task otherwise
 * (unlike `setTimeout`, never clamped to 4 ms).
 */
export function yieldToMain(): Promise<void> {
  const scheduler: unknown = (globalThis as { scheduler?: unknown }).scheduler;
  if (hasSchedulerYield(scheduler)) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long one slice of main-thread work may run before it yields: well under a frame's worth of lag. */
export const SLICE_BUDGET_MS = 12;

/**
 * Calls `step` until it says it is done, yielding to the browser whenever a slice has run for
 * `budgetMs`. Returns false when `cancelled()` turns true at a yield (the work is left off).
 */
export async function runSliced(
  step: () => boolean,
  cancelled: () => boolean = () => false,
  budgetMs = SLICE_BUDGET_MS,
): Promise<boolean> {
  let sliceStart = performance.now();
  while (!step()) {
    if (performance.now() - sliceStart < budgetMs) continue;
    await yieldToMain();
    if (cancelled()) return false;
    sliceStart = performance.now();
  }
  return true;
}

/**
 * Runs steps (see steps.ts) a slice at a time, as `runSliced` runs its step: their value, or
 * null when `cancelled()` turned true at a yield.
 */
export async function runStepsSliced<T>(
  steps: Steps<T>,
  cancelled: () => boolean = () => false,
  budgetMs = SLICE_BUDGET_MS,
): Promise<{ readonly value: T } | null> {
  let step = steps.next();
  const finished = await runSliced(
    () => {
      if (step.done !== true) step = steps.next();
      return step.done === true;
    },
    cancelled,
    budgetMs,
  );
  return finished && step.done === true ? { value: step.value } : null;
}
