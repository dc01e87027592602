import { FILTER_GROUPS, type FilterGroup } from '../../data/results/filter-groups';
import type { FacetValue } from '../../data/results/results-view';

/** How many filter values are unchecked, over every group. */
export function hiddenValueCount(
  facets: Readonly<Record<FilterGroup, readonly FacetValue[]>>,
): number {
  let count = 0;
  for (const group of FILTER_GROUPS) {
    for (const value of facets[group]) if (value.hidden) count += 1;
  }
  return count;
}

/**
 * What the drawer toggle says is in effect behind it: `Filters`, `Filters (2 hidden)`,
 * `Filters (search)` or `Filters (2 hidden, search)`.
 */
export function filterToggleLabel(hidden: number, search: string): string {
  const parts: string[] = [];
  if (hidden > 0) parts.push(`${hidden.toLocaleString('en-US')} hidden`);
  if (search.trim() !== '') parts.push('search');
  return parts.length === 0 ? 'Filters' : `Filters (${parts.join(', ')})`;
}
