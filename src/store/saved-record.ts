/** A saved dataset's record as IndexedDB holds it, every version of it, and back. */
import { VLLM } from '../data/engines';
import type { BenchmarkResult, Dataset } from '../data/results/result-model';
import type { ResultColumns } from '../data/results/result-columns';
import { SUITES } from '../data/results/result-model';
import { packColumns } from '../data/results/legacy/pack-columns';
import { isResultsPack } from '../data/results/legacy/row-pack-check';
import type { ResultsPack } from '../data/results/legacy/row-pack';
import {
  isStoredPack,
  readStoredPack,
  type StoredPack,
} from '../data/results/legacy/stored-row-pack';
import {
  isStoredColumns,
  readStoredColumns,
  type StoredColumns,
} from '../data/results/stored-columns';

/** A dataset without its results. */
export type DatasetHeader = Omit<Dataset, 'results' | 'columns'>;

/**
 * Version 4 keeps results as columns, their bytes as one Blob: saving hands the browser a Blob
 * instead of making the page serialize every number, so a 100 MB file does not stop the page
 * while it is saved. Versions 3 (a row-major pack's bytes as a Blob), 2 (that pack's typed
 * arrays as they are) and 1 (results as objects) are still read.
 */
export interface SavedRecord {
  readonly version: 4;
  readonly savedAt: string;
  readonly dataset: DatasetHeader;
  readonly stored: StoredColumns;
}

export function headerOf(dataset: Dataset): DatasetHeader {
  const { id, label, source, format, warnings, meta, assumed } = dataset;
  return {
    id,
    label,
    source,
    format,
    warnings,
    ...(meta === undefined ? {} : { meta }),
    ...(assumed === undefined ? {} : { assumed }),
  };
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
  // A whole dataset of the first version: its header and results, nothing else it may hold.
  // Its results were read before engines were told apart, by vLLM's readers only.
  return {
    dataset: {
      ...headerOf(record.dataset as Dataset),
      results: results.map((result) =>
        Object.hasOwn(result, 'engine') ? result : { ...result, engine: VLLM },
      ),
    },
  };
}

/**
 * The columns of a record that keeps its results as columns or packed (the dataset keeps them:
 * its results are their rows, charts read them, and the next save writes them), or null when
 * damaged.
 */
export async function restoredColumns(
  revived: Exclude<RevivedRecord, { readonly dataset: Dataset }>,
): Promise<ResultColumns | null> {
  let columns: ResultColumns | null;
  if ('columns' in revived) {
    columns = await readStoredColumns(revived.columns);
  } else {
    const pack = 'pack' in revived ? revived.pack : await readStoredPack(revived.stored);
    columns = pack === null ? null : packColumns(pack);
  }
  return columns;
}
