import { useId } from 'react';
import { FILTER_GROUPS, groupSpec } from '../../data/results/filter-groups';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { filterToggleLabel, hiddenValueCount } from './filter-summary';
import { FilterGroupFieldset } from './filter-group';
import { useFilterDrawer } from './use-filter-drawer';
import './filters.css';

function FilterIcon() {
  return (
    <svg
      className="filter-toggle-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
        <path d="M1.75 4.5h7.5M12.75 4.5h1.5M1.75 11.5h1.5M6.75 11.5h7.5" />
        <circle cx="11" cy="4.5" r="1.75" />
        <circle cx="5" cy="11.5" r="1.75" />
      </g>
    </svg>
  );
}

/**
 * The filters shared by every table and chart, plus the test-name search. From 900 px up they are
 * a sticky sidebar; below, an off-canvas drawer opened by the `Filters` button this renders too
 * (the CSS shows that button only where the drawer is in effect).
 */
export function FilterBar() {
  const view = useDashboardStore(selectResultsView);
  const search = useDashboardStore((state) => state.view.search);
  const toggleHidden = useDashboardStore((state) => state.toggleHidden);
  const showOnly = useDashboardStore((state) => state.showOnly);
  const resetFilters = useDashboardStore((state) => state.resetFilters);
  const setSearch = useDashboardStore((state) => state.setSearch);
  const { isDrawer, isOpen, toggleRef, panelRef, backdropRef, initialFocusRef, open, close } =
    useFilterDrawer();
  const panelId = useId();

  const total = view.index.results.length;

  return (
    <>
      <div className="filter-toggle-bar">
        <button
          ref={toggleRef}
          type="button"
          className="filter-toggle"
          aria-expanded={isOpen}
          aria-controls={panelId}
          onClick={open}
        >
          <FilterIcon />
          {filterToggleLabel(hiddenValueCount(view.facets), search)}
        </button>
        {total > 0 && (
          <p className="filter-toggle-summary">
            {view.visibleCount.toLocaleString('en-US')} of {total.toLocaleString('en-US')} results
          </p>
        )}
      </div>
      {isOpen && (
        <div ref={backdropRef} className="filter-backdrop" aria-hidden="true" onClick={close} />
      )}
      <aside
        ref={panelRef}
        id={panelId}
        className="filter-bar"
        aria-label="Filters"
        data-open={isOpen ? '' : undefined}
        // Closed, the drawer is off screen: out of the tab order and of the accessibility tree.
        inert={isDrawer && !isOpen}
      >
        <div className="filter-bar-head">
          <h2>Filters</h2>
          <button type="button" onClick={resetFilters}>
            Reset filters
          </button>
          <button
            ref={initialFocusRef}
            type="button"
            className="filter-close"
            aria-label="Close filters"
            onClick={close}
          >
            Close
          </button>
        </div>
        <label className="search">
          <span>Search test names</span>
          <input
            type="search"
            data-shortcut="focus-search"
            value={search}
            placeholder="e.g. llama70B or qps_16"
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
        </label>
        {FILTER_GROUPS.map((group) => {
          const { legend, note, shownFrom = 1 } = groupSpec(group);
          return view.facets[group].length < shownFrom ? null : (
            <FilterGroupFieldset
              key={group}
              group={group}
              legend={legend}
              values={view.facets[group]}
              {...(note === undefined ? {} : { note })}
              onToggle={(value) => {
                toggleHidden(group, value);
              }}
              onOnly={(value) => {
                showOnly(group, value);
              }}
            />
          );
        })}
      </aside>
    </>
  );
}
