import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { BenchmarkResult, Dataset } from '../data/result-model';
import { SUITES } from '../data/result-model';
import { useDashboardStore, type LoadProblem } from './dashboard-store';

/**
 * Datasets the user loaded are kept in IndexedDB, one record per dataset, so two tabs adding or
 * removing different datasets never overwrite each other's records. Bundled runs are not saved:
 * they come with the site.
 */

const RECORD_VERSION = 1;
const DATASET_PREFIX = 'dataset:';
const SET_ASIDE_PREFIX = 'set-aside:';

interface SavedRecord {
  readonly version: number;
  readonly savedAt: string;
  readonly dataset: Dataset;
}

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

/** A stored value → a dataset, or null when it is not one we wrote (corrupted or from elsewhere). */
export function reviveRecord(value: unknown): Dataset | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<SavedRecord>;
  if (record.version !== RECORD_VERSION || typeof record.dataset !== 'object') return null;
  const dataset = record.dataset as Partial<Dataset> | null;
  if (
    dataset === null ||
    typeof dataset.id !== 'string' ||
    typeof dataset.label !== 'string' ||
    typeof dataset.source !== 'object' ||
    (dataset.source.kind !== 'file' && dataset.source.kind !== 'paste') ||
    typeof dataset.source.name !== 'string' ||
    typeof dataset.format !== 'object' ||
    !Array.isArray(dataset.results) ||
    !Array.isArray(dataset.warnings) ||
    !dataset.results.every(isResult)
  ) {
    return null;
  }
  return dataset as Dataset;
}

/** Saves a dataset the user loaded; false when storage is unavailable or full. */
export async function saveDataset(dataset: Dataset): Promise<boolean> {
  const db = storage();
  if (db === null) return false;
  try {
    const record: SavedRecord = {
      version: RECORD_VERSION,
      savedAt: new Date().toISOString(),
      dataset,
    };
    await set(`${DATASET_PREFIX}${dataset.id}`, record, db);
    return true;
  } catch {
    return false;
  }
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
    const dataset = reviveRecord(value);
    if (dataset !== null) {
      datasets.push(dataset);
      continue;
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

  return store.subscribe((state, previous) => {
    if (state.datasets === previous.datasets) return;
    const current = new Map(
      state.datasets.filter((d) => d.source.kind !== 'bundled').map((d) => [d.id, d]),
    );
    for (const [id, dataset] of current) {
      if (saved.get(id) === dataset) continue;
      saved.set(id, dataset);
      void saveDataset(dataset).then((ok) => {
        if (!ok) useDashboardStore.getState().markNotSaved(id);
      });
    }
    for (const id of [...saved.keys()]) {
      if (current.has(id)) continue;
      saved.delete(id);
      void forgetDataset(id);
    }
  });
}
