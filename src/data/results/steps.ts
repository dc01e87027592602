/**
 * Work over many rows written once and run two ways: whole, or a step at a time. A derivation
 * written as steps is a generator that pauses (`yield`) every STEP_ROWS rows or so and returns
 * its result; `runSteps` runs it to its end at once, and a caller on the page can run it a few
 * steps per task instead, so a derivation over a million rows is many short tasks, not one
 * long one.
 */
export type Steps<T> = Generator<void, T, void>;

/** Rows between two points where a derivation written as steps may pause. */
export const STEP_ROWS = 4_096;

/** Runs steps to their end, at once, and returns what they make. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
