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
 * Before the files are chosen: starts recording long tasks, and sets the clock to start when the
 * `Load results` input reports them (a listener on the window, which hears the change before the
 * page does), keeping the first File for the floor. Returns the GPUs of `gpus` the GPU filter does
 * not list yet: the charts have drawn the new data once every chart shows them.
 */
export function inPageArm({ gpus }: { gpus: readonly string[] }): { newGpus: string[] } {
  const state: IngestState = { start: Infinity, file: null, longTasks: [], observer: null };
  // Every task that ends after the change began is the ingest's: the one that dispatches the
  // change event too, not the baseline's own JSON.parse before it.
  state.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.startTime + entry.duration > state.start) state.longTasks.push(entry);
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
  const gpuGroup = [...document.querySelectorAll('fieldset')].find((fieldset) =>
    /^GPU\b/.test(fieldset.querySelector(':scope > legend')?.textContent.trim() ?? ''),
  );
  const listed = (gpu: string): boolean =>
    gpuGroup?.querySelector(`button[aria-label="${CSS.escape(`Show only ${gpu}`)}"]`) != null;
  return { newGpus: gpus.filter((gpu) => !listed(gpu)) };
}

export interface WorkerPhases {
  readMs: number;
  parseMs: number;
  packMs: number;
  fingerprintWaitMs?: number;
}

export interface Ingest {
  /** Every file's `Remove` button in the Datasets panel, then two frames. */
  visibleMs: number;
  /** A row of the new data in a results table and its filter options, painted. */
  rowsAndFiltersMs: number;
  /** Every chart shows the new GPUs, painted. */
  chartsMs: number;
  /** The text of the new data's first row seen. */
  firstRow: string;
  workerDoneMs: number | null;
  workerPhases: WorkerPhases | null;
  parsedMs: number | null;
  indexedMs: number | null;
  addedMs: number | null;
  longTasks: number[];
  longTasksBeforeVisible: number[];
  longTasksToCharts: number[];
  longTaskStarts: number[];
  problem: string | null;
}

/**
 * After the files were chosen: waits, frame by frame, until (1) every file is listed in the
 * Datasets panel, (2) a results table shows a row of the new data and the filters list its
 * datasets and new GPUs, (3) every chart figure shows the new GPUs; each is timed once the frame
 * it was first seen in has been rendered (the listing, as before, two frames after that frame).
 * Then a second and a half more for the deferred work and the save; reports the times and every
 * long task on the way.
 */
export async function inPageIngest(arg: {
  names: readonly string[];
  newGpus: readonly string[];
}): Promise<Ingest> {
  const { names, newGpus } = arg;
  const bench = window.__bench;
  if (!bench) throw new Error('window.__bench is missing: installBenchHelpers did not run');
  if (newGpus.length === 0) throw new Error('the new data has no GPU the page did not show');
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
  const nameSet = new Set(names);
  const shows = (scope: Element | null | undefined, label: string): boolean =>
    scope?.querySelector(`button[aria-label="${CSS.escape(label)}"]`) != null;
  const group = (legend: string): Element | undefined =>
    [...document.querySelectorAll('fieldset')].find((fieldset) =>
      new RegExp(`^${legend}\\b`).test(bench.textOf(fieldset.querySelector(':scope > legend'))),
    );
  let firstRow = '';
  const newRow = (): boolean => {
    const tables = [...document.querySelectorAll('table')].filter((table) =>
      /^\S+ results\b/.test(bench.nameOf(table)),
    );
    for (const table of tables) {
      for (const row of bench.bodyRows(table)) {
        const rect = row.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        const cells = [...row.querySelectorAll('td, th')].map((cell) => bench.textOf(cell));
        if (cells.some((text) => nameSet.has(text))) {
          firstRow = bench.textOf(row);
          return true;
        }
      }
    }
    return false;
  };
  const checks = {
    listed: () => {
      const panel = document.querySelector('.datasets-panel');
      return names.every((name) => shows(panel, `Remove ${name}`));
    },
    rowsAndFilters: () => {
      const datasets = group('Dataset');
      const gpus = group('GPU');
      return (
        names.every((name) => shows(datasets, `Show only ${name}`)) &&
        newGpus.every((gpu) => shows(gpus, `Show only ${gpu}`)) &&
        newRow()
      );
    },
    charts: () => {
      const figures = [...document.querySelectorAll('figure.chart-figure')];
      if (figures.length === 0 || document.querySelector('.chart-placeholder') !== null)
        return false;
      return figures.every((figure) => {
        const shown = new Set(
          [...figure.querySelectorAll('.chart-legend button, option')].map((el) =>
            bench.textOf(el),
          ),
        );
        return newGpus.every((gpu) => shown.has(gpu));
      });
    },
  };
  type Check = keyof typeof checks;
  const seenAt: Partial<Record<Check, number>> = {};
  const paintedMs: Partial<Record<Check, number>> = {};
  const keys = Object.keys(checks) as Check[];
  // The frame a check first holds in paints what it saw: a message posted from it is handled
  // once that frame has been rendered. The Datasets listing keeps its older rule, two frames on.
  const afterThisFrame = (key: Check): void => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      paintedMs[key] = performance.now() - start;
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  };
  for (let frameNo = 0; keys.some((key) => paintedMs[key] === undefined); frameNo += 1) {
    await frame();
    const now = performance.now() - start;
    for (const key of keys) {
      const seen = seenAt[key];
      if (seen === undefined) {
        if (!checks[key]()) continue;
        seenAt[key] = frameNo;
        if (key !== 'listed') afterThisFrame(key);
      } else if (key === 'listed' && paintedMs[key] === undefined && frameNo - seen >= 2) {
        paintedMs[key] = now;
      }
    }
    if (now > 300_000) throw new Error(`not done in 5 minutes: ${JSON.stringify(paintedMs)}`);
  }
  const visibleMs = paintedMs.listed ?? NaN;
  const chartsMs = paintedMs.charts ?? NaN;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await frame();
  state.observer?.disconnect();
  const mark = (markName: string): number | null => {
    const entry = performance.getEntriesByName(markName).at(-1);
    return entry === undefined ? null : entry.startTime - start;
  };
  const done = performance.getEntriesByName('ingest:worker-done').at(-1);
  const problem = document.querySelector('[role="alert"]')?.textContent ?? null;
  const before = (ms: number) => longTasks.filter((entry) => entry.startTime - start < ms);
  return {
    visibleMs,
    rowsAndFiltersMs: paintedMs.rowsAndFilters ?? NaN,
    chartsMs,
    firstRow,
    workerDoneMs: mark('ingest:worker-done'),
    workerPhases:
      done instanceof PerformanceMark ? ((done.detail as WorkerPhases | null) ?? null) : null,
    parsedMs: mark('ingest:parsed'),
    indexedMs: mark('ingest:indexed'),
    addedMs: mark('ingest:added'),
    longTasks: longTasks.map((entry) => entry.duration),
    // Until the results are in the tables; what follows is the charts catching up and the save.
    longTasksBeforeVisible: before(visibleMs).map((entry) => entry.duration),
    longTasksToCharts: before(chartsMs).map((entry) => entry.duration),
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
