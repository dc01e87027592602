// @vitest-environment node
import 'fake-indexeddb/auto';
import { clear, createStore, entries, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { createDataset } from '../../src/data/results/dataset';
import type { BenchmarkResult, Dataset } from '../../src/data/results/result-model';
import { packResults, storePack } from '../helpers/legacy-pack';
import { loadInputs, type LoadInput } from '../../src/store/load-files';
import { reviveRecord, startPersistence } from '../../src/store/persistence';
import { writesSettled } from '../../src/store/write-queue';
import { readFixture, seedDataset } from '../helpers/seed';

const db = createStore('vllm-dashboard', 'datasets');
const orderDb = createStore('vllm-dashboard-order', 'order');
/** The page's events (pagehide), as the window would send them. */
const page = new EventTarget();
const store = () => useDashboardStore.getState();
let stop: (() => void) | null = null;

/** A file the user loaded with 10,000 serving results: one the store saves once the page is idle. */
function largeDataset(name: string): Dataset {
  const results: BenchmarkResult[] = Array.from({ length: 10_000 }, (_, i) => ({
    suite: 'serving',
    testName: `serving_llama8B_tp1_sharegpt_qps_${String((i % 50) + 1)}`,
    model: 'llama8B',
    tp: 1,
    pp: null,
    dp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps: (i % 50) + 1,
    concurrency: i,
    inputLen: null,
    outputLen: null,
    engine: null,
    metrics: { ttft_mean: i },
    attributes: {},
  }));
  return createDataset(
    { format: { id: 'vllm-records-json', label: 'records' }, results, warnings: [] },
    { kind: 'file', name },
    name,
  );
}

function input(name: string, text: string): LoadInput {
  return { name, kind: 'file', size: text.length, text: () => Promise.resolve(text) };
}

/** What a reload does: a fresh store with the bundled run, then the saved datasets. */
async function reload(): Promise<void> {
  stop?.();
  store().reset();
  store().addDatasets([seedDataset('H100')]);
  stop = await startPersistence(page);
}

/** Lets the writes of the store subscription finish (they wait for a paint first). */
async function settle(): Promise<void> {
  await writesSettled();
  await entries(db);
}

beforeEach(async () => {
  await clear(db);
  await clear(orderDb);
  await reload();
});

afterEach(() => {
  stop?.();
  stop = null;
});

describe('datasets kept across reloads', () => {
  it('keeps what the user said a file does not: its engine, applied again after a reload', async () => {
    const file = createDataset(
      {
        format: { id: 'aiperf', label: 'AIPerf export' },
        results: [{ ...(largeDataset('x').results[0] as BenchmarkResult), engine: null }],
        warnings: [],
      },
      { kind: 'file', name: 'profile_export_aiperf.json' },
      'profile_export_aiperf.json',
    );
    store().addDatasets([file]);
    await settle();
    store().assumeFacts(file.id, { engine: 'SGLang' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    await reload();
    const restored = store().datasets.find((dataset) => dataset.id === file.id);
    expect(restored?.assumed).toEqual({ engine: 'SGLang' });
    expect(restored?.results.map((result) => result.engine)).toEqual(['SGLang']);
    // Taken away, the file's results are as read again, also after a reload.
    store().assumeFacts(file.id, {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    await reload();
    const again = store().datasets.find((dataset) => dataset.id === file.id);
    expect(again?.assumed).toBeUndefined();
    expect(again?.results.map((result) => result.engine)).toEqual([null]);
  });

  it('restores a loaded file after a reload, after the bundled run', async () => {
    await loadInputs([input('nightly-8xH200.md', readFixture('nightly/nightly-8xH200.md'))]);
    await settle();
    await reload();
    expect(store().datasets.map((dataset) => [dataset.label, dataset.results.length])).toEqual([
      ['Nightly · 8×H100', 18],
      ['nightly-8xH200.md', 18],
    ]);
    // Restored values are the parsed ones, QPS inf included (structured clone keeps Infinity).
    const restored = store().datasets[1]?.results.find(
      (result) => result.testName === 'serving_llama8B_tp1_sharegpt_qps_inf',
    );
    expect(restored?.qps).toBe(Infinity);
    expect(restored?.metrics.request_throughput).toBe(28.828767850421375);
  });

  it('saves a file loaded while the saved datasets were still being read', async () => {
    stop?.();
    store().reset();
    store().addDatasets([seedDataset('H100')]);
    // Loaded before storage is read (the bundled runs were still loading): no change comes after.
    await loadInputs([input('early.md', readFixture('nightly/nightly-8xH200.md'))]);
    stop = await startPersistence(page);
    await settle();
    await reload();
    expect(store().datasets.map((dataset) => dataset.label)).toEqual([
      'Nightly · 8×H100',
      'early.md',
    ]);
  });

  it('never saves the bundled runs', async () => {
    await settle();
    expect(await entries(db)).toEqual([]);
  });

  it('forgets a removed dataset', async () => {
    await loadInputs([input('run.md', readFixture('nightly/nightly-8xH200.md'))]);
    await settle();
    const id = store().datasets[1]?.id ?? '';
    store().removeDataset(id);
    await settle();
    await reload();
    expect(store().datasets.map((dataset) => dataset.label)).toEqual(['Nightly · 8×H100']);
  });

  it('keeps a new label', async () => {
    await loadInputs([input('run.md', readFixture('nightly/nightly-8xH200.md'))]);
    await settle();
    store().renameDataset(store().datasets[1]?.id ?? '', '  PR 1234   on H200 ');
    await settle();
    await reload();
    expect(store().datasets[1]?.label).toBe('PR 1234 on H200');
  });

  it('saves a small file at once, before the page paints, with the order shown', async () => {
    // Frames are the test's: none runs.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    try {
      await loadInputs([input('run.md', readFixture('nightly/nightly-8xH200.md'))]);
      await writesSettled();
      const id = store().datasets[1]?.id ?? '';
      expect((await entries(db)).map(([key]) => key)).toEqual([`dataset:${id}`]);
      expect(await get('order', orderDb)).toEqual([seedDataset('H100').id, id]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('saves a large dataset once the page has painted, or at once when the page is left', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frames.push(callback),
    );
    try {
      const big = largeDataset('big.json');
      await store().loadDatasets([big]);
      for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
      // The order is saved, the dataset waits for a frame.
      expect(await get('order', orderDb)).toEqual([seedDataset('H100').id, big.id]);
      expect(await entries(db)).toEqual([]);
      expect(frames).toHaveLength(1);
      page.dispatchEvent(new Event('pagehide'));
      await writesSettled();
      expect((await entries(db)).map(([key]) => key)).toEqual([`dataset:${big.id}`]);
      await reload();
      expect(store().datasets.map((dataset) => [dataset.label, dataset.results.length])).toEqual([
        ['Nightly · 8×H100', 18],
        ['big.json', 10_000],
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('forgets a removed dataset at once, without waiting for the page', async () => {
    await loadInputs([input('run.md', readFixture('nightly/nightly-8xH200.md'))]);
    await settle();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    try {
      store().removeDataset(store().datasets[1]?.id ?? '');
      await writesSettled();
      expect(await entries(db)).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps the order the files were loaded in, and the order they were arranged in', async () => {
    // Loaded one at a time, in an order the alphabet would not give.
    for (const name of ['zeta.md', 'alpha.md', 'mu.md']) {
      await loadInputs([
        input(name, `${readFixture('nightly/nightly-8xH200.md')}\n<!-- ${name} -->`),
      ]);
    }
    await settle();
    await reload();
    const labels = () => store().datasets.map((dataset) => dataset.label);
    expect(labels()).toEqual(['Nightly · 8×H100', 'zeta.md', 'alpha.md', 'mu.md']);
    store().moveDataset(store().datasets[3]?.id ?? '', 0);
    expect(labels()).toEqual(['mu.md', 'Nightly · 8×H100', 'zeta.md', 'alpha.md']);
    await settle();
    await reload();
    expect(labels()).toEqual(['mu.md', 'Nightly · 8×H100', 'zeta.md', 'alpha.md']);
  });

  it('carries out writes in order: a dataset removed right after it was added stays unsaved', async () => {
    await loadInputs([input('run.md', readFixture('nightly/nightly-8xH200.md'))]);
    store().removeDataset(store().datasets[1]?.id ?? '');
    await settle();
    expect(await entries(db)).toEqual([]);
    await reload();
    expect(store().datasets.map((dataset) => dataset.label)).toEqual(['Nightly · 8×H100']);
  });

  it('sets a damaged record aside with a notice and restores the rest', async () => {
    await loadInputs([input('run.md', readFixture('nightly/nightly-8xH200.md'))]);
    await settle();
    await set('dataset:broken', { version: 1, dataset: { id: 'broken', results: 'nope' } }, db);
    await reload();
    expect(store().datasets.map((dataset) => dataset.label)).toEqual([
      'Nightly · 8×H100',
      'run.md',
    ]);
    expect(store().problems.map((problem) => problem.message)).toEqual([
      '1 saved dataset was damaged and set aside; everything else was restored.',
    ]);
    expect(await get('dataset:broken', db)).toBeUndefined();
    expect(await get('set-aside:dataset:broken', db)).toEqual({
      version: 1,
      dataset: { id: 'broken', results: 'nope' },
    });
  });
});

describe('the stored form', () => {
  it('keeps results as columns in one Blob (version 4), and restores them as they were', async () => {
    await loadInputs([input('run.md', readFixture('nightly/nightly-8xH200.md'))]);
    await settle();
    const loaded = store().datasets[1]?.results;
    const [key, saved] = (await entries<string, Record<string, unknown>>(db))[0] ?? ['', {}];
    expect(key).toMatch(/^dataset:/);
    expect(saved.version).toBe(4);
    const stored = saved.stored as { data: Blob; count: number; metricKeys: unknown[] };
    expect(stored.data).toBeInstanceOf(Blob);
    expect(stored.count).toBe(18);
    await reload();
    expect(store().datasets[1]?.results).toEqual(loaded);
    // 8×H200's Llama 8B serving row at QPS inf, as its table reads: 28.8288 req/s.
    const inf = store().datasets[1]?.results.find(
      (result) => result.testName === 'serving_llama8B_tp1_sharegpt_qps_inf',
    );
    expect(inf?.metrics.request_throughput).toBeCloseTo(28.8288, 4);
    // The restored dataset keeps its columns, row for row: charts and sorts read them.
    const restored = store().datasets[1];
    const at = restored?.results.indexOf(inf as BenchmarkResult) ?? -1;
    const columns = restored?.columns;
    expect(columns?.count).toBe(18);
    const throughput =
      columns?.metrics[
        columns.metricKeys.findIndex((code) => columns.strings[code] === 'request_throughput')
      ];
    expect(throughput?.[at]).toBeCloseTo(28.8288, 4);
  });

  it('still restores what older versions wrote: a packed Blob (3) and packed typed arrays (2)', async () => {
    const h200 = seedDataset('H200');
    const { id, source, format, warnings } = h200;
    const header = (label: string) => ({
      id: `${id}-${label}`,
      label,
      source: { ...source, kind: 'file' },
      format,
      warnings,
    });
    await clear(db);
    await set(
      'dataset:v2',
      {
        version: 2,
        savedAt: '2026-01-01T00:00:00.000Z',
        dataset: header('saved by version 2'),
        pack: packResults(h200.results),
      },
      db,
    );
    await set(
      'dataset:v3',
      {
        version: 3,
        savedAt: '2026-01-02T00:00:00.000Z',
        dataset: header('saved by version 3'),
        stored: await storePack(packResults(h200.results)),
      },
      db,
    );
    await reload();
    expect(store().datasets.map((dataset) => dataset.label)).toEqual([
      'Nightly · 8×H100',
      'saved by version 2',
      'saved by version 3',
    ]);
    expect(store().datasets[1]?.results).toEqual(h200.results);
    expect(store().datasets[2]?.results).toEqual(h200.results);
    expect(store().datasets[2]?.columns?.count).toBe(h200.results.length);
  });

  it('sets aside a record whose Blob does not hold what it says', async () => {
    await loadInputs([input('run.md', readFixture('nightly/nightly-8xH200.md'))]);
    await settle();
    const [key, saved] = (await entries<string, { stored: { data: Blob } }>(db))[0] ?? [
      '',
      { stored: { data: new Blob() } },
    ];
    const { stored } = saved;
    await set(key, { ...saved, stored: { ...stored, data: stored.data.slice(8) } }, db);
    await reload();
    expect(store().datasets.map((dataset) => dataset.label)).toEqual(['Nightly · 8×H100']);
    expect(store().problems.map((problem) => problem.message)).toEqual([
      '1 saved dataset was damaged and set aside; everything else was restored.',
    ]);
  });
});

describe('reviveRecord', () => {
  it('reads a first-version record’s results as vLLM’s, which is all that was read then', () => {
    const header = {
      id: 'old',
      label: 'old.md',
      source: { kind: 'file', name: 'old.md' },
      format: { id: 'vllm-markdown', label: 'vLLM markdown V4' },
      warnings: [],
    };
    const result = { suite: 'latency', testName: 'latency_llama8B_tp1', model: 'llama8B' };
    const revived = reviveRecord({
      version: 1,
      dataset: {
        ...header,
        results: [
          { ...result, metrics: {}, attributes: {} },
          { ...result, engine: 'SGLang', metrics: {}, attributes: {} },
        ],
      },
    });
    const results = revived !== null && 'dataset' in revived ? revived.dataset.results : [];
    expect(results.map((row) => row.engine)).toEqual(['vLLM', 'SGLang']);
  });

  it('refuses records of another shape', () => {
    expect(reviveRecord(null)).toBeNull();
    expect(reviveRecord({ version: 2, dataset: {} })).toBeNull();
    expect(
      reviveRecord({
        version: 1,
        dataset: { id: 'x', label: 'x', source: { kind: 'bundled', name: 'x' } },
      }),
    ).toBeNull();
  });
});
