import { memo, useDeferredValue, type ComponentType, type ReactElement } from 'react';
import type { ResultsView } from '../data/results/results-view';
import { selectResultsView, useDashboardStore } from './dashboard-store';

/** The props a section drawn from the deferred view takes: its own, and the view. */
export type WithView<P> = P & { readonly view: ResultsView };

/**
 * A section that draws the filtered view after the tables do. A filter click renders the tables
 * at once; the section takes the new view in a later, interruptible render. `useDeferredValue`
 * alone does not spare the urgent render: it hands back the old view, but the component still
 * runs, and every child without `memo` (a chart, whose library then updates its own store) runs
 * with it. Behind `memo`, the body is skipped: its props, the old view included, are the same.
 */
export function withDeferredView<P extends object>(
  Body: ComponentType<WithView<P>>,
): (props: P) => ReactElement {
  const Memo = memo(Body) as unknown as ComponentType<WithView<P>>;
  function DeferredView(props: P): ReactElement {
    const view = useDeferredValue(useDashboardStore(selectResultsView));
    return <Memo {...props} view={view} />;
  }
  DeferredView.displayName = `Deferred(${Body.displayName ?? Body.name})`;
  return DeferredView;
}
