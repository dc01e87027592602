// Ingest at scale: `npm run bench` (build, the explorer and charts, then this), or
//   node bench/ingest.mjs [--reps 3] [--dist dist] [--keep] [--only 25mb,100mb,serve] [--profile] [--trace]
// Writes a 25 MB and a 100 MB markdown page with CI's embedded JSON, and a 100 MB raw
// `vllm bench serve --save-result` file with its per-request arrays; serves them beside a copy of
// dist/ and picks each from disk in the page's `Load results` input in headless Chromium.
// Measures file → results in the tables next to a bare JSON.parse of the same bytes in the same
// page and a worker that only reads, decodes and parses them (the floor), and the longest
// main-thread task while the file loads. Prints a table; writes bench/results/ingest.json.
/* global window, document, requestAnimationFrame, Worker */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chunkText, mulberry32 } from './generate.mjs';
import { startStaticServer } from './static-server.mjs';

const BENCH_DIR = import.meta.dirname;
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const RESULTS_FILE = path.join(BENCH_DIR, 'results', 'ingest.json');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--js-flags=--max-old-space-size=8192',
];
const MB = 1024 * 1024;
// What `--trace` records: the main thread's tasks, style, layout and paint, and the workers'.
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
];
const TARGETS = { ratioToBareParse: 1.5, megabytesPerSecond: 50, longestTaskMs: 100 };

function log(message) {
  console.log(`[ingest] ${message}`);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '3' },
      dist: { type: 'string', default: 'dist' },
      keep: { type: 'boolean', default: false },
      only: { type: 'string', default: '25mb,100mb,serve' },
      profile: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
    },
  });
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1 || reps > 20) throw new Error('--reps must be 1 … 20');
  return {
    reps,
    keep: values.keep,
    profile: values.profile,
    trace: values.trace,
    distDir: path.resolve(REPO_ROOT, values.dist),
    cases: values.only.split(',').map((item) => item.trim()),
  };
}

// ---------------------------------------------------------------------------------------------
// Files

/** A CI markdown page whose results are its embedded JSON line, about `megabytes` MB. */
function embeddedPage(megabytes) {
  const sample = chunkText(0, 10_000).length / 10_000;
  const count = Math.round((megabytes * MB) / sample);
  const json = chunkText(0, count);
  const text =
    '## Serving tests\n\nThe results of this run, in the JSON CI embeds in its report:\n\n' +
    `${json}\n\nYou can also check the raw experiment data in the Artifact tab of the Buildkite page.\n`;
  return { text, results: count };
}

/**
 * A `vllm bench serve --save-result --save-detailed` file of about `megabytes` MB: the summary
 * fields of a real run plus per-request arrays (input/output lengths, TTFTs, ITLs, texts).
 */
function rawServeFile(megabytes) {
  const random = mulberry32(0x5e7e);
  const requests = Math.round((megabytes * MB) / 4_300);
  const itls = [];
  const ttfts = [];
  const texts = [];
  const inputLens = [];
  const outputLens = [];
  for (let i = 0; i < requests; i += 1) {
    const outputLen = 150 + Math.floor(random() * 100);
    inputLens.push(100 + Math.floor(random() * 400));
    outputLens.push(outputLen);
    ttfts.push(0.01 + random() * 0.05);
    itls.push(Array.from({ length: outputLen - 1 }, () => 0.006 + random() * 0.004));
    texts.push('The quick brown fox jumps over the lazy dog. '.repeat(8));
  }
  const summary = {
    date: '20251114-021530',
    backend: 'vllm',
    model_id: 'meta-llama/Llama-3.1-8B-Instruct',
    tokenizer_id: 'meta-llama/Llama-3.1-8B-Instruct',
    num_prompts: requests,
    request_rate: 'inf',
    burstiness: 1.0,
    max_concurrency: null,
    duration: 812.4,
    completed: requests,
    total_input_tokens: inputLens.reduce((a, b) => a + b, 0),
    total_output_tokens: outputLens.reduce((a, b) => a + b, 0),
    request_throughput: 24.19,
    output_throughput: 4921.3,
    total_token_throughput: 10210.8,
    mean_ttft_ms: 240.7,
    median_ttft_ms: 238.2,
    std_ttft_ms: 31.2,
    p99_ttft_ms: 306.3,
    mean_tpot_ms: 11.5,
    median_tpot_ms: 11.4,
    std_tpot_ms: 0.9,
    p99_tpot_ms: 21.9,
    mean_itl_ms: 11.5,
    median_itl_ms: 11.5,
    std_itl_ms: 1.1,
    p99_itl_ms: 22.0,
    input_lens: inputLens,
    output_lens: outputLens,
    ttfts,
    itls,
    generated_texts: texts,
    errors: texts.map(() => ''),
  };
  return { text: JSON.stringify(summary), results: 1 };
}

const CASES = {
  '25mb': {
    label: 'embedded JSON, 25 MB',
    name: 'nightly-25MB.md',
    make: () => embeddedPage(25),
  },
  '100mb': {
    label: 'embedded JSON, 100 MB',
    name: 'nightly-100MB.md',
    make: () => embeddedPage(100),
  },
  serve: {
    label: 'raw serve JSON, 100 MB',
    name: 'serving_llama8B_tp1_sharegpt_qps_inf.json',
    make: () => rawServeFile(100),
  },
};

// ---------------------------------------------------------------------------------------------
// The floor: what any ingest that keeps the main thread free must spend before it has even one
// result. A worker reads the file whole, decodes it and JSON.parses its JSON, and answers with
// nothing more than its timings: no normalizing, no packing, no transfer, no rendering.

const FLOOR_WORKER = `self.onmessage = async ({ data: file }) => {
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

// ---------------------------------------------------------------------------------------------
// In the page

/** Fetches a bench file into memory (not timed) and times the bare baseline on its bytes. */
async function inPageBaseline(url) {
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
function inPageArm() {
  const bench = { start: Infinity, file: null, longTasks: [], observer: null };
  // Tasks that began before the file was chosen (the baseline's own JSON.parse, say) are not the
  // ingest's.
  bench.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.startTime >= bench.start) bench.longTasks.push(entry);
  });
  bench.observer.observe({ type: 'longtask' });
  performance.clearMarks();
  window.addEventListener(
    'change',
    (event) => {
      bench.start = performance.now();
      bench.file = event.target.files?.[0] ?? null;
    },
    { capture: true, once: true },
  );
  window.__bench = bench;
}

/**
 * After the file was chosen: waits until its dataset is listed and painted, then a second more
 * for the deferred charts and the save; reports the ingest and every long task on the way.
 */
async function inPageIngest({ name }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const bench = window.__bench;
  const { longTasks } = bench;
  while (bench.start === Infinity) await frame();
  const { start } = bench;
  const panel = document.querySelector('.datasets-panel');
  const listed = () =>
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
  bench.observer.disconnect();
  const mark = (markName) => {
    const entry = performance.getEntriesByName(markName).at(-1);
    return entry === undefined ? null : entry.startTime - start;
  };
  const problem = document.querySelector('[role="alert"]')?.textContent ?? null;
  return {
    visibleMs,
    workerDoneMs: mark('ingest:worker-done'),
    workerPhases: performance.getEntriesByName('ingest:worker-done').at(-1)?.detail ?? null,
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

/**
 * The file just loaded (the same File) → the floor worker → its answer, timed from the page; one
 * worker per page, kept warm.
 */
async function inPageFloor() {
  window.__floorWorker ??= new Worker('bench-floor-worker.js');
  const worker = window.__floorWorker;
  const { file } = window.__bench;
  const start = performance.now();
  const phases = await new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(file);
  });
  return { floorMs: performance.now() - start, floorPhases: phases };
}

async function inPageRemove(name) {
  const button = [...document.querySelectorAll('.datasets-panel button')].find(
    (item) => item.getAttribute('aria-label') === `Remove ${name}`,
  );
  button?.click();
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  await frame();
  await frame();
}

// ---------------------------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function main() {
  const options = readOptions();
  const siteRoot = await mkdtemp(path.join(os.tmpdir(), 'vllm-ingest-bench-'));
  const siteDir = path.join(siteRoot, 'site');
  await cp(options.distDir, siteDir, { recursive: true });
  await mkdir(path.join(siteDir, 'bench-files'), { recursive: true });
  await writeFile(path.join(siteDir, 'bench-floor-worker.js'), FLOOR_WORKER);
  const cases = options.cases.map((key) => {
    const known = CASES[key];
    if (known === undefined) throw new Error(`unknown case ${key}`);
    return { key, ...known };
  });
  for (const item of cases) {
    const { text, results } = item.make();
    item.results = results;
    item.path = path.join(siteDir, 'bench-files', item.name);
    await writeFile(item.path, text);
    log(
      `wrote ${item.name}: ${(Buffer.byteLength(text) / MB).toFixed(1)} MB, ${results.toLocaleString('en-US')} results`,
    );
  }
  const server = await startStaticServer(siteRoot);
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const rows = [];
  try {
    for (const item of cases) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await page.goto(`${server.origin}/site/`);
      await page.getByRole('button', { name: 'Remove' }).count();
      await page.waitForFunction(() => document.querySelectorAll('table').length >= 3);
      const samples = [];
      for (let rep = 0; rep < options.reps; rep += 1) {
        const baseline = await page.evaluate(inPageBaseline, `bench-files/${item.name}`);
        const cdp = options.profile ? await context.newCDPSession(page) : null;
        if (cdp !== null) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        if (options.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        await page.evaluate(inPageArm);
        await page.getByTestId('load-results-input').setInputFiles(item.path);
        const ingest = await page.evaluate(inPageIngest, { name: item.name });
        if (options.trace) {
          const trace = await browser.stopTracing();
          const file = path.join(BENCH_DIR, 'results', `ingest-${item.key}-${rep + 1}.trace.json`);
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, trace);
          log(`  trace: ${path.relative(REPO_ROOT, file)}`);
        }
        if (cdp !== null) {
          const { profile } = await cdp.send('Profiler.stop');
          const file = path.join(BENCH_DIR, 'results', `ingest-${item.key}-${rep + 1}.cpuprofile`);
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, JSON.stringify(profile));
          log(`  main-thread profile: ${path.relative(REPO_ROOT, file)}`);
        }
        if (ingest.problem !== null) log(`  alert: ${ingest.problem}`);
        const floor = await page.evaluate(inPageFloor);
        await page.evaluate(inPageRemove, item.name);
        samples.push({ ...baseline, ...floor, ...ingest });
        log(
          `${item.label} #${rep + 1}: visible ${fmt(ingest.visibleMs)} ms (worker ${fmt(ingest.workerDoneMs ?? NaN)}${ingest.workerPhases === null ? '' : ` = read ${fmt(ingest.workerPhases.readMs)} + parse ${fmt(ingest.workerPhases.parseMs)}${ingest.workerPhases.fingerprintWaitMs === undefined ? '' : ` + fingerprint wait ${fmt(ingest.workerPhases.fingerprintWaitMs)}`} + pack ${fmt(ingest.workerPhases.packMs)} + start and trip`}, parsed ${fmt(ingest.parsedMs ?? NaN)}, indexed ${fmt(ingest.indexedMs ?? NaN)}, added ${fmt(ingest.addedMs ?? NaN)}); bare parse ${fmt(baseline.parseMs)} ms, decode ${fmt(baseline.decodeMs)} ms; floor ${fmt(floor.floorMs)} ms (read ${fmt(floor.floorPhases.readMs)} + decode ${fmt(floor.floorPhases.decodeMs)} + parse ${fmt(floor.floorPhases.parseMs)}); longest task ${fmt(Math.max(0, ...ingest.longTasks))} ms; long tasks ${ingest.longTasks.map((ms, i) => `${Math.round(ms)} ms at +${ingest.longTaskStarts[i]}`).join(', ')}`,
        );
      }
      await context.close();
      const bytes = samples[0].bytes;
      const visibleMs = median(samples.map((sample) => sample.visibleMs));
      const parseMs = median(samples.map((sample) => sample.parseMs));
      const decodeMs = median(samples.map((sample) => sample.decodeMs));
      const floorMs = median(samples.map((sample) => sample.floorMs));
      const longest = Math.max(...samples.flatMap((sample) => sample.longTasks), 0);
      const longestBeforeVisible = Math.max(
        ...samples.flatMap((sample) => sample.longTasksBeforeVisible),
        0,
      );
      rows.push({
        case: item.label,
        bytes,
        results: item.results,
        visibleMs,
        bareParseMs: parseMs,
        bareDecodeMs: decodeMs,
        ratio: visibleMs / parseMs,
        ratioWithDecode: visibleMs / (parseMs + decodeMs),
        floorMs,
        floorRatio: floorMs / parseMs,
        megabytesPerSecond: bytes / MB / (visibleMs / 1000),
        longestTaskMs: longest,
        longestTaskBeforeVisibleMs: longestBeforeVisible,
        longTasksOver100: samples.flatMap((sample) => sample.longTasks).filter((ms) => ms > 100)
          .length,
        samples,
        problems,
      });
    }
  } finally {
    await browser.close();
    await server.close();
    if (!options.keep) await rm(siteRoot, { recursive: true, force: true });
  }

  console.log('');
  console.log(
    'Ingest: file chosen → results in the tables (median), next to JSON.parse of the same bytes in the same page',
  );
  console.log(
    '| file | results | ingest | bare JSON.parse | × parse | × (decode + parse) | floor (worker: read, decode, parse) | floor × parse | MB/s | longest task until visible | longest task, charts and save included |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const ok = (pass) => (pass ? '✓' : '✗');
    console.log(
      `| ${row.case} | ${row.results.toLocaleString('en-US')} | ${fmt(row.visibleMs)} ms | ${fmt(row.bareParseMs)} ms | ${row.ratio.toFixed(2)}× ${ok(row.ratio <= TARGETS.ratioToBareParse)} | ${row.ratioWithDecode.toFixed(2)}× | ${fmt(row.floorMs)} ms | ${row.floorRatio.toFixed(2)}× | ${row.megabytesPerSecond.toFixed(0)} ${ok(row.megabytesPerSecond >= TARGETS.megabytesPerSecond)} | ${fmt(row.longestTaskBeforeVisibleMs)} ms ${ok(row.longestTaskBeforeVisibleMs <= TARGETS.longestTaskMs)} | ${fmt(row.longestTaskMs)} ms ${ok(row.longestTaskMs <= TARGETS.longestTaskMs)} |`,
    );
  }
  console.log(
    `Targets: ≤ ${TARGETS.ratioToBareParse}× the bare parse, ≥ ${TARGETS.megabytesPerSecond} MB/s, no main-thread task over ${TARGETS.longestTaskMs} ms.`,
  );
  console.log(
    'Floor: a worker that only reads the file whole, decodes it and JSON.parses it, then answers with its timings (median).',
  );
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify({ targets: TARGETS, rows }, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
