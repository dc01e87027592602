import { FILTER_GROUPS, type FilterGroup } from '../../data/result-index';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { FilterGroupFieldset } from './filter-group';

const LEGENDS: Readonly<Record<FilterGroup, string>> = {
  model: 'Model',
  gpu: 'GPU',
  qps: 'QPS',
  tp: 'TP',
  dataset: 'Dataset',
};

/** The filters shared by every table and chart, plus the test-name search. */
export function FilterBar() {
  const view = useDashboardStore(selectResultsView);
  const search = useDashboardStore((state) => state.view.search);
  const toggleHidden = useDashboardStore((state) => state.toggleHidden);
  const showOnly = useDashboardStore((state) => state.showOnly);
  const resetFilters = useDashboardStore((state) => state.resetFilters);
  const setSearch = useDashboardStore((state) => state.setSearch);

  return (
    <aside className="filter-bar" aria-label="Filters">
      <div className="filter-bar-head">
        <h2>Filters</h2>
        <button type="button" onClick={resetFilters}>
          Reset filters
        </button>
      </div>
      <label className="search">
        <span>Search test names</span>
        <input
          type="search"
          value={search}
          placeholder="e.g. llama70B or qps_16"
          onChange={(event) => {
            setSearch(event.target.value);
          }}
        />
      </label>
      {FILTER_GROUPS.map((group) =>
        view.facets[group].length === 0 ? null : (
          <FilterGroupFieldset
            key={group}
            group={group}
            legend={LEGENDS[group]}
            values={view.facets[group]}
            {...(group === 'qps' ? { note: 'Applies to serving results only.' } : {})}
            onToggle={(value) => {
              toggleHidden(group, value);
            }}
            onOnly={(value) => {
              showOnly(group, value);
            }}
          />
        ),
      )}
    </aside>
  );
}
