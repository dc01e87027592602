import {
  createContext,
  memo,
  useContext,
  useDeferredValue,
  type ComponentType,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { ResultsView } from '../data/results/results-view';
import type { Steps } from '../data/results/steps';
import { selectResultsView, servingConfigsOfSteps, useDashboardStore } from './dashboard-store';
import { useSteppedValue } from './stepped-value';
import { useStaggeredViews } from './staggered-views';

/** The props a section drawn from the deferred view takes: its own, and the view. */
export type WithView<P> = P & { readonly view: ResultsView };

/**
 * The sections drawn from the deferred view, in page order: over a large data set each takes a
 * new view in a task of its own, the first at once.
 */
export const DEFERRED_SECTIONS = ['overview', 'decisions', 'regressions', 'history'] as const;
export type DeferredSection = (typeof DEFERRED_SECTIONS)[number];

/** The view, once what the sections share is made of it. */
function* prepareSections(view: ResultsView): Steps<ResultsView> {
  yield* servingConfigsOfSteps(view);
  return view;
}

const SectionViews = createContext<readonly (ResultsView | null)[] | null>(null);

/**
 * Hands the deferred view to the sections below it one after another (see `useStaggeredViews`):
 * after a large file, the overview, the decisions, the regressions and the history each lay out
 * in a task of their own instead of all in the one that follows the tables.
 */
export function DeferredViews({ children }: { readonly children: ReactNode }): ReactElement {
  const deferred = useDeferredValue(useDashboardStore(selectResultsView));
  // Over a large view, what the sections share (the serving configurations) is made first, in
  // short tasks; until then they keep the view they drew (or take this one, on a first view).
  const prepared = useSteppedValue(deferred, null, prepareSections);
  const view = prepared ?? deferred;
  const views = useStaggeredViews(view, DEFERRED_SECTIONS.length, 'together-when-small');
  return <SectionViews.Provider value={views}>{children}</SectionViews.Provider>;
}

/**
 * A section that draws the filtered view after the tables do. A filter click renders the tables
 * at once; the section takes the new view in a later, interruptible render. `useDeferredValue`
 * alone does not spare the urgent render: it hands back the old view, but the component still
 * runs, and every child without `memo` (a chart, whose library then updates its own store) runs
 * with it. Behind `memo`, the body is skipped: its props, the old view included, are the same.
 * Below `DeferredViews` the section takes its turn as `section`; it shows nothing until its
 * first turn. Elsewhere (a section on its own) it follows the deferred view directly.
 */
export function withDeferredView<P extends object>(
  Body: ComponentType<WithView<P>>,
  section: DeferredSection,
): (props: P) => ReactElement | null {
  const Memo = memo(Body) as unknown as ComponentType<WithView<P>>;
  const slot = DEFERRED_SECTIONS.indexOf(section);
  function DeferredView(props: P): ReactElement | null {
    const views = useContext(SectionViews);
    const own = useDeferredValue(useDashboardStore(selectResultsView));
    const view = views === null ? own : (views[slot] ?? null);
    if (view === null) return null;
    return <Memo {...props} view={view} />;
  }
  DeferredView.displayName = `Deferred(${Body.displayName ?? Body.name})`;
  return DeferredView;
}
