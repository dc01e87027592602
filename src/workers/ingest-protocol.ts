import type { LoadProblem } from '../data/load-problem';
import type { Dataset, DatasetSourceKind } from '../data/results/result-model';
import type { ResultColumns } from '../data/results/result-columns';

/**
 * Messages between the page and the parsing worker. The page sends the files themselves (a
 * `File` crosses as a handle; the worker reads it), the worker answers with progress, then with
 * the datasets as packs of typed arrays that are transferred, not copied.
 */

export interface IngestInput {
  readonly name: string;
  readonly kind: DatasetSourceKind;
  readonly size: number;
  /** A file to read, or text that was pasted. */
  readonly source: Blob | string;
}

export interface IngestRequest {
  readonly type: 'ingest';
  readonly inputs: readonly IngestInput[];
}

/** Reading the bytes, parsing them (in the worker), adding the results (in the page). */
export type IngestStage = 'reading' | 'parsing' | 'adding';

export interface IngestProgress {
  readonly type: 'progress';
  readonly stage: IngestStage;
  /** The file being read or parsed. */
  readonly name: string;
  /** Bytes read so far over all inputs, and their total. */
  readonly doneBytes: number;
  readonly totalBytes: number;
}

/** A dataset with its results as columns for the trip. */
export type PackedDataset = Omit<Dataset, 'results'> & { readonly columns: ResultColumns };

/** Where the worker's time went (ms), for the page's performance timeline and `npm run bench`. */
export interface IngestPhases {
  /** Reading the files: bytes and decoding (and the fingerprint, where no other worker takes it). */
  readonly readMs: number;
  /** Parsing and normalizing them into results. */
  readonly parseMs: number;
  /** Waiting, after the parse, for the fingerprint worker's answers. */
  readonly fingerprintWaitMs: number;
  /** Putting the results into columns for the trip. */
  readonly packMs: number;
}

export interface IngestDone {
  readonly type: 'done';
  readonly datasets: readonly PackedDataset[];
  readonly problems: readonly LoadProblem[];
  readonly phases?: IngestPhases;
}

export interface IngestFailed {
  readonly type: 'failed';
  readonly message: string;
}

export type IngestReply = IngestProgress | IngestDone | IngestFailed;
