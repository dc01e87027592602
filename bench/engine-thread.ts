// The built regression worker (dist/assets/regression.worker-*.js) run in a Node worker thread,
// so the bench and the recall figures time and question the engine as the site ships it, without
// importing the app's source: a small shim gives the script the `self` a browser worker has, calls
// its `onmessage` with each request and times that call (the report worked out, nothing else).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The engine's input (`RegressionInputs` of the app's report), as the bench builds it. */
export interface EngineInputs {
  readonly inputs: readonly {
    readonly key: { readonly gpu: string; readonly testName: string; readonly metric: string };
    readonly points: readonly {
      readonly date: string | null;
      readonly commit?: string;
      readonly value: number | null;
    }[];
  }[];
  readonly gpus: readonly string[];
}

/** The report's parts the bench reads (the worker sends the whole report). */
export interface EngineReport {
  rows: readonly {
    gpu: string;
    testName: string;
    metric: string;
    status: 'confirmed' | 'suspect';
    kind: string;
  }[];
  events: readonly { gpu: string; series: readonly unknown[] }[];
  judged: number;
}

export interface EngineAnswer {
  report: EngineReport;
  /** The worker's handler, timed in its thread: the night's report and nothing around it. */
  handlerMs: number;
  /** postMessage → answer back here: the handler plus copying the inputs over and the report back. */
  roundTripMs: number;
}

export interface EngineThread {
  report: (inputs: EngineInputs) => Promise<EngineAnswer>;
  close: () => Promise<void>;
}

// CommonJS, as `eval` workers are; the built worker is an ES module, loaded with import().
const SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
let reply = null;
globalThis.self = { onmessage: null, postMessage: (message) => { reply = message; } };
import(workerData.url).then(() => {
  parentPort.on('message', (data) => {
    reply = null;
    const t0 = performance.now();
    globalThis.self.onmessage({ data });
    parentPort.postMessage({ reply, handlerMs: performance.now() - t0 });
  });
  parentPort.postMessage({ ready: true });
});
`;

/** A built worker's script in `distDir`/assets (`<name>.worker-*.js`). */
export async function workerAsset(distDir: string, worker: string): Promise<string> {
  const names = await readdir(path.join(distDir, 'assets'));
  const found = names.find((file) => file.startsWith(`${worker}.worker-`) && file.endsWith('.js'));
  if (found === undefined) throw new Error(`no ${worker}.worker-*.js in ${distDir}/assets`);
  return found;
}

/** The built regression worker's script in `distDir`/assets. */
export function regressionWorkerAsset(distDir: string): Promise<string> {
  return workerAsset(distDir, 'regression');
}

/**
 * A Node thread running `shim` over the built worker `asset` of `distDir`: `next()` waits for
 * its next message (or its failure), one request at a time; the first is its `ready`.
 */
export async function startShimThread<M extends { ready?: boolean }>(
  shim: string,
  distDir: string,
  asset: string,
): Promise<{ worker: Worker; next: () => Promise<M> }> {
  const url = pathToFileURL(path.join(distDir, 'assets', asset)).href;
  const worker = new Worker(shim, { eval: true, workerData: { url } });
  let waiting: { resolve: (message: M) => void; reject: (error: Error) => void } | null = null;
  worker.on('message', (message: M) => waiting?.resolve(message));
  worker.on('error', (error) => waiting?.reject(error));
  const next = (): Promise<M> =>
    new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  const ready = await next();
  if (ready.ready !== true) throw new Error(`the worker ${asset} did not load`);
  return { worker, next };
}

interface Message {
  ready?: boolean;
  reply?: { id: number; report?: EngineReport; error?: string };
  handlerMs?: number;
}

/** Starts the built worker of `distDir` in a thread and waits until it is loaded. */
export async function startEngineThread(distDir: string): Promise<EngineThread> {
  const { worker, next } = await startShimThread<Message>(
    SHIM,
    distDir,
    await regressionWorkerAsset(distDir),
  );
  let id = 0;
  return {
    report: async (inputs) => {
      id += 1;
      const answer = next();
      const t0 = performance.now();
      worker.postMessage({ id, inputs });
      const message = await answer;
      const roundTripMs = performance.now() - t0;
      const report = message.reply?.report;
      if (report === undefined) throw new Error(message.reply?.error ?? 'no report');
      return { report, handlerMs: message.handlerMs ?? Number.NaN, roundTripMs };
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
