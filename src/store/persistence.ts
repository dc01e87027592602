import { createStore, del, entries, get, set, update, type UseStore } from 'idb-keyval';
import type { BenchmarkResult, Dataset } from '../data/results/result-model';
import { SUITES } from '../data/results/result-model';
import { isResultsPack } from '../data/results/legacy/row-pack-check';
import type { ResultsPack } from '../data/results/legacy/row-pack';
import {
  isStoredPack,
  readStoredPack,
  type StoredPack,
} from '../data/results/legacy/stored-row-pack';
import { columnsOf } from '../data/results/result-columns';
import {
  isStoredColumns,
  readStoredColumns,
  storeColumns,
  type StoredColumns,
} from '../data/results/stored-columns';
import { useDashboardStore, type LoadProblem } from './dashboard-store';
import { deleteCommitted, putCommitted } from './idb-commit';
import { cancelLater, flushLater, replaceLater, writeLater, writeNow } from './write-queue';
import { rowsSliced, takeColumns } from './unpack';
import { packColumns } from '../data/results/legacy/pack-columns';
import { yieldToMain } from './yield';

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

/** A dataset without its results. */
export type DatasetHeader = Omit<Dataset, 'results'>;

/**
 * Version 4 keeps results as columns, their bytes as one Blob: saving hands the browser a Blob
 * instead of making the page serialize every number, so a 100 MB file does not stop the page
 * while it is saved. Versions 3 (a row-major pack's bytes as a Blob), 2 (that pack's typed
 * arrays as they are) and 1 (results as objects) are still read.
 */
interface SavedRecord {
  readonly version: 4;
  readonly savedAt: string;
  readonly dataset: DatasetHeader;
  readonly stored: StoredColumns;
}

function headerOf(dataset: Dataset): DatasetHeader {
  const { id, label, source, format, warnings, meta } = dataset;
  return meta === undefined
    ? { id, label, source, format, warnings }
    : { id, label, source, format, warnings, meta };
}

/**
 * A record read back: a header and its stored columns (version 4) or stored pack (3) — their
 * bytes are read when restored —, a header and its packed results (2), or a whole dataset (1).
 */
export type RevivedRecord =
  | { readonly header: DatasetHeader; readonly columns: StoredColumns }
  | { readonly header: DatasetHeader; readonly stored: StoredPack }
  | { readonly header: DatasetHeader; readonly pack: ResultsPack }
  | { readonly dataset: Dataset };

let idbStore: UseStore | null = null;

function storage(): UseStore | null {
  if (idbStore !== null) return idbStore;
  try {
    if (typeof indexedDB === 'undefined') return null;
    idbStore = createStore('vllm-dashboard', 'datasets');
    return idbStore;
  } catch {
    return null;
  }
}

let orderStore: UseStore | null = null;

function orderStorage(): UseStore | null {
  if (orderStore !== null) return orderStore;
  try {
    if (typeof indexedDB === 'undefined') return null;
    orderStore = createStore('vllm-dashboard-order', 'order');
    return orderStore;
  } catch {
    return null;
  }
}

const SUITE_NAMES: ReadonlySet<string> = new Set(SUITES);

function isResult(value: unknown): value is BenchmarkResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Partial<Record<keyof BenchmarkResult, unknown>>;
  return (
    typeof result.suite === 'string' &&
    SUITE_NAMES.has(result.suite) &&
    typeof result.testName === 'string' &&
    typeof result.model === 'string' &&
    typeof result.metrics === 'object' &&
    result.metrics !== null &&
    typeof result.attributes === 'object' &&
    result.attributes !== null
  );
}

function isHeader(value: unknown): value is DatasetHeader {
  if (typeof value !== 'object' || value === null) return false;
  const dataset = value as Partial<Record<keyof Dataset, unknown>>;
  const source = dataset.source as Partial<Dataset['source']> | null | undefined;
  return (
    typeof dataset.id === 'string' &&
    typeof dataset.label === 'string' &&
    typeof source === 'object' &&
    source !== null &&
    (source.kind === 'file' || source.kind === 'paste') &&
    typeof source.name === 'string' &&
    typeof dataset.format === 'object' &&
    dataset.format !== null &&
    Array.isArray(dataset.warnings)
  );
}

/** A stored value → what it holds, or null when it is not one we wrote (corrupted or from elsewhere). */
export function reviveRecord(value: unknown): RevivedRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as { version?: unknown; dataset?: unknown; pack?: unknown };
  if (!isHeader(record.dataset)) return null;
  if (record.version === 4) {
    const { stored } = value as { stored?: unknown };
    return isStoredColumns(stored) ? { header: record.dataset, columns: stored } : null;
  }
  if (record.version === 3) {
    const { stored } = value as { stored?: unknown };
    return isStoredPack(stored) ? { header: record.dataset, stored } : null;
  }
  if (record.version === 2) {
    return isResultsPack(record.pack) ? { header: record.dataset, pack: record.pack } : null;
  }
  if (record.version !== 1) return null;
  const { results } = record.dataset as Partial<Dataset>;
  if (!Array.isArray(results) || !results.every(isResult)) return null;
  return { dataset: record.dataset as Dataset };
}

/** The results of a record that keeps them as columns or packed, or null when damaged. */
async function restoredRows(
  revived: Exclude<RevivedRecord, { readonly dataset: Dataset }>,
): Promise<BenchmarkResult[] | null> {
  if ('columns' in revived) {
    const columns = await readStoredColumns(revived.columns);
    return columns === null ? null : rowsSliced(columns);
  }
  const pack = 'pack' in revived ? revived.pack : await readStoredPack(revived.stored);
  return pack === null ? null : rowsSliced(packColumns(pack));
}

/** Saves a dataset the user loaded; false when storage is unavailable or full. */
export async function saveDataset(dataset: Dataset): Promise<boolean> {
  const db = storage();
  if (db === null) return false;
  try {
    const columns = takeColumns(dataset.results) ?? columnsOf(dataset.results);
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
      const results = await restoredRows(revived);
      if (results !== null) {
        datasets.push({ dataset: { ...revived.header, results }, savedAt: at });
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
      if (before?.results === dataset.results) {
        // A new label: a save still waiting takes it along, else only the header is written.
        if (!replaceLater(id, save(dataset))) {
          writeNow(() =>
            saveHeader(dataset).then((ok) => {
              if (!ok) useDashboardStore.getState().markNotSaved(id);
            }),
          );
        }
      } else if (dataset.results.length >= DEFERRED_SAVE_RESULTS) {
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
