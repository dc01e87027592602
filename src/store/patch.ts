import type { StateCreator } from 'zustand';
import type { DashboardStore } from './dashboard-store';

/** The store's records that slices change a few fields at a time. */
type PatchedKey = 'view' | 'compare' | 'decisions';

/**
 * A setter that merges some fields into one of the store's records (`view`, `compare`,
 * `decisions`), keeping the others: each slice's actions change their record through it.
 */
function patcher<K extends PatchedKey>(
  set: (partial: Partial<DashboardStore>) => void,
  get: () => DashboardStore,
  key: K,
): (next: Partial<DashboardStore[K]>) => void {
  return (next) => {
    const merged: DashboardStore[K] = { ...get()[key], ...next };
    set({ [key]: merged });
  };
}

/** What a slice of one record makes its actions with. */
export interface RecordAccess<K extends PatchedKey> {
  /** Merges some fields into the record. */
  readonly change: (next: Partial<DashboardStore[K]>) => void;
  /** Puts a whole record in its place (a URL's, a saved one). */
  readonly replace: (record: DashboardStore[K]) => void;
  readonly get: () => DashboardStore;
}

/** A slice whose actions change one of the store's records, made by `make` of its access. */
export function recordSlice<K extends PatchedKey, S>(
  key: K,
  make: (access: RecordAccess<K>) => S,
): StateCreator<DashboardStore, [], [], S> {
  return (set, get) =>
    make({
      change: patcher(set, get, key),
      replace: (record) => {
        set({ [key]: record });
      },
      get,
    });
}
