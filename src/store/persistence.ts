import { createStore, del, entries, set, update, type UseStore } from 'idb-keyval';
import type { BenchmarkResult, Dataset } from '../data/results/result-model';
import { SUITES } from '../data/results/result-model';
import { isResultsPack } from '../data/results/pack-check';
import { packResults, type ResultsPack } from '../data/results/results-pack';
import {
  isStoredPack,
  readStoredPack,
  storePack,
  type StoredPack,
} from '../data/results/stored-pack';
import { useDashboardStore, type LoadProblem } from './dashboard-store';
import { takePack, unpackSliced } from './unpack';
import { yieldToMain } from './yield';

/**
 * Datasets the user loaded are kept in IndexedDB, one record per dataset, so two tabs adding or
 * removing different datasets never overwrite each other's records. Bundled runs are not saved:
 * they come with the site.
 */

const DATASET_PREFIX = 'dataset:';
const SET_ASIDE_PREFIX = 'set-aside:';

/** A dataset without its results. */
export type DatasetHeader = Omit<Dataset, 'results'>;

/**
 * Version 3 keeps results packed, the arrays' bytes as one Blob: saving hands the browser a Blob
 * instead of making the page serialize every number, so a 100 MB file does not stop the page
 * while it is saved. Versions 2 (the pack's typed arrays as they are) and 1 (results as objects)
 * are still read.
 */
interface SavedRecord {
  readonly version: 3;
  readonly savedAt: string;
  readonly dataset: DatasetHeader;
  readonly stored: StoredPack;
}

function headerOf(dataset: Dataset): DatasetHeader {
  const { id, label, source, format, warnings, meta } = dataset;
  return meta === undefined
    ? { id, label, source, format, warnings }
    : { id, label, source, format, warnings, meta };
}

/**
 * A record read back: a header and its stored results (version 3; their bytes are read when
 * restored), a header and its packed results (2), or a whole dataset (1).
 */
export type RevivedRecord =
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

/** Saves a dataset the user loaded; false when storage is unavailable or full. */
export async function saveDataset(dataset: Dataset): Promise<boolean> {
  const db = storage();
  if (db === null) return false;
  try {
    const pack = takePack(dataset.results) ?? packResults(dataset.results);
    const record: SavedRecord = {
      version: 3,
      savedAt: new Date().toISOString(),
      dataset: headerOf(dataset),
      stored: await storePack(pack, yieldToMain),
    };
    await set(`${DATASET_PREFIX}${dataset.id}`, record, db);
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
        return { ...(value as SavedRecord), savedAt: new Date().toISOString(), dataset: header };
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
    await del(`${DATASET_PREFIX}${id}`, db);
  } catch {
    // Nothing to do: the record stays until the next successful removal.
  }
}

export interface RestoreReport {
  readonly datasets: readonly Dataset[];
  readonly problems: readonly LoadProblem[];
  readonly available: boolean;
}

/**
 * Reads every saved dataset. Records that cannot be read are set aside (kept under another key,
 * not deleted) with a notice, and the app starts with the rest.
 */
export async function restoreSavedDatasets(): Promise<RestoreReport> {
  const db = storage();
  if (db === null) return { datasets: [], problems: [], available: false };
  let all: [IDBValidKey, unknown][];
  try {
    all = await entries(db);
  } catch {
    return {
      datasets: [],
      problems: [
        {
          source: 'saved datasets',
          message: 'Saved datasets could not be read; this session will not save.',
        },
      ],
      available: false,
    };
  }
  const datasets: Dataset[] = [];
  let setAside = 0;
  for (const [key, value] of all) {
    if (typeof key !== 'string' || !key.startsWith(DATASET_PREFIX)) continue;
    const revived = reviveRecord(value);
    if (revived !== null) {
      if ('dataset' in revived) {
        datasets.push(revived.dataset);
        continue;
      }
      const pack = 'pack' in revived ? revived.pack : await readStoredPack(revived.stored);
      if (pack !== null) {
        const results = await unpackSliced(pack);
        if (results !== null) datasets.push({ ...revived.header, results });
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
  datasets.sort((a, b) => a.label.localeCompare(b.label));
  const problems: LoadProblem[] =
    setAside === 0
      ? []
      : [
          {
            source: 'saved datasets',
            message: `${setAside} saved ${setAside === 1 ? 'dataset was' : 'datasets were'} damaged and set aside; everything else was restored.`,
          },
        ];
  return { datasets, problems, available: true };
}

/** Longest a write waits for the page to be idle once it has painted. */
const IDLE_WAIT_MS = 1_000;

/**
 * Resolves once the page has painted and then has a moment with nothing to do (the charts that
 * follow a large file catch up first), or soon where frames do not run: a tab in the background.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 250);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(
          () => {
            resolve();
          },
          { timeout: IDLE_WAIT_MS },
        );
      } else {
        setTimeout(resolve, 0);
      }
    });
  });
}

/**
 * Writes wait until the page has painted and is idle, then run one at a time in the order they
 * were asked for (a dataset saved, then removed, is never written back). Saving builds a Blob of
 * a dataset's packed results, tens of milliseconds for a large file: that must not come before
 * showing it, nor hold up the frames right after.
 */
let queued: (() => Promise<unknown>)[] = [];
let draining: Promise<void> | null = null;

function enqueueWrite(write: () => Promise<unknown>): void {
  queued.push(write);
  draining ??= afterPaint().then(async () => {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      for (const next of batch) await next();
    }
    draining = null;
  });
}

/** Resolves when every write asked for so far has been carried out. */
export function writesSettled(): Promise<void> {
  return draining ?? Promise.resolve();
}

/**
 * Restores saved datasets into the store, then keeps storage in step with it: datasets the user
 * adds are saved, removed ones are forgotten, relabelled ones are saved again. Returns a stop
 * function.
 */
export async function startPersistence(): Promise<() => void> {
  const store = useDashboardStore;
  const report = await restoreSavedDatasets();
  store.getState().addDatasets(report.datasets);
  store.getState().reportProblems(report.problems);
  store.getState().setStorageAvailable(report.available);
  const saved = new Map(report.datasets.map((dataset) => [dataset.id, dataset]));

  const sync = (datasets: readonly Dataset[]): void => {
    const current = new Map(
      datasets.filter((d) => d.source.kind !== 'bundled').map((d) => [d.id, d]),
    );
    for (const [id, dataset] of current) {
      const before = saved.get(id);
      if (before === dataset) continue;
      saved.set(id, dataset);
      const save = before?.results === dataset.results ? saveHeader : saveDataset;
      enqueueWrite(() =>
        save(dataset).then((ok) => {
          if (!ok) useDashboardStore.getState().markNotSaved(id);
        }),
      );
    }
    for (const id of [...saved.keys()]) {
      if (current.has(id)) continue;
      saved.delete(id);
      enqueueWrite(() => forgetDataset(id));
    }
  };
  // Files loaded while the saved ones were being read are saved now, not at the next change.
  sync(store.getState().datasets);
  return store.subscribe((state, previous) => {
    if (state.datasets !== previous.datasets) sync(state.datasets);
  });
}
