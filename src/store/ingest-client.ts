import type { LoadProblem } from '../data/load-problem';
import { datasetOfColumns } from '../data/results/results-on-demand';
import type { Dataset } from '../data/results/result-model';
import type {
  IngestInput,
  IngestProgress,
  IngestReply,
  IngestRequest,
  PackedDataset,
} from '../workers/ingest-protocol';

export type IngestJobResult =
  | {
      readonly status: 'done';
      readonly datasets: readonly Dataset[];
      readonly problems: readonly LoadProblem[];
    }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

export interface IngestJob {
  readonly result: Promise<IngestJobResult>;
  /** Stops the work at once (the worker is terminated); the result is then `cancelled`. */
  readonly cancel: () => void;
}

/** True when this page can run the parsing worker (not in tests' simulated DOM, for one). */
export function canUseWorker(): boolean {
  return typeof Worker !== 'undefined';
}

/**
 * A worker that finished a load is kept for the next one: its parser has been optimized by the
 * engine by then (a fresh worker runs it cold, markedly slower on a large file), and it needs no
 * new start. One is kept, for a minute: loads come in bursts, and an idle worker's heap may still
 * hold what a large file left behind. A worker that was cancelled or failed is never reused.
 */
export const IDLE_WORKER_MS = 60_000;

let idleWorker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;

function newWorker(): Worker {
  return new Worker(new URL('../workers/ingest.worker.ts', import.meta.url), {
    type: 'module',
    name: 'results-parser',
  });
}

/** Workers taken by loads still running. */
const busyWorkers = new Set<Worker>();

function takeWorker(): Worker {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  const worker = idleWorker ?? newWorker();
  idleWorker = null;
  busyWorkers.add(worker);
  return worker;
}

/** Stops a worker whose load failed or was cancelled: it is never reused. */
function stopWorker(worker: Worker): void {
  busyWorkers.delete(worker);
  worker.terminate();
}

/**
 * Starts the parsing worker before it is needed, so the user's first large file does not wait
 * for its script to be fetched and compiled and its own fingerprint worker to start. A worker that
 * has parsed nothing holds no data: it is kept until a load takes it, with no minute's limit.
 * Only when there is none: a worker busy with a load is kept for the next one when it finishes.
 */
export function startWorkerAhead(): void {
  if (!canUseWorker() || idleWorker !== null || busyWorkers.size > 0) return;
  idleWorker = newWorker();
}

/**
 * `startWorkerAhead` once the page is idle after its first screen (half a second on, where the
 * browser has no idle callback).
 */
export function startWorkerWhenIdle(): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(startWorkerAhead, { timeout: 2_000 });
  } else {
    setTimeout(startWorkerAhead, 500);
  }
}

function releaseWorker(worker: Worker): void {
  busyWorkers.delete(worker);
  worker.onmessage = null;
  worker.onerror = null;
  if (idleWorker !== null) {
    worker.terminate();
    return;
  }
  idleWorker = worker;
  idleTimer = setTimeout(dropIdleWorker, IDLE_WORKER_MS);
}

/** Lets the kept worker go (its memory with it); the next load starts a new one. */
export function dropIdleWorker(): void {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  idleWorker?.terminate();
  idleWorker = null;
}

/**
 * Reads, parses and normalizes inputs in the parsing worker; progress is reported as it comes.
 * The datasets come back as columns; their results are views of their rows, each made when it
 * is first asked for (a table shows fifty of a million).
 */
export function ingestInWorker(
  inputs: readonly IngestInput[],
  onProgress: (progress: IngestProgress) => void,
): IngestJob {
  const worker = takeWorker();
  let cancelled = false;
  let settle: (result: IngestJobResult) => void = () => undefined;
  const result = new Promise<IngestJobResult>((resolve) => {
    settle = resolve;
  });

  const finish = (datasets: readonly PackedDataset[], problems: readonly LoadProblem[]) => {
    const unpacked = datasets.map(({ columns, ...fields }) => datasetOfColumns(fields, columns));
    settle({ status: 'done', datasets: unpacked, problems });
  };

  worker.onmessage = (event: MessageEvent<IngestReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') {
      onProgress(reply);
      return;
    }
    if (reply.type === 'failed') {
      stopWorker(worker);
      settle({ status: 'failed', message: reply.message });
      return;
    }
    releaseWorker(worker);
    performance.mark('ingest:worker-done', { detail: reply.phases });
    const total = inputs.reduce((sum, input) => sum + input.size, 0);
    const names = reply.datasets.map((dataset) => dataset.source.name).join(', ');
    onProgress({
      type: 'progress',
      stage: 'adding',
      name: names,
      doneBytes: total,
      totalBytes: total,
    });
    finish(reply.datasets, reply.problems);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stopWorker(worker);
    settle({ status: 'failed', message: 'The parser stopped unexpectedly.' });
  };
  const request: IngestRequest = { type: 'ingest', inputs };
  worker.postMessage(request);

  return {
    result,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      stopWorker(worker);
      settle({ status: 'cancelled' });
    },
  };
}
