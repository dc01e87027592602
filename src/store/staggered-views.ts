import { startTransition, useEffect, useState } from 'react';
import type { ResultsView } from '../data/results/results-view';

/** Below this many loaded results a view redraws in a few milliseconds: no staggering. */
export const STAGGER_FROM_RESULTS = 10_000;

/** How the views start, before any has changed. */
export type FirstMount =
  /** The first at once and the others one per task (placeholders hold their places). */
  | 'staggered'
  /** All at once over a small set of results; staggered over a large one. */
  | 'together-when-small';

function isSmall(view: ResultsView): boolean {
  return view.index.results.length < STAGGER_FROM_RESULTS;
}

/**
 * The view each of `count` parts of the page draws, null for one not mounted yet. When the view
 * changes, the first part takes it at once and the others one per task after it, so redrawing
 * many parts over a large data set (each a derivation over every visible row, then hundreds of
 * elements to lay out) is many short tasks, not one long one. Each step is a transition: typing
 * or clicking goes first. Over a small data set every mounted part takes a new view together.
 */
export function useStaggeredViews(
  view: ResultsView,
  count: number,
  firstMount: FirstMount,
): readonly (ResultsView | null)[] {
  const [latest, setLatest] = useState(view);
  const [views, setViews] = useState<readonly (ResultsView | null)[]>(() =>
    Array.from({ length: count }, (_, i) =>
      i === 0 || (firstMount === 'together-when-small' && isSmall(view)) ? view : null,
    ),
  );
  if (latest !== view) {
    // A new view: the first part follows in this very render (state derived from props); over
    // a small one, every mounted part takes it together in one commit.
    setLatest(view);
    const together = isSmall(view);
    setViews((current) =>
      current.map((shown, i) => (i === 0 || (together && shown !== null) ? view : shown)),
    );
  }
  useEffect(() => {
    const next = views.findIndex((shown) => shown !== latest);
    if (next === -1) return;
    const timer = setTimeout(() => {
      startTransition(() => {
        setViews((current) => current.map((shown, i) => (i === next ? latest : shown)));
      });
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [views, latest]);
  return views;
}
