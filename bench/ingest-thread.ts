// The built parsing worker (dist/assets/ingest.worker-*.js) run in a Node worker thread, so the
// per-format bench times the readers as the site ships them, without importing the app's
// source: a small shim gives the script the `self` a browser worker has, hands it each request
// and answers with the worker's `done` reply and the time from request to it (read, parsed, put
// into columns; texts are sent as pasted text, so no file is read from disk).
import { startShimThread, workerAsset } from './engine-thread.ts';

/** One input as the parsing worker takes pasted text. */
export interface TextInput {
  readonly name: string;
  readonly text: string;
}

/** The parts of the worker's `done` reply the bench reads. */
export interface IngestAnswer {
  /** Results per dataset read, and the problems' messages. */
  readonly counts: readonly number[];
  readonly problems: readonly string[];
  /** Request → `done`, timed in the worker's thread. */
  readonly handlerMs: number;
}

export interface IngestThread {
  ingest: (inputs: readonly TextInput[]) => Promise<IngestAnswer>;
  close: () => Promise<void>;
}

// CommonJS, as `eval` workers are; the built worker is an ES module, loaded with import().
const SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
let started = 0;
globalThis.self = {
  onmessage: null,
  postMessage: (reply) => {
    if (reply.type === 'progress') return;
    const handlerMs = performance.now() - started;
    if (reply.type === 'failed') {
      parentPort.postMessage({ failed: reply.message, handlerMs });
      return;
    }
    parentPort.postMessage({
      counts: reply.datasets.map((dataset) => dataset.columns.count),
      problems: reply.problems.map((problem) => problem.message),
      handlerMs,
    });
  },
};
import(workerData.url).then(() => {
  parentPort.on('message', (inputs) => {
    started = performance.now();
    globalThis.self.onmessage({
      data: {
        type: 'ingest',
        inputs: inputs.map((input) => ({
          name: input.name,
          kind: 'file',
          size: input.text.length,
          source: input.text,
        })),
      },
    });
  });
  parentPort.postMessage({ ready: true });
});
`;

interface Message {
  ready?: boolean;
  counts?: number[];
  problems?: string[];
  failed?: string;
  handlerMs?: number;
}

/** Starts the built parsing worker of `distDir` in a thread and waits until it is loaded. */
export async function startIngestThread(distDir: string): Promise<IngestThread> {
  const { worker, next } = await startShimThread<Message>(
    SHIM,
    distDir,
    await workerAsset(distDir, 'ingest'),
  );
  return {
    ingest: async (inputs) => {
      const answer = next();
      worker.postMessage(inputs);
      const message = await answer;
      if (message.failed !== undefined) throw new Error(message.failed);
      return {
        counts: message.counts ?? [],
        problems: message.problems ?? [],
        handlerMs: message.handlerMs ?? Number.NaN,
      };
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
