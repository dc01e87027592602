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

/** The built worker's script in `distDir`/assets. */
export async function regressionWorkerAsset(distDir: string): Promise<string> {
  const names = await readdir(path.join(distDir, 'assets'));
  const name = names.find((file) => /^regression\.worker-.*\.js$/.test(file));
  if (name === undefined) throw new Error(`no regression.worker-*.js in ${distDir}/assets`);
  return name;
}

interface Message {
  ready?: boolean;
  reply?: { id: number; report?: EngineReport; error?: string };
  handlerMs?: number;
}

/** Starts the built worker of `distDir` in a thread and waits until it is loaded. */
export async function startEngineThread(distDir: string): Promise<EngineThread> {
  const file = path.join(distDir, 'assets', await regressionWorkerAsset(distDir));
  const worker = new Worker(SHIM, { eval: true, workerData: { url: pathToFileURL(file).href } });
  // One request at a time: the answer (or the thread's failure) settles the one waiting.
  let waiting: { resolve: (message: Message) => void; reject: (error: Error) => void } | null =
    null;
  worker.on('message', (message: Message) => waiting?.resolve(message));
  worker.on('error', (error) => waiting?.reject(error));
  const next = (): Promise<Message> =>
    new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  const ready = await next();
  if (ready.ready !== true) throw new Error('the regression worker did not load');
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
