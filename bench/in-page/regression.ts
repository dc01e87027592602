// The regression bench's input and its measurement in the page. Serialized by Playwright
// (toString) like the other in-page code, so each function is self-contained: `regressionYear`
// also runs in Node, so both sides judge the very same year of nightlies.

/** The engine's input (`RegressionInputs` of the app's regression report), as the bench makes it. */
export interface YearInputs {
  inputs: {
    key: { gpu: string; testName: string; metric: string };
    points: { date: string; value: number }[];
  }[];
  gpus: string[];
}

export interface YearSpec {
  seed: number;
  series: number;
  nights: number;
}

/**
 * A year of nightlies as the engine's input: `series` (GPU, test, metric) series of `nights` runs
 * each, dated one a day from 2025-01-01, spread over 5 GPUs and 5 metrics (one a P99). Log-normal
 * noise (σ 1.5%, 5% for the P99) from mulberry32 and Box–Muller; one series in 20 steps up by 10%
 * at a night of its own, one in 25 has a one-night spike of 15% in its last 30 nights.
 */
export function regressionYear(spec: YearSpec): YearInputs {
  let state = spec.seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const gpus = ['8×H100', '8×H200', '8×A100-SXM4-80GB', '8×B200', '8×MI300X'];
  const metrics = ['ttft_mean', 'ttft_p99', 'itl_median', 'tpot_mean', 'request_throughput'];
  const dates = Array.from({ length: spec.nights }, (_, i) =>
    new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
  );
  const inputs = Array.from({ length: spec.series }, (_, i) => {
    const metric = metrics[i % metrics.length] ?? 'ttft_mean';
    const sigma = metric.endsWith('_p99') ? 0.05 : 0.015;
    const base = Math.log(20 + 10 * i);
    const stepAt = i % 20 === 7 ? Math.floor(uniform() * spec.nights) : -1;
    const spikeAt = i % 25 === 3 ? spec.nights - 1 - Math.floor(uniform() * 30) : -1;
    const points = dates.map((date, night) => {
      let log = base + sigma * normal();
      if (stepAt >= 0 && night >= stepAt) log += Math.log(1.1);
      if (night === spikeAt) log += Math.log(1.15);
      return { date, value: Math.exp(log) };
    });
    const gpu = gpus[Math.floor(i / metrics.length) % gpus.length] ?? '8×H100';
    return { key: { gpu, testName: `serving_test_${i}`, metric }, points };
  });
  return { inputs, gpus };
}

export interface WorkerTimes {
  /** The first request to a fresh worker (its script fetched, parsed and not yet optimized). */
  coldMs: number;
  /** Later requests to the same worker: postMessage → the report back on the page. */
  warmMs: number[];
  /** The same inputs as JSON, parsed on the page. */
  parseMs: number[];
  /** Each series' values copied and sorted as numbers (182,500 numbers at 500 × 365). */
  sortMs: number[];
  rows: number;
  judged: number;
}

/**
 * Asks the app's own regression worker (its built script at `workerUrl`) for the report of the
 * year `regressionYear` makes, `reps` times after a cold first request, and times the baselines
 * beside it. `window.__regressionYear` is `regressionYear`, put on the page first.
 */
export async function inPageRegression(arg: {
  workerUrl: string;
  spec: YearSpec;
  reps: number;
}): Promise<WorkerTimes> {
  interface Reply {
    id: number;
    report?: { rows: unknown[]; judged: number };
    error?: string;
  }
  const make = (window as unknown as { __regressionYear: typeof regressionYear }).__regressionYear;
  const year = make(arg.spec);
  const worker = new Worker(arg.workerUrl, { type: 'module', name: 'regressions' });
  let nextId = 1;
  const ask = (): Promise<{ ms: number; rows: number; judged: number }> =>
    new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      const t0 = performance.now();
      worker.onmessage = ({ data }: MessageEvent<Reply>) => {
        const ms = performance.now() - t0;
        if (data.id !== id || data.report === undefined) {
          reject(new Error(data.error ?? `unexpected reply ${data.id}`));
          return;
        }
        resolve({ ms, rows: data.report.rows.length, judged: data.report.judged });
      };
      worker.onerror = (event) => {
        reject(new Error(`the worker failed: ${event.message}`));
      };
      worker.postMessage({ id, inputs: year });
    });
  try {
    const cold = await ask();
    const warmMs: number[] = [];
    const parseMs: number[] = [];
    const sortMs: number[] = [];
    const json = JSON.stringify(year);
    for (let rep = 0; rep < arg.reps; rep++) {
      warmMs.push((await ask()).ms);
      const t0 = performance.now();
      JSON.parse(json);
      parseMs.push(performance.now() - t0);
      const t1 = performance.now();
      for (const input of year.inputs) {
        input.points.map((point) => point.value).sort((a, b) => a - b);
      }
      sortMs.push(performance.now() - t1);
    }
    return { coldMs: cold.ms, warmMs, parseMs, sortMs, rows: cold.rows, judged: cold.judged };
  } finally {
    worker.terminate();
  }
}
