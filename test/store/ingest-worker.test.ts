// @vitest-environment node
import { contentFingerprint } from '../../src/data/results/dataset';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDashboardStore } from '../../src/store/dashboard-store';
import {
  IDLE_WORKER_MS,
  dropIdleWorker,
  ingestInWorker,
  startWorkerAhead,
  startWorkerWhenIdle,
} from '../../src/store/ingest-client';
import {
  WORKER_THRESHOLD_BYTES,
  cancelLoad,
  loadInputs,
  type LoadInput,
} from '../../src/store/load-files';
import { handleIngest, readBlob } from '../../src/workers/ingest-handler';
import type { Fingerprinter } from '../../src/workers/fingerprint-protocol';
import type { IngestReply, IngestRequest } from '../../src/workers/ingest-protocol';
import { ingestDone } from '../helpers/ingest-done';
import { readFixture, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();
const H200 = readFixture('nightly/nightly-8xH200.md');

/**
 * The parsing worker, run in this thread: requests go to the real handler, replies come back as
 * structured clones with their buffers transferred, as a real worker's do. `hold` keeps every
 * reply back (a slow parse, to cancel).
 */
class InThreadWorker {
  static instances: InThreadWorker[] = [];
  static hold = false;
  onmessage: ((event: { data: IngestReply }) => void) | null = null;
  onerror: ((event: { preventDefault: () => void }) => void) | null = null;
  terminated = false;
  readonly replies: IngestReply[] = [];

  constructor() {
    InThreadWorker.instances.push(this);
  }

  postMessage(request: IngestRequest): void {
    void handleIngest(structuredClone(request), (reply, transfer = []) => {
      this.replies.push(reply);
      const data = structuredClone(reply, { transfer });
      if (InThreadWorker.hold) return;
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data });
      }, 0);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  dropIdleWorker();
  InThreadWorker.instances = [];
  InThreadWorker.hold = false;
  vi.stubGlobal('Worker', InThreadWorker);
  store().reset();
  store().addDatasets([seedDataset('H100')]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the parsing worker', () => {
  it('reads a file, reports progress and sends the results back packed, buffers transferred', async () => {
    const posted: { reply: IngestReply; transfer: Transferable[] }[] = [];
    const file = new Blob([H200]);
    await handleIngest(
      {
        type: 'ingest',
        inputs: [{ name: 'h200.md', kind: 'file', size: file.size, source: file }],
      },
      (reply, transfer = []) => posted.push({ reply, transfer }),
    );
    const last = posted.at(-1);
    expect(posted.some(({ reply }) => reply.type === 'progress' && reply.stage === 'parsing')).toBe(
      true,
    );
    expect(last?.reply.type).toBe('done');
    if (last?.reply.type !== 'done') return;
    const [dataset] = last.reply.datasets;
    expect(dataset?.columns.count).toBe(18);
    expect(dataset?.label).toBe('h200.md');
    expect(dataset?.format.label).toBe('vLLM markdown V4 · embedded JSON');
    // Every column travels as a transfer; nothing is cloned result by result: 8 number and 6
    // text dimensions, the suite and the metric shape, and one column per metric.
    const metrics = dataset?.columns.metrics ?? [];
    expect(last.transfer).toHaveLength(8 + 6 + 2 + metrics.length);
    expect(last.transfer).toContain(metrics[0]?.buffer);
  });

  it('gives a file read from disk the id its text gets on the page, BOM and non-ASCII included', async () => {
    // A byte-order mark, and a label with "×" and "é" (two bytes each in UTF-8) in a comment line.
    const text = `Run on 8×H200 — café\n${H200}`;
    const file = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), text]);
    const done = await ingestDone([{ name: 'h200.md', source: file }]);
    expect(done.datasets[0]?.id).toBe(contentFingerprint(text));
    // And an ASCII file's too.
    const reply = await ingestDone([{ name: 'a.md', source: new Blob([H200]) }]);
    expect(reply.datasets[0]?.id).toBe(contentFingerprint(H200));
  });

  it('reads a file into its text and id, a byte-order mark and two-byte characters included', async () => {
    const text = 'é×'.repeat(20) + H200.slice(0, 200);
    const file = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), text]);
    const steps: number[] = [];
    const read = await readBlob(file, (bytes) => steps.push(bytes));
    expect(read.text).toBe(text);
    expect(read.contentId).toBe(contentFingerprint(text));
    expect(steps).toEqual([file.size]);
  });

  it('hands the decoded bytes to a fingerprint worker and uses the id it gives', async () => {
    const file = new Blob([H200]);
    const given: number[] = [];
    const done = await ingestDone([{ name: 'h200.md', source: file }], {
      ready: () => Promise.resolve(true),
      fingerprint: (bytes) => {
        given.push(bytes.byteLength);
        return Promise.resolve('0badc0de-1');
      },
    });
    expect(given).toEqual([file.size]);
    expect(done.datasets.map((dataset) => dataset.id)).toEqual(['0badc0de-1']);
  });

  it('takes the fingerprint itself when the fingerprint worker is not up, gives none or fails', async () => {
    const ids: string[] = [];
    const asked: string[] = [];
    const fingerprinters: Fingerprinter[] = [
      {
        ready: () => Promise.resolve(false),
        fingerprint: () => {
          asked.push('not up');
          return Promise.resolve('0badc0de-1');
        },
      },
      { ready: () => Promise.resolve(true), fingerprint: () => Promise.resolve(null) },
      {
        ready: () => Promise.resolve(true),
        fingerprint: () => Promise.reject(new Error('the worker died')),
      },
    ];
    for (const fingerprint of fingerprinters) {
      const done = await ingestDone([{ name: 'h200.md', source: new Blob([H200]) }], fingerprint);
      ids.push(...done.datasets.map((dataset) => dataset.id));
    }
    expect(ids).toEqual([
      contentFingerprint(H200),
      contentFingerprint(H200),
      contentFingerprint(H200),
    ]);
    // A worker that is not up is not handed the bytes.
    expect(asked).toEqual([]);
  });

  it('names a file it cannot parse, and still loads the good one beside it', async () => {
    const done = await ingestDone([
      { name: 'good.md', source: H200 },
      { name: 'bad.json', source: '{"latency"' },
    ]);
    expect(done.datasets.map((dataset) => dataset.source.name)).toEqual(['good.md']);
    expect(done.problems.map((problem) => problem.source)).toEqual(['bad.json']);
    expect(done.problems[0]?.message).toMatch(
      /^bad\.json was not loaded\. The file is not valid JSON/,
    );
  });

  it('gives the page the same results as parsing on the page itself', async () => {
    const job = ingestInWorker(
      [{ name: 'h200.md', kind: 'file', size: H200.length, source: H200 }],
      () => undefined,
    );
    const outcome = await job.result;
    if (outcome.status !== 'done') throw new Error(outcome.status);
    const [dataset] = outcome.datasets;
    const onPage = seedDataset('H200');
    expect(dataset?.results.length).toBe(18);
    const byName = (name: string) => dataset?.results.find((result) => result.testName === name);
    // The seed's 8×H200 values, as in its markdown table.
    expect(byName('serving_llama8B_tp1_sharegpt_qps_inf')?.metrics.request_throughput).toBeCloseTo(
      28.8288,
      4,
    );
    expect(byName('latency_llama8B_tp1')?.metrics.latency_mean).toBeCloseTo(833.27, 2);
    expect(JSON.stringify(dataset?.results)).toBe(JSON.stringify(onPage.results));
  });

  it('lets the kept worker go after a minute without loads', async () => {
    const load = () =>
      ingestInWorker([{ name: 'h200.md', kind: 'file', size: H200.length, source: H200 }], () => {
        // No progress needed here.
      });
    // The test's clock: the load runs on it (its replies come by timer), then a minute passes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let status: string | undefined;
      void load().result.then((result) => {
        status = result.status;
      });
      while (status === undefined) await vi.advanceTimersByTimeAsync(1);
      expect(status).toBe('done');
      vi.advanceTimersByTime(IDLE_WORKER_MS - 1000);
      expect(InThreadWorker.instances[0]?.terminated).toBe(false);
      vi.advanceTimersByTime(1000);
      expect(InThreadWorker.instances[0]?.terminated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    // The next load starts a worker of its own.
    expect((await load().result).status).toBe('done');
    expect(InThreadWorker.instances).toHaveLength(2);
  });

  it('starts one worker ahead of the first load, which the load then takes', async () => {
    startWorkerAhead();
    startWorkerAhead();
    expect(InThreadWorker.instances).toHaveLength(1);
    const result = await ingestInWorker(
      [{ name: 'h200.md', kind: 'file', size: H200.length, source: H200 }],
      () => undefined,
    ).result;
    expect(result.status).toBe('done');
    expect(InThreadWorker.instances).toHaveLength(1);
  });

  it('starts no worker ahead while a load has one: that one is kept for the next load', async () => {
    InThreadWorker.hold = true;
    const job = ingestInWorker(
      [{ name: 'h200.md', kind: 'file', size: H200.length, source: H200 }],
      () => undefined,
    );
    startWorkerAhead();
    expect(InThreadWorker.instances).toHaveLength(1);
    job.cancel();
    expect((await job.result).status).toBe('cancelled');
    // The cancelled load's worker is gone: now one is started ahead.
    startWorkerAhead();
    expect(InThreadWorker.instances).toHaveLength(2);
  });

  it('keeps a worker started ahead past the idle minute: it has read nothing', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      startWorkerAhead();
      vi.advanceTimersByTime(IDLE_WORKER_MS * 2);
      expect(InThreadWorker.instances[0]?.terminated).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts the worker ahead when the page is idle, or half a second on without idle callbacks', () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    startWorkerWhenIdle();
    expect(InThreadWorker.instances).toHaveLength(0);
    for (const callback of idle) callback();
    expect(InThreadWorker.instances).toHaveLength(1);

    dropIdleWorker();
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      startWorkerWhenIdle();
      vi.advanceTimersByTime(499);
      expect(InThreadWorker.instances).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(InThreadWorker.instances).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a worker that finished for the next load, and never reuses a cancelled one', async () => {
    const load = () =>
      ingestInWorker([{ name: 'h200.md', kind: 'file', size: H200.length, source: H200 }], () => {
        // No progress needed here.
      });
    expect((await load().result).status).toBe('done');
    expect((await load().result).status).toBe('done');
    // One worker served both loads, and it is still there for a third.
    expect(InThreadWorker.instances).toHaveLength(1);
    expect(InThreadWorker.instances[0]?.terminated).toBe(false);

    InThreadWorker.hold = true;
    const job = load();
    job.cancel();
    expect((await job.result).status).toBe('cancelled');
    expect(InThreadWorker.instances[0]?.terminated).toBe(true);
    InThreadWorker.hold = false;
    expect((await load().result).status).toBe('done');
    expect(InThreadWorker.instances).toHaveLength(2);
  });
});

describe('loading through the worker', () => {
  const big = (name: string, text: string): LoadInput => ({
    name,
    kind: 'file',
    // Said to be large, so the load goes to the worker; the text is the seed page.
    size: WORKER_THRESHOLD_BYTES,
    text: () => Promise.resolve(text),
  });

  it('sends large inputs to the worker and adds what it parsed', async () => {
    const report = await loadInputs([big('big-h200.md', H200)]);
    expect(InThreadWorker.instances).toHaveLength(1);
    expect(report.added.map((dataset) => [dataset.label, dataset.results.length])).toEqual([
      ['big-h200.md', 18],
    ]);
    expect(store().datasets).toHaveLength(2);
    // Progress went through the store and is gone when the load is over.
    expect(store().loads).toEqual([]);
  });

  it('parses small inputs on the page, with no worker', async () => {
    await loadInputs([{ ...big('small.md', H200), size: H200.length }]);
    expect(InThreadWorker.instances).toHaveLength(0);
    expect(store().datasets).toHaveLength(2);
  });

  it('shows the load in progress and cancels it: nothing is added, the user is told', async () => {
    InThreadWorker.hold = true;
    const before = store().datasets;
    const loading = loadInputs([big('slow.md', H200)]);
    await vi.waitFor(() => {
      expect(store().loads).toHaveLength(1);
    });
    const [load] = store().loads;
    expect(load?.names).toBe('slow.md');
    expect(load?.totalBytes).toBe(WORKER_THRESHOLD_BYTES);
    await vi.waitFor(() => {
      expect(InThreadWorker.instances[0]?.replies.at(-1)?.type).toBe('done');
    });
    cancelLoad(load?.id ?? -1);
    const report = await loading;
    expect(report.cancelled).toBe(true);
    expect(report.added).toEqual([]);
    expect(store().datasets).toBe(before);
    expect(store().loads).toEqual([]);
    expect(store().problems).toEqual([]);
    expect(store().notice).toBe('Loading slow.md was cancelled; nothing was added.');
    expect(InThreadWorker.instances[0]?.terminated).toBe(true);
  });
});
