import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';

/** Says so when results are loaded but the filters and search match none of them. */
export function NoMatchNotice() {
  const view = useDashboardStore(selectResultsView);
  const resetFilters = useDashboardStore((state) => state.resetFilters);
  if (view.index.results.length === 0 || view.visibleCount > 0) return null;
  return (
    <div className="panel no-match" role="status">
      <p>
        No results match the filters and search: {view.index.results.length.toLocaleString('en-US')}{' '}
        results are loaded but all are hidden.
      </p>
      <button type="button" onClick={resetFilters}>
        Reset filters
      </button>
    </div>
  );
}
