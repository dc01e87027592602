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

/** Where values made by steps are kept, by key (a Map or a WeakMap). */
interface Kept<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value kept under `key`, or else `make`'s steps run and their value kept. A value kept
 * while the steps paused (made at once by a caller that did not wait for them) is the one kept
 * and given: one value per key.
 */
export function* keptSteps<K, V>(kept: Kept<K, V>, key: K, make: () => Steps<V>): Steps<V> {
  const known = kept.get(key);
  if (known !== undefined) return known;
  const made = yield* make();
  const meanwhile = kept.get(key);
  if (meanwhile !== undefined) return meanwhile;
  kept.set(key, made);
  return made;
}

/** Rows `from` … `to` − 1: the part of a pass one step makes. */
export interface RowRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Calls `read` for `0 … count` in ranges of STEP_ROWS, pausing after each: how a derivation over
 * rows becomes steps. The loop over a range lives in `read`, a function the
 * engine optimizes as it is called again and again (a loop in a generator's own body ran
 * unoptimized through a whole first build).
 */
export function* rangeSteps(count: number, read: (rows: RowRange) => void): Steps<void> {
  for (let from = 0; from < count; from += STEP_ROWS) {
    read({ from, to: Math.min(count, from + STEP_ROWS) });
    yield;
  }
}
