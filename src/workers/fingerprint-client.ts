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

  /** One started worker, with the answers it owes; a failed one is let go with all of them. */
  interface Connection {
    readonly worker: Worker | null;
    readonly waiting: Map<number, (contentId: string | null) => void>;
    readonly started: Promise<boolean>;
    ready: boolean;
    failed: boolean;
  }
  let nextId = 0;

  const connect = (): Connection => {
    let answerStarted: (ready: boolean) => void = () => undefined;
    const started = new Promise<boolean>((resolve) => {
      answerStarted = resolve;
    });
    let worker: Worker | null;
    try {
      worker = new Worker(new URL('./fingerprint.worker.ts', import.meta.url), {
        type: 'module',
        name: 'results-fingerprint',
      });
    } catch {
      worker = null;
    }
    const connection: Connection = {
      worker,
      waiting: new Map(),
      started,
      ready: false,
      failed: worker === null,
    };
    const fail = (): void => {
      connection.failed = true;
      answerStarted(false);
      for (const answer of connection.waiting.values()) answer(null);
      connection.waiting.clear();
      connection.worker?.terminate();
    };
    if (worker === null) {
      fail();
      return connection;
    }
    worker.onmessage = (event: MessageEvent<FingerprintReply>) => {
      const { id, contentId } = event.data;
      if (id === READY_ID) {
        connection.ready = true;
        answerStarted(true);
        return;
      }
      const answer = connection.waiting.get(id);
      connection.waiting.delete(id);
      answer?.(contentId);
    };
    worker.onerror = fail;
    return connection;
  };
  // Started now, with the parsing worker, so it is up by the time the first file is read.
  let connection = connect();

  return {
    ready: () => {
      if (connection.failed) connection = connect();
      if (connection.ready) return Promise.resolve(true);
      return Promise.race([
        connection.started,
        new Promise<boolean>((resolve) => {
          setTimeout(() => {
            resolve(false);
          }, READY_WAIT_MS);
        }),
      ]);
    },
    fingerprint: (bytes) =>
      new Promise((resolve) => {
        const { worker, waiting, failed } = connection;
        if (worker === null || failed) {
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
