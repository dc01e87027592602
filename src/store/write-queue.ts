/**
 * The order storage writes run in. Writes asked for now run one at a time in the order asked
 * (a dataset saved, then removed, is never written back). Writes that may wait (saving a large
 * dataset) wait until the page has painted and is idle, and are started at once when the page is
 * hidden or left (`flushLater`), so a reload never loses what the page showed.
 */

type Write = () => Promise<unknown>;

let chain: Promise<void> = Promise.resolve();
const later = new Map<string, Write>();
let scheduled: Promise<void> | null = null;

/** Longest a waiting write waits for the page to be idle once it has painted. */
const IDLE_WAIT_MS = 1_000;

/**
 * Resolves once the page has painted and then has a moment with nothing to do (the charts that
 * follow a large file catch up first), or soon where frames do not run: a tab in the background.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 250);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(
          () => {
            resolve();
          },
          { timeout: IDLE_WAIT_MS },
        );
      } else {
        setTimeout(resolve, 0);
      }
    });
  });
}

/** Runs a write after every write asked for before it; a failing write does not stop the rest. */
export function writeNow(write: Write): void {
  chain = chain.then(write).then(
    () => undefined,
    () => undefined,
  );
}

/** Starts every waiting write now, in the order they were asked for. */
export function flushLater(): void {
  const writes = [...later.values()];
  later.clear();
  for (const write of writes) writeNow(write);
}

/** A write that may wait for the page to be idle; a later one under the same key replaces it. */
export function writeLater(key: string, write: Write): void {
  later.set(key, write);
  scheduled ??= afterPaint().then(() => {
    scheduled = null;
    flushLater();
  });
}

/** Replaces a write still waiting under `key`; false when there is none. */
export function replaceLater(key: string, write: Write): boolean {
  if (!later.has(key)) return false;
  later.set(key, write);
  return true;
}

/** Drops a write still waiting under `key` (its dataset was removed before it was saved). */
export function cancelLater(key: string): void {
  later.delete(key);
}

/** Resolves when every write asked for so far, waiting ones included, has been carried out. */
export async function writesSettled(): Promise<void> {
  for (;;) {
    const current = chain;
    await scheduled;
    await current;
    if (current === chain && scheduled === null && later.size === 0) return;
  }
}
