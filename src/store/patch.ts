import type { DashboardStore } from './dashboard-store';

/** The store's records that slices change a few fields at a time. */
type PatchedKey = 'view' | 'compare' | 'decisions';

/**
 * A setter that merges some fields into one of the store's records (`view`, `compare`,
 * `decisions`), keeping the others: each slice's actions change their record through it.
 */
export function patcher<K extends PatchedKey>(
  set: (partial: Partial<DashboardStore>) => void,
  get: () => DashboardStore,
  key: K,
): (next: Partial<DashboardStore[K]>) => void {
  return (next) => {
    const merged: DashboardStore[K] = { ...get()[key], ...next };
    set({ [key]: merged });
  };
}
