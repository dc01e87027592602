import { startTransition, useEffect, useMemo, useState } from 'react';
import type { ResultsView } from '../data/results/results-view';
import { runSteps, type Steps } from '../data/results/steps';
import { isLargeView } from './staggered-views';
import { runStepsSliced, yieldToMain } from './yield';

/**
 * How long a task making a stepped value runs before it yields: a step reads a few thousand
 * rows (a millisecond or two), so the tasks stay far below the 50 ms that makes a page feel slow.
 */
export const STEPPED_BUDGET_MS = 8;

/**
 * What `make` derives from a view for `key` (a chart's data for its metric). Over a small view
 * it is made in the render, at once. Over a large one it is made after the render, a few steps
 * per task (see steps.ts), and taken in a transition; meanwhile the value made for the view or
 * key before is given, or null before the first. A derivation over every visible row is then
 * many short tasks, where in the render it was one of 50 ms at 100,000 results and 400 ms at a
 * million. `make` must be the same function from render to render (a module's function).
 */
export function useSteppedValue<K, T>(
  view: ResultsView,
  key: K,
  make: (view: ResultsView, key: K) => Steps<T>,
): T | null {
  const large = isLargeView(view);
  const now = useMemo(
    () => (large ? null : { value: runSteps(make(view, key)) }),
    [large, make, view, key],
  );
  // The value last made, boxed (a value may itself be null).
  const [made, setMade] = useState<{ readonly value: T } | null>(null);
  useEffect(() => {
    if (!large) return;
    let cancelled = false;
    // Started after a yield: the charts that mount in one commit each begin in a task of their
    // own, not all of their first slices in the commit's effects, one after another.
    void yieldToMain()
      .then(() =>
        cancelled ? null : runStepsSliced(make(view, key), () => cancelled, STEPPED_BUDGET_MS),
      )
      .then((result) => {
        if (result === null || cancelled) return;
        startTransition(() => {
          setMade(result);
        });
      });
    return () => {
      cancelled = true;
    };
  }, [large, make, view, key]);
  if (now !== null) {
    // Kept as the value made before, for when the view grows large (state from the render).
    if (made?.value !== now.value) setMade(now);
    return now.value;
  }
  return made?.value ?? null;
}
