// The ingest bench's code in the page (serialized by Playwright: each function self-contained),
// and the floor worker it posts the file to.

/**
 * The floor: what any ingest that keeps the main thread free must spend before it has even one
 * result. A worker reads the file whole, decodes it and JSON.parses its JSON, and answers with
 * nothing more than its timings: no normalizing, no packing, no transfer, no rendering.
 */
export const FLOOR_WORKER = `self.onmessage = async ({ data: file }) => {
  const t0 = performance.now();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const t1 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const t2 = performance.now();
  const json = text.trimStart().startsWith('{')
    ? text
    : (text.split('\\n').find((line) => line.startsWith('{')) ?? '');
  JSON.parse(json);
  const t3 = performance.now();
  self.postMessage({ readMs: t1 - t0, decodeMs: t2 - t1, parseMs: t3 - t2 });
};
`;

interface IngestState {
  start: number;
  file: File | null;
  longTasks: PerformanceEntry[];
  observer: PerformanceObserver | null;
}

declare global {
  interface Window {
    __ingest?: IngestState;
    __floorWorker?: Worker;
  }
}

export interface Baseline {
  bytes: number;
  decodeMs: number;
  parseMs: number;
}

/** Fetches a bench file into memory (not timed) and times the bare baseline on its bytes. */
export async function inPageBaseline(url: string): Promise<Baseline> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let t = performance.now();
  const text = new TextDecoder().decode(bytes);
  const decodeMs = performance.now() - t;
  // The JSON the file carries: the whole file, or the page's embedded JSON line.
  const json = text.trimStart().startsWith('{')
    ? text
    : (text.split('\n').find((line) => line.startsWith('{')) ?? '');
  t = performance.now();
  JSON.parse(json);
  const parseMs = performance.now() - t;
  return { bytes: bytes.length, decodeMs, parseMs };
}

/**
 * Before the file is chosen: starts recording long tasks, and sets the clock to start when the
 * `Load results` input reports the file (a listener on the window, which hears the change before
 * the page does), keeping the File for the floor.
 */
export function inPageArm(): void {
  const state: IngestState = { start: Infinity, file: null, longTasks: [], observer: null };
  // Tasks that began before the file was chosen (the baseline's own JSON.parse, say) are not the
  // ingest's.
  state.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.startTime >= state.start) state.longTasks.push(entry);
  });
  state.observer.observe({ type: 'longtask' });
  performance.clearMarks();
  window.addEventListener(
    'change',
    (event) => {
      state.start = performance.now();
      state.file =
        event.target instanceof HTMLInputElement ? (event.target.files?.[0] ?? null) : null;
    },
    { capture: true, once: true },
  );
  window.__ingest = state;
}

export interface WorkerPhases {
  readMs: number;
  parseMs: number;
  packMs: number;
  fingerprintWaitMs?: number;
}

export interface Ingest {
  visibleMs: number;
  workerDoneMs: number | null;
  workerPhases: WorkerPhases | null;
  parsedMs: number | null;
  indexedMs: number | null;
  addedMs: number | null;
  longTasks: number[];
  longTasksBeforeVisible: number[];
  longTaskStarts: number[];
  problem: string | null;
}

/**
 * After the file was chosen: waits until its dataset is listed and painted, then a second more
 * for the deferred charts and the save; reports the ingest and every long task on the way.
 */
export async function inPageIngest({ name }: { name: string }): Promise<Ingest> {
  const frame = (): Promise<void> =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        resolve();
      });
    });
  const state = window.__ingest;
  if (!state) throw new Error('inPageArm did not run');
  const { longTasks } = state;
  while (state.start === Infinity) await frame();
  const { start } = state;
  const panel = document.querySelector('.datasets-panel');
  const listed = (): boolean =>
    [...(panel?.querySelectorAll('button') ?? [])].some(
      (button) => button.getAttribute('aria-label') === `Remove ${name}`,
    );
  while (!listed()) {
    await frame();
    if (performance.now() - start > 300_000) throw new Error('the file did not load in 5 minutes');
  }
  await frame();
  await frame();
  const visibleMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await frame();
  state.observer?.disconnect();
  const mark = (markName: string): number | null => {
    const entry = performance.getEntriesByName(markName).at(-1);
    return entry === undefined ? null : entry.startTime - start;
  };
  const done = performance.getEntriesByName('ingest:worker-done').at(-1);
  const problem = document.querySelector('[role="alert"]')?.textContent ?? null;
  return {
    visibleMs,
    workerDoneMs: mark('ingest:worker-done'),
    workerPhases:
      done instanceof PerformanceMark ? ((done.detail as WorkerPhases | null) ?? null) : null,
    parsedMs: mark('ingest:parsed'),
    indexedMs: mark('ingest:indexed'),
    addedMs: mark('ingest:added'),
    longTasks: longTasks.map((entry) => entry.duration),
    // Until the results are in the tables; what follows is the charts catching up and the save.
    longTasksBeforeVisible: longTasks
      .filter((entry) => entry.startTime - start < visibleMs)
      .map((entry) => entry.duration),
    longTaskStarts: longTasks.map((entry) => Math.round(entry.startTime - start)),
    problem,
  };
}

export interface Floor {
  floorMs: number;
  floorPhases: { readMs: number; decodeMs: number; parseMs: number };
}

/**
 * The file just loaded (the same File) → the floor worker → its answer, timed from the page; one
 * worker per page, kept warm.
 */
export async function inPageFloor(): Promise<Floor> {
  window.__floorWorker ??= new Worker('bench-floor-worker.js');
  const worker = window.__floorWorker;
  const file = window.__ingest?.file ?? null;
  const start = performance.now();
  const phases = await new Promise<Floor['floorPhases']>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<Floor['floorPhases']>) => {
      resolve(data);
    };
    worker.onerror = (event) => {
      reject(new Error(event.message));
    };
    worker.postMessage(file);
  });
  return { floorMs: performance.now() - start, floorPhases: phases };
}

/** Removes the loaded file again, so the next repetition loads it afresh. */
export async function inPageRemove(name: string): Promise<void> {
  const button = [...document.querySelectorAll<HTMLElement>('.datasets-panel button')].find(
    (item) => item.getAttribute('aria-label') === `Remove ${name}`,
  );
  button?.click();
  const frame = (): Promise<void> =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        resolve();
      });
    });
  await frame();
  await frame();
}
