import type { TextInput } from '../data/ingest';
import { unreadableInput, type LoadProblem } from '../data/load-problem';
import type { Dataset, DatasetSourceKind } from '../data/results/result-model';
import type { IngestInput } from '../workers/ingest-protocol';
import { useDashboardStore } from './dashboard-store';
import { canUseWorker, ingestInWorker } from './ingest-client';

/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Inputs smaller than this in all are parsed right on the page (a few milliseconds, less than
 * starting a worker); anything larger goes to the parsing worker.
 */
export const WORKER_THRESHOLD_BYTES = 1024 * 1024;

/** One input to load: its name (for messages and the label) and a way to read its text. */
export interface LoadInput {
  readonly name: string;
  readonly kind: DatasetSourceKind;
  readonly size: number;
  readonly text: () => Promise<string>;
  /** The file itself, when there is one: the worker reads it there, not here. */
  readonly blob?: Blob;
}

export interface LoadReport {
  readonly added: readonly Dataset[];
  readonly duplicates: readonly string[];
  readonly problems: readonly LoadProblem[];
  /** True when the user cancelled the load: nothing was added. */
  readonly cancelled: boolean;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function tooLarge(input: LoadInput): LoadProblem {
  return {
    source: input.name,
    message: `${input.name} was not loaded: it is too large (${megabytes(input.size)}; the limit is ${megabytes(MAX_FILE_BYTES)}).`,
  };
}

async function readOnPage(inputs: readonly LoadInput[]): Promise<{
  datasets: readonly Dataset[];
  problems: readonly LoadProblem[];
}> {
  const problems: LoadProblem[] = [];
  const texts: TextInput[] = [];
  for (const input of inputs) {
    try {
      texts.push({ name: input.name, kind: input.kind, text: await input.text() });
    } catch {
      problems.push(unreadableInput(input.name));
    }
  }
  // The readers' chunk, loaded once (the bundled runs have usually loaded it already).
  const { ingestTexts } = await import('../data/ingest');
  const outcome = ingestTexts(texts);
  return { datasets: outcome.datasets, problems: [...problems, ...outcome.problems] };
}

const cancels = new Map<number, () => void>();
let nextLoadId = 1;

/** Cancels a load in progress (its `Cancel` button): nothing of it is added. */
export function cancelLoad(id: number): void {
  cancels.get(id)?.();
}

function workerInput(input: LoadInput): Promise<IngestInput> {
  if (input.blob !== undefined) {
    return Promise.resolve({
      name: input.name,
      kind: input.kind,
      size: input.size,
      source: input.blob,
    });
  }
  return input
    .text()
    .then((text) => ({ name: input.name, kind: input.kind, size: input.size, source: text }));
}

async function readInWorker(inputs: readonly LoadInput[]): Promise<{
  datasets: readonly Dataset[];
  problems: readonly LoadProblem[];
  cancelled: boolean;
}> {
  const store = useDashboardStore.getState();
  const id = nextLoadId;
  nextLoadId += 1;
  const totalBytes = inputs.reduce((sum, input) => sum + input.size, 0);
  const names = inputs.map((input) => input.name).join(', ');
  store.startLoad({
    id,
    names,
    stage: 'reading',
    doneBytes: 0,
    totalBytes,
    startedAt: performance.now(),
  });
  try {
    const job = ingestInWorker(await Promise.all(inputs.map(workerInput)), (progress) => {
      useDashboardStore.getState().updateLoad(id, {
        stage: progress.stage,
        names: progress.name,
        doneBytes: progress.doneBytes,
      });
    });
    cancels.set(id, job.cancel);
    const outcome = await job.result;
    if (outcome.status === 'done') {
      return { datasets: outcome.datasets, problems: outcome.problems, cancelled: false };
    }
    if (outcome.status === 'cancelled') {
      useDashboardStore.getState().setNotice(`Loading ${names} was cancelled; nothing was added.`);
      return { datasets: [], problems: [], cancelled: true };
    }
    const problems = inputs.map((input) => ({
      source: input.name,
      message: `${input.name} was not loaded: ${outcome.message}`,
    }));
    return { datasets: [], problems, cancelled: false };
  } finally {
    cancels.delete(id);
    useDashboardStore.getState().endLoad(id);
  }
}

/**
 * Loads each input on its own: good ones are added, bad ones are reported by name, and one
 * failure never blocks the rest. A `.commands` file completes the result file of the same name
 * dropped with it. Content already loaded is not added twice (and is reported). A rejected
 * input changes nothing that was loaded before. Anything but small inputs is parsed in a worker,
 * with progress in the store and a way to cancel.
 */
export async function loadInputs(
  inputs: readonly LoadInput[],
  earlier: readonly LoadProblem[] = [],
): Promise<LoadReport> {
  // User Timing marks: free when nobody looks, and what `npm run bench` reads to split the time.
  performance.mark('ingest:start');
  const refused = inputs.filter((input) => input.size > MAX_FILE_BYTES).map(tooLarge);
  const accepted = inputs.filter((input) => input.size <= MAX_FILE_BYTES);
  const totalBytes = accepted.reduce((sum, input) => sum + input.size, 0);
  const useWorker = totalBytes >= WORKER_THRESHOLD_BYTES && canUseWorker();
  const read = useWorker
    ? await readInWorker(accepted)
    : { ...(await readOnPage(accepted)), cancelled: false };
  const problems = [...earlier, ...refused, ...read.problems];
  performance.mark('ingest:parsed');

  // A large addition is indexed in slices before it is shown, with its index, in one change.
  const duplicateIds = await useDashboardStore.getState().loadDatasets(read.datasets);
  performance.mark('ingest:indexed');

  const duplicates = read.datasets
    .filter((dataset) => duplicateIds.includes(dataset.id))
    .map((dataset) => dataset.source.name);
  const notices: LoadProblem[] = duplicates.map((name) => ({
    source: name,
    message: `${name} is already loaded; it was not added again.`,
  }));
  useDashboardStore.getState().reportProblems([...problems, ...notices]);
  performance.mark('ingest:added');
  return {
    added: read.datasets.filter((dataset) => !duplicateIds.includes(dataset.id)),
    duplicates,
    problems,
    cancelled: read.cancelled,
  };
}

/** A browser file → an input named `name` (its path in a folder, where it has one). */
export function fileInput(file: File, name: string = file.name): LoadInput {
  return { name, kind: 'file', size: file.size, text: () => file.text(), blob: file };
}

/** Browser files (picker or drop) → inputs. */
export function fileInputs(files: Iterable<File>): LoadInput[] {
  return [...files].map((file) => fileInput(file));
}

/** Pasted text → an input named after the time it was pasted. */
export function pastedInput(text: string, now: Date = new Date()): LoadInput {
  const time = now.toTimeString().slice(0, 8);
  return {
    name: `Pasted at ${time}`,
    kind: 'paste',
    size: text.length,
    text: () => Promise.resolve(text),
  };
}
