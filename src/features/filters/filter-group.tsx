import { useId } from 'react';
import type { FilterGroup } from '../../data/results/filter-groups';
import type { FacetValue } from '../../data/results/results-view';

interface FilterGroupProps {
  readonly group: FilterGroup;
  readonly legend: string;
  readonly values: readonly FacetValue[];
  readonly note?: string;
  readonly onToggle: (value: string) => void;
  readonly onOnly: (value: string) => void;
}

/** How a value reads on screen. `inf` shows as ∞ but keeps `inf` in its accessible name. */
function ValueLabel({ group, value }: { group: FilterGroup; value: FacetValue }) {
  if (group === 'qps' && value.value === 'inf') {
    return (
      <>
        <span aria-hidden="true">∞</span>
        <span className="visually-hidden">inf</span> <span className="value-note">all at once</span>
      </>
    );
  }
  return <>{value.label}</>;
}

/** One filter group: a fieldset with a checkbox, a count and an "only" shortcut per value. */
export function FilterGroupFieldset({
  group,
  legend,
  values,
  note,
  onToggle,
  onOnly,
}: FilterGroupProps) {
  const id = useId();
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {note !== undefined && <p className="filter-note">{note}</p>}
      <ul>
        {values.map((value, i) => {
          const inputId = `${id}-${i}`;
          const countId = `${inputId}-count`;
          const plainLabel =
            group === 'qps' && value.value === 'inf' ? 'inf (all at once)' : value.label;
          return (
            <li key={value.value} className="filter-value">
              <input
                id={inputId}
                type="checkbox"
                checked={!value.hidden}
                onChange={() => {
                  onToggle(value.value);
                }}
                aria-describedby={countId}
              />
              <label htmlFor={inputId} title={group === 'dataset' ? value.label : undefined}>
                <ValueLabel group={group} value={value} />
              </label>
              <span className="filter-count" aria-hidden="true">
                {value.count}
              </span>
              <span id={countId} className="visually-hidden">{`${value.count} results`}</span>
              <button
                type="button"
                className="only-button"
                aria-label={`Show only ${plainLabel}`}
                onClick={() => {
                  onOnly(value.value);
                }}
              >
                only
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
