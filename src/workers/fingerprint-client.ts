import { READY_ID, type Fingerprinter, type FingerprintReply } from './fingerprint-protocol';

/** How long a file's reader waits for a starting fingerprint worker before hashing itself. */
const READY_WAIT_MS = 250;

/**
 * The parsing worker's side of its fingerprint worker, which it starts now and which ends with
 * it (one that fails is started again for the next file). Null where a worker cannot start one
 * of its own; any failure answers null or false, and the caller takes the fingerprint itself.
 */
export function fingerprintWorker(): Fingerprinter | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker | null = null;
  let started: Promise<boolean> = Promise.resolve(false);
  let nextId = 0;
  const waiting = new Map<number, (contentId: string | null) => void>();

  const start = (): void => {
    let answerReady: (ready: boolean) => void = () => undefined;
    started = new Promise((resolve) => {
      answerReady = resolve;
    });
    const failAll = (): void => {
      answerReady(false);
      for (const answer of waiting.values()) answer(null);
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
    try {
      worker = new Worker(new URL('./fingerprint.worker.ts', import.meta.url), {
        type: 'module',
        name: 'results-fingerprint',
      });
    } catch {
      failAll();
      return;
    }
    worker.onmessage = (event: MessageEvent<FingerprintReply>) => {
      const { id, contentId } = event.data;
      if (id === READY_ID) {
        answerReady(true);
        return;
      }
      const answer = waiting.get(id);
      waiting.delete(id);
      answer?.(contentId);
    };
    worker.onerror = failAll;
  };
  start();

  return {
    ready: () => {
      if (worker === null) start();
      return Promise.race([
        started,
        new Promise<boolean>((resolve) => {
          setTimeout(() => {
            resolve(false);
          }, READY_WAIT_MS);
        }),
      ]);
    },
    fingerprint: (bytes) =>
      new Promise((resolve) => {
        if (worker === null) {
          resolve(null);
          return;
        }
        const id = nextId;
        nextId += 1;
        waiting.set(id, resolve);
        try {
          worker.postMessage({ id, bytes }, [bytes.buffer]);
        } catch {
          waiting.delete(id);
          resolve(null);
        }
      }),
  };
}
