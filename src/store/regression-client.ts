/**
 * The Regressions report, worked out in a worker of its own (src/workers/regression.worker.ts),
 * or on the page where there are no workers (tests' simulated DOM). One worker serves every
 * request; an answer to a request that was superseded is ignored by the caller.
 */
import {
  reportOfInputs,
  type RegressionInputs,
  type RegressionReport,
} from '../data/regression/report';
import type { RegressionReply, RegressionRequest } from '../workers/regression.worker';
import { canUseWorker } from './ingest-client';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: RegressionReply) => void>();

function startWorker(): Worker {
  const started = new Worker(new URL('../workers/regression.worker.ts', import.meta.url), {
    type: 'module',
    name: 'regressions',
  });
  started.onmessage = ({ data }: MessageEvent<RegressionReply>) => {
    waiting.get(data.id)?.(data);
    waiting.delete(data.id);
  };
  started.onerror = () => {
    // A worker that failed answers nothing more: every request waiting is told, and the next
    // request starts a new one.
    for (const [id, answer] of waiting) answer({ id, error: 'The regression worker stopped.' });
    waiting.clear();
    started.terminate();
    if (worker === started) worker = null;
  };
  return started;
}

/** The report of `inputs`; rejects with a message when it could not be worked out. */
export function computeRegressionReport(inputs: RegressionInputs): Promise<RegressionReport> {
  if (!canUseWorker()) return Promise.resolve().then(() => reportOfInputs(inputs));
  worker ??= startWorker();
  const id = nextId;
  nextId += 1;
  const request: RegressionRequest = { id, inputs };
  return new Promise((resolve, reject) => {
    waiting.set(id, (reply) => {
      if ('report' in reply) resolve(reply.report);
      else reject(new Error(reply.error));
    });
    worker?.postMessage(request);
  });
}
