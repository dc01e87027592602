import { startTransition, useEffect, useState } from 'react';
import type { ResultIndex } from '../data/results/result-index';
import type { ResultsView } from '../data/results/results-view';

/** Below this many loaded results a view redraws in a few milliseconds: no staggering. */
export const STAGGER_FROM_RESULTS = 10_000;

/** How the parts start, before any has changed. */
export type FirstMount =
  /** The first at once and the others in turn (placeholders hold their places). */
  | 'staggered'
  /** All at once when the parts take a new value together; in turn otherwise. */
  | 'together-when-small'
  /** All at once, whatever the size: there is no older value to keep meanwhile. */
  | 'together';

/**
 * Whether an index is large enough for the parts drawn from it to take a new view in turn (and
 * for panels out of view to skip rendering).
 */
export function isLargeIndex(index: ResultIndex): boolean {
  return index.results.length >= STAGGER_FROM_RESULTS;
}

/** Whether a view is large enough for the parts drawn from it to take it in turn. */
export function isLargeView(view: ResultsView): boolean {
  return isLargeIndex(view.index);
}

interface StaggerOptions<T> {
  /** Every mounted part takes a new value at once (a small data set). */
  readonly together: boolean;
  readonly firstMount: FirstMount;
  /** How many parts take the value in each turn (the first turn in the render itself). */
  readonly perTask?: number;
  /**
   * Whether a new value is of a kind every mounted part takes at once even when they would
   * otherwise take it in turn (compared with the value before it).
   */
  readonly togetherWhen?: (last: T, next: T) => boolean;
}

/**
 * The value each of `count` parts of the page draws, null for one not mounted yet. When the value
 * changes, the first parts take it at once and the others `perTask` at a time, a task each, so
 * redrawing many parts over a large data set (each a derivation over every visible row, then
 * hundreds of elements to lay out) is many short tasks, not one long one. Each turn is a
 * transition: typing or clicking goes first. The parts not yet turned keep the value they drew.
 */
export function useStaggeredValues<T>(
  value: T,
  count: number,
  { together, firstMount, perTask = 1, togetherWhen }: StaggerOptions<T>,
): readonly (T | null)[] {
  const [latest, setLatest] = useState(value);
  const [shown, setShown] = useState<readonly (T | null)[]>(() =>
    Array.from({ length: count }, (_, i) =>
      i < perTask || firstMount === 'together' || (firstMount === 'together-when-small' && together)
        ? value
        : null,
    ),
  );
  if (latest !== value) {
    // A new value: the first parts follow in this very render (state derived from props); when
    // together, every mounted part takes it in one commit.
    const all = together || (togetherWhen?.(latest, value) ?? false);
    setLatest(value);
    setShown((current) =>
      Array.from({ length: count }, (_, i) => {
        // A part new with this value (there are more of them) is mounted like the others.
        if (i >= current.length) return i < perTask || all ? value : null;
        const was = current[i] ?? null;
        return i < perTask || (all && was !== null) ? value : was;
      }),
    );
  }
  useEffect(() => {
    const next = shown.findIndex((part) => part !== latest);
    if (next === -1) return;
    const timer = setTimeout(() => {
      startTransition(() => {
        setShown((current) =>
          current.map((part, i) => (i >= next && i < next + perTask ? latest : part)),
        );
      });
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [shown, latest, perTask]);
  return shown;
}

/**
 * The view each of `count` parts draws (see `useStaggeredValues`): over a large view one part a
 * task, over a small one all mounted parts together.
 */
export function useStaggeredViews(
  view: ResultsView,
  count: number,
  firstMount: FirstMount,
): readonly (ResultsView | null)[] {
  return useStaggeredValues(view, count, { together: !isLargeView(view), firstMount });
}

/** Two views of the same loaded data: they differ only in filters (or nothing). */
function sameData(last: ResultsView, next: ResultsView): boolean {
  return last.index === next.index;
}

/**
 * The view each of `count` results tables draws. New data over a large view reaches them one
 * table a task, the first at once: rendering all three tables' rows in one task took 50-75 ms
 * after a pick of 100,000 results. A filter click over the same data reaches every table in one
 * commit: the tables are that click's answer. On the first mount every table draws at once.
 */
export function useTableViews(view: ResultsView, count: number): readonly ResultsView[] {
  const views = useStaggeredValues(view, count, {
    together: !isLargeView(view),
    firstMount: 'together',
    togetherWhen: sameData,
  });
  return views.map((part) => part ?? view);
}
