// Synthetic nightly results in CI's embedded JSON format (pandas dict orientation, as in
// public/data/nightly-8xH100.json): `{"latency": {column: {"0": v, ...}}, "throughput": {...},
// "serving": {...}}`. A result set is "a long history of nightlies": nightly after nightly, each
// running every model on every GPU, cut into files of CHUNK_SIZE results.
//
// Deterministic: chunk i depends only on (SEED, i), and a shorter last chunk is a prefix of the
// full one, so every size is the first N results of the same endless history.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SEED = 0x5eed2024;
export const CHUNK_SIZE = 10_000;

/** Column headers exactly as CI writes them (and as the seed files carry them). */
export const COLUMNS = {
  latency: ['Test name', 'GPU', 'Mean latency (ms)', 'Median latency (ms)', 'P99 latency (ms)'],
  throughput: ['Test name', 'GPU', 'Tput (req/s)'],
  serving: [
    'Test name',
    'GPU',
    'Tput (req/s)',
    'Mean TTFT (ms)',
    'Median TTFT (ms)',
    'P99 TTFT (ms)',
    'Mean ITL (ms)',
    'Median ITL (ms)',
    'P99 ITL (ms)',
  ],
};

/** @typedef {'latency' | 'throughput' | 'serving'} Suite */
/** @typedef {1 | 2 | 4 | 8 | 16 | 'inf'} Qps */

/**
 * The 8×H100 seed's values (public/data/nightly-8xH100.json, 5 significant digits), per base model:
 * latency [mean, median, p99] ms, throughput req/s, serving per QPS
 * [tput, mean/median/p99 TTFT, mean/median/p99 ITL].
 */
const SEED_VALUES = {
  llama8B: {
    latency: [1046.9, 1046.8, 1048.3],
    throughput: [21.62],
    serving: {
      1: [1.0045, 18.357, 17.065, 35.844, 8.0873, 8.0743, 8.5492],
      4: [3.7885, 16.16, 15.919, 22.108, 8.4112, 8.3961, 8.9964],
      16: [11.523, 19.526, 19.811, 25.445, 9.4007, 9.3821, 10.676],
      inf: [24.187, 240.66, 238.22, 306.25, 11.514, 11.463, 21.981],
    },
  },
  llama70B: {
    latency: [2540.8, 2540.2, 2544.9],
    throughput: [9.1347],
    serving: {
      1: [0.9829, 46.926, 41.378, 96.545, 20.446, 20.071, 39.52],
      4: [3.3125, 38.071, 38.173, 56.809, 21.873, 21.865, 25.022],
      16: [7.3496, 42.963, 42.211, 66.235, 24.309, 23.918, 39.637],
      inf: [10.618, 310.84, 300.91, 375.26, 26.204, 25.643, 47.863],
    },
  },
  mixtral8x7B: {
    latency: [2316.7, 2320.1, 2334.2],
    throughput: [9.0138],
    serving: {
      1: [0.98564, 121.69, 34.909, 2259.8, 16.999, 17.111, 24.54],
      4: [3.2972, 34.416, 34.687, 45.982, 19.913, 20.041, 22.644],
      16: [7.1489, 39.667, 38.959, 80.959, 21.603, 21.363, 25.517],
      inf: [9.5957, 282.61, 280.8, 323.14, 22.662, 22.385, 28.851],
    },
  },
};

/**
 * Models as CI names them (`<token>_tp<N>`); extra tokens borrow a base model's figures, scaled
 * (time metrics × scale, request rates ÷ scale). `weight` makes the three seed models commoner.
 */
const MODELS = [
  { token: 'llama8B', tp: 1, base: 'llama8B', scale: 1 },
  { token: 'llama70B', tp: 4, base: 'llama70B', scale: 1 },
  { token: 'mixtral8x7B', tp: 2, base: 'mixtral8x7B', scale: 1 },
  { token: 'qwen7B', tp: 1, base: 'llama8B', scale: 0.93 },
  { token: 'llama405B', tp: 8, base: 'llama70B', scale: 2.7 },
  { token: 'mixtral8x22B', tp: 4, base: 'mixtral8x7B', scale: 1.8 },
];

/** GPU type as CI writes it (one line per device) and how fast it is relative to H100. */
const GPUS = [
  { type: 'H100', factor: 1 },
  { type: 'H200', factor: 0.86 },
  { type: 'A100-SXM4-80GB', factor: 1.55 },
  { type: 'B200', factor: 0.58 },
  { type: 'MI300X', factor: 0.95 },
];
const GPU_COUNT = 8;

/** @type {Qps[]} */
const QPS = [1, 2, 4, 8, 16, 'inf'];

/**
 * One nightly on one GPU: a latency and a throughput test per model, and a serving test per model
 * and QPS, in that order (as CI's three tables).
 * @type {{ suite: Suite, model: (typeof MODELS)[number], qps: Qps | null }[]}
 */
const SLOTS = [
  ...MODELS.map((model) => ({ suite: /** @type {Suite} */ ('latency'), model, qps: null })),
  ...MODELS.map((model) => ({ suite: /** @type {Suite} */ ('throughput'), model, qps: null })),
  ...MODELS.flatMap((model) =>
    QPS.map((qps) => ({ suite: /** @type {Suite} */ ('serving'), model, qps })),
  ),
];
export const RESULTS_PER_NIGHTLY = SLOTS.length * GPUS.length;

/** mulberry32: a small, fast, good-enough deterministic PRNG. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Geometric mean of two seed rows, element-wise (QPS 2 between 1 and 4, QPS 8 between 4 and 16). */
function between(a, b) {
  return a.map((x, i) => Math.sqrt(x * b[i]));
}

/** The un-jittered serving row of a base model at a QPS. */
function servingRow(base, qps) {
  const rows = SEED_VALUES[base].serving;
  if (qps === 2) return between(rows[1], rows[4]);
  if (qps === 8) return between(rows[4], rows[16]);
  return rows[qps];
}

/** 1 ± spread, roughly normal (sum of three uniforms). */
function jitter(random, spread) {
  return 1 + spread * (random() + random() + random() - 1.5) * (2 / 1.5);
}

/**
 * The metric values of result number `g` of the endless history.
 * @param {number} g global result index
 * @param {() => number} random
 * @returns {{ suite: Suite, testName: string, gpu: string, values: number[] }}
 */
export function resultAt(g, random) {
  const nightly = Math.floor(g / RESULTS_PER_NIGHTLY);
  const within = g % RESULTS_PER_NIGHTLY;
  const gpu = GPUS[Math.floor(within / SLOTS.length)];
  const slot = SLOTS[within % SLOTS.length];
  const { model, suite, qps } = slot;
  // Slow drift over the history (releases get faster, sometimes regress), per model and GPU.
  const phase = (model.tp * 7 + gpu.factor * 13) % 6.28;
  const trend = 1 + 0.06 * Math.sin(nightly / 45 + phase) - 0.1 * Math.min(1, nightly / 4000);
  const timeScale = model.scale * gpu.factor * trend;
  const noisy = random() < 0.01 ? 1.3 + random() : 1; // the odd bad night
  const gpuCell = Array.from({ length: GPU_COUNT }, () => gpu.type).join('\n');

  if (suite === 'latency') {
    const [mean, median, p99] = SEED_VALUES[model.base].latency;
    const j = jitter(random, 0.02) * timeScale * noisy;
    return {
      suite,
      testName: `latency_${model.token}_tp${model.tp}`,
      gpu: gpuCell,
      values: [mean * j, median * j * jitter(random, 0.003), p99 * j * (1 + 0.01 * random())],
    };
  }
  if (suite === 'throughput') {
    const [tput] = SEED_VALUES[model.base].throughput;
    return {
      suite,
      testName: `throughput_${model.token}_tp${model.tp}`,
      gpu: gpuCell,
      values: [(tput / timeScale / noisy) * jitter(random, 0.03)],
    };
  }
  const row = servingRow(model.base, qps);
  const maxTput = SEED_VALUES[model.base].serving.inf[0] / timeScale;
  const tput =
    qps === 'inf'
      ? maxTput * jitter(random, 0.04)
      : Math.min(qps * 0.97, maxTput * 0.95) * jitter(random, 0.02);
  const ttft = timeScale * noisy * jitter(random, 0.06);
  const itl = timeScale * jitter(random, 0.03);
  return {
    suite,
    testName: `serving_${model.token}_tp${model.tp}_sharegpt_qps_${qps}`,
    gpu: gpuCell,
    values: [
      tput,
      row[1] * ttft,
      row[2] * ttft * jitter(random, 0.03),
      row[3] * ttft * (1 + 0.3 * random()),
      row[4] * itl,
      row[5] * itl * jitter(random, 0.01),
      row[6] * itl * (1 + 0.2 * random()),
    ],
  };
}

/** A JSON string the way Python's json.dumps writes it for ASCII text. */
const str = (text) => JSON.stringify(text);

/**
 * Results [start, start + count) of the history as one embedded-JSON file's text. `count` must
 * fit in one chunk (start is a multiple of CHUNK_SIZE).
 * @param {number} chunkIndex
 * @param {number} count
 */
export function chunkText(chunkIndex, count) {
  const random = mulberry32((SEED ^ Math.imul(chunkIndex + 1, 0x9e3779b1)) >>> 0);
  const start = chunkIndex * CHUNK_SIZE;
  /** @type {Record<Suite, { testName: string, gpu: string, values: number[] }[]>} */
  const bySuite = { latency: [], throughput: [], serving: [] };
  for (let g = start; g < start + count; g += 1) {
    const result = resultAt(g, random);
    bySuite[result.suite].push(result);
  }
  const suites = /** @type {Suite[]} */ (['latency', 'throughput', 'serving']).map((suite) => {
    const rows = bySuite[suite];
    const columns = COLUMNS[suite].map((header, c) => {
      const cells = rows.map((row, i) => {
        const value =
          c === 0 ? str(row.testName) : c === 1 ? str(row.gpu) : String(row.values[c - 2]);
        return `"${i}": ${value}`;
      });
      return `${str(header)}: {${cells.join(', ')}}`;
    });
    // pandas writes an empty DataFrame as {}.
    return `${str(suite)}: {${rows.length === 0 ? '' : columns.join(', ')}}`;
  });
  return `{${suites.join(', ')}}`;
}

/** File name of chunk i holding `count` results (a short last chunk says its size). */
export function chunkFileName(chunkIndex, count) {
  const n = String(chunkIndex).padStart(4, '0');
  return count === CHUNK_SIZE ? `nightly-history-${n}.json` : `nightly-history-${n}-${count}.json`;
}

/** The chunks making up the first `total` results: [{ index, count, file }]. */
export function chunksFor(total) {
  const chunks = [];
  for (let start = 0, index = 0; start < total; start += CHUNK_SIZE, index += 1) {
    const count = Math.min(CHUNK_SIZE, total - start);
    chunks.push({ index, count, file: chunkFileName(index, count) });
  }
  return chunks;
}

async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes (once) every chunk file for `total` results into `dir`; returns the file names in order,
 * their total size and the time spent generating.
 * @param {string} dir
 * @param {number} total
 */
export async function writeResultSet(dir, total) {
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  let bytes = 0;
  let generated = 0;
  const files = [];
  for (const chunk of chunksFor(total)) {
    const file = path.join(dir, chunk.file);
    if (!(await exists(file))) {
      const text = chunkText(chunk.index, chunk.count);
      await writeFile(file, text);
      generated += 1;
    }
    bytes += (await stat(file)).size;
    files.push(chunk.file);
  }
  return { files, bytes, generated, ms: performance.now() - started };
}
