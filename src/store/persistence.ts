import { createStore, del, entries, get, set, update, type UseStore } from 'idb-keyval';
import { readAssumptions, withAssumptions } from '../data/results/assumptions';
import { datasetColumns, resultCount, resultsOf, type Dataset } from '../data/results/result-model';
import { resultColumns, rowsOfColumns } from '../data/results/columns-rows';
import { datasetOfColumns } from '../data/results/results-on-demand';
import type { ResultColumns } from '../data/results/result-columns';
import { storeColumns } from '../data/results/stored-columns';
import { useDashboardStore, type LoadProblem } from './dashboard-store';
import { deleteCommitted, putCommitted } from './idb-commit';
import { cancelLater, flushLater, replaceLater, writeLater, writeNow } from './write-queue';
import {
  headerOf,
  restoredColumns,
  reviveRecord,
  type DatasetHeader,
  type SavedRecord,
} from './saved-record';
import { yieldToMain } from './yield';

export { reviveRecord };

/**
 * Datasets the user loaded are kept in IndexedDB, one record per dataset, so two tabs adding or
 * removing different datasets never overwrite each other's records. Bundled runs are not saved:
 * they come with the site.
 */

const DATASET_PREFIX = 'dataset:';
const SET_ASIDE_PREFIX = 'set-aside:';
/**
 * The ids of the datasets shown, bundled ones included, in the order shown: one small record in
 * a database of its own, so the datasets' store holds datasets only.
 */
const ORDER_KEY = 'order';

/**
 * Datasets with at least this many results are saved once the page has painted and is idle:
 * building their Blob takes tens of milliseconds, which must not hold up showing them. Smaller
 * ones are saved at once, so a reload right after loading one keeps it.
 */
export const DEFERRED_SAVE_RESULTS = 10_000;

/** A store of an IndexedDB database, opened on first use; null when the browser gives none. */
function lazyStore(database: string, name: string): () => UseStore | null {
  let store: UseStore | null = null;
  return () => {
    if (store !== null) return store;
    try {
      if (typeof indexedDB === 'undefined') return null;
      store = createStore(database, name);
      return store;
    } catch {
      return null;
    }
  };
}

const storage = lazyStore('vllm-dashboard', 'datasets');
const orderStorage = lazyStore('vllm-dashboard-order', 'order');

/** Saves a dataset the user loaded; false when storage is unavailable or full. */
export async function saveDataset(dataset: Dataset): Promise<boolean> {
  const db = storage();
  if (db === null) return false;
  try {
    const columns = datasetColumns(dataset) ?? resultColumns(dataset.results);
    const record: SavedRecord = {
      version: 4,
      savedAt: new Date().toISOString(),
      dataset: headerOf(dataset),
      // Small columns are stored in one go, so the write starts before the page renders them.
      stored: await storeColumns(
        columns,
        columns.count < DEFERRED_SAVE_RESULTS ? undefined : yieldToMain,
      ),
    };
    await putCommitted(db, `${DATASET_PREFIX}${dataset.id}`, record);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves a new label (or other header change) of a saved dataset without writing its results
 * again; falls back to a whole save when the record is not there or is of the older version.
 */
export async function saveHeader(dataset: Dataset): Promise<boolean> {
  const db = storage();
  if (db === null) return false;
  const updated = { done: false };
  try {
    const header = headerOf(dataset);
    await update(
      `${DATASET_PREFIX}${dataset.id}`,
      (value: unknown) => {
        const revived = reviveRecord(value);
        if (revived === null || 'dataset' in revived) return value;
        updated.done = true;
        // savedAt stays: it is when the dataset was first kept, the order of last resort.
        return { ...(value as SavedRecord), dataset: header };
      },
      db,
    );
  } catch {
    return false;
  }
  return updated.done || saveDataset(dataset);
}

/**
 * A restored dataset, its results the rows of its columns (made when asked for), with the facts
 * its user assumed (checked, as storage is read) applied.
 */
function assumedDataset(header: DatasetHeader, columns: ResultColumns): Dataset {
  const { assumed: stored, ...rest } = header;
  const assumed = readAssumptions(stored);
  if (assumed === undefined) return datasetOfColumns(rest, columns);
  const results = withAssumptions(rowsOfColumns(columns), columns, assumed);
  return { ...rest, assumed, results, columns };
}

export async function forgetDataset(id: string): Promise<void> {
  const db = storage();
  if (db === null) return;
  try {
    await deleteCommitted(db, `${DATASET_PREFIX}${id}`);
  } catch {
    // Nothing to do: the record stays until the next successful removal.
  }
}

/** Saves the order the datasets are shown in (their ids); none forgets it. */
export async function saveOrder(ids: readonly string[]): Promise<void> {
  const db = orderStorage();
  if (db === null) return;
  try {
    if (ids.length === 0) await deleteCommitted(db, ORDER_KEY);
    else await putCommitted(db, ORDER_KEY, [...ids]);
  } catch {
    // The datasets stay; only their order is not kept.
  }
}

async function readOrder(): Promise<readonly string[]> {
  const db = orderStorage();
  if (db === null) return [];
  try {
    const order: unknown = await get(ORDER_KEY, db);
    return Array.isArray(order) ? order.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export interface RestoreReport {
  /** In the order they were saved; `order` is the order they were shown in. */
  readonly datasets: readonly Dataset[];
  readonly order: readonly string[];
  readonly problems: readonly LoadProblem[];
  readonly available: boolean;
}

/**
 * Reads every saved dataset. Records that cannot be read are set aside (kept under another key,
 * not deleted) with a notice, and the app starts with the rest.
 */
export async function restoreSavedDatasets(): Promise<RestoreReport> {
  const db = storage();
  if (db === null) return { datasets: [], order: [], problems: [], available: false };
  let all: [IDBValidKey, unknown][];
  try {
    all = await entries(db);
  } catch {
    return {
      datasets: [],
      order: [],
      problems: [
        {
          source: 'saved datasets',
          message: 'Saved datasets could not be read; this session will not save.',
        },
      ],
      available: false,
    };
  }
  const datasets: { dataset: Dataset; savedAt: string }[] = [];
  let setAside = 0;
  for (const [key, value] of all) {
    if (typeof key !== 'string' || !key.startsWith(DATASET_PREFIX)) continue;
    const revived = reviveRecord(value);
    if (revived !== null) {
      const savedAt = (value as { savedAt?: unknown }).savedAt;
      const at = typeof savedAt === 'string' ? savedAt : '';
      if ('dataset' in revived) {
        datasets.push({ dataset: revived.dataset, savedAt: at });
        continue;
      }
      const restored = await restoredColumns(revived);
      if (restored !== null) {
        datasets.push({ dataset: assumedDataset(revived.header, restored), savedAt: at });
        continue;
      }
    }
    setAside += 1;
    try {
      await set(`${SET_ASIDE_PREFIX}${key}`, value, db);
      await del(key, db);
    } catch {
      // Leave it where it is; it is skipped again next time.
    }
  }
  // Records saved before the order was kept come in the order they were saved.
  datasets.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
  const problems: LoadProblem[] =
    setAside === 0
      ? []
      : [
          {
            source: 'saved datasets',
            message: `${setAside} saved ${setAside === 1 ? 'dataset was' : 'datasets were'} damaged and set aside; everything else was restored.`,
          },
        ];
  return {
    datasets: datasets.map((entry) => entry.dataset),
    order: await readOrder(),
    problems,
    available: true,
  };
}

/**
 * Restores saved datasets into the store, in the order they were shown, then keeps storage in
 * step with it: datasets the user adds are saved, removed ones are forgotten at once, relabelled
 * ones are saved again, and the order is kept. Writes still waiting when the page is hidden or
 * left are started then. Returns a stop function.
 */
export async function startPersistence(
  /** Where `pagehide` and `visibilitychange` are heard: the window. */
  page: EventTarget | null = typeof window === 'undefined' ? null : window,
): Promise<() => void> {
  const store = useDashboardStore;
  const report = await restoreSavedDatasets();
  await store.getState().loadDatasets(report.datasets, report.order);
  store.getState().reportProblems(report.problems);
  store.getState().setStorageAvailable(report.available);
  const saved = new Map(report.datasets.map((dataset) => [dataset.id, dataset]));
  let savedOrder = report.order.join('\n');

  const save = (dataset: Dataset) => () =>
    saveDataset(dataset).then((ok) => {
      if (!ok) useDashboardStore.getState().markNotSaved(dataset.id);
    });

  const sync = (datasets: readonly Dataset[]): void => {
    const current = new Map(
      datasets.filter((d) => d.source.kind !== 'bundled').map((d) => [d.id, d]),
    );
    for (const [id, dataset] of current) {
      const before = saved.get(id);
      if (before === dataset) continue;
      saved.set(id, dataset);
      if (before !== undefined && resultsOf(before) === resultsOf(dataset)) {
        // A new label: a save still waiting takes it along, else only the header is written.
        if (!replaceLater(id, save(dataset))) {
          writeNow(() =>
            saveHeader(dataset).then((ok) => {
              if (!ok) useDashboardStore.getState().markNotSaved(id);
            }),
          );
        }
      } else if (resultCount(dataset) >= DEFERRED_SAVE_RESULTS) {
        writeLater(id, save(dataset));
      } else {
        writeNow(save(dataset));
      }
    }
    for (const id of [...saved.keys()]) {
      if (current.has(id)) continue;
      saved.delete(id);
      cancelLater(id);
      writeNow(() => forgetDataset(id));
    }
    // Kept while the user has datasets of their own; the bundled runs alone need no order.
    const order = current.size === 0 ? [] : datasets.map((dataset) => dataset.id);
    if (order.join('\n') !== savedOrder) {
      savedOrder = order.join('\n');
      writeNow(() => saveOrder(order));
    }
  };
  // Files loaded while the saved ones were being read are saved now, not at the next change.
  sync(store.getState().datasets);
  const stopSync = store.subscribe((state, previous) => {
    if (state.datasets !== previous.datasets) sync(state.datasets);
  });
  // A tab closed or reloaded before the page was idle still keeps what it showed.
  const flush = (): void => {
    flushLater();
  };
  page?.addEventListener('pagehide', flush);
  page?.addEventListener('visibilitychange', flush);
  return () => {
    stopSync();
    page?.removeEventListener('pagehide', flush);
    page?.removeEventListener('visibilitychange', flush);
  };
}
