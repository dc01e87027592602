import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDashboardStore } from '../../src/store/dashboard-store';
import {
  MAX_FILE_BYTES,
  loadInputs,
  pastedInput,
  type LoadInput,
} from '../../src/store/load-files';
import { readFixture, readSiteFile, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

function input(name: string, text: string): LoadInput {
  return { name, kind: 'file', size: text.length, text: () => Promise.resolve(text) };
}

beforeEach(() => {
  store().reset();
  store().addDatasets([seedDataset('H100')]);
});

describe('loading dropped or picked files', () => {
  it('loads a good file next to a bad one and reports the bad one by name and reason', async () => {
    const before = store().datasets;
    const report = await loadInputs([
      input('nightly-8xH200.md', readFixture('nightly/nightly-8xH200.md')),
      input('broken.json', '{"latency": {"Test name": {"0": "latency_llama8B_tp1"},\n'),
    ]);
    expect(report.added.map((dataset) => dataset.label)).toEqual(['nightly-8xH200.md']);
    expect(store().datasets.slice(0, 1)).toEqual(before);
    expect(store().datasets.map((dataset) => [dataset.label, dataset.results.length])).toEqual([
      ['Nightly · 8×H100', 18],
      ['nightly-8xH200.md', 18],
    ]);
    expect(store().problems).toHaveLength(1);
    expect(store().problems[0]?.source).toBe('broken.json');
    expect(store().problems[0]?.message).toMatch(
      /^broken\.json was not loaded\. The file is not valid JSON at line 2, column 1/,
    );
  });

  it('changes nothing that was loaded when a file is rejected', async () => {
    const before = store().datasets;
    await loadInputs([input('notes.txt', 'shopping list: eggs, milk')]);
    expect(store().datasets).toBe(before);
    expect(store().problems[0]?.message).toBe(
      'notes.txt was not loaded. No vLLM results table or embedded JSON was found in this text.',
    );
  });

  it('does not add the same content twice, and says so', async () => {
    const text = readSiteFile('data/nightly-8xH100.json');
    const report = await loadInputs([input('copy-of-h100.json', text)]);
    expect(report.added).toEqual([]);
    expect(report.duplicates).toEqual(['copy-of-h100.json']);
    expect(store().datasets).toHaveLength(1);
    expect(store().problems.map((problem) => problem.message)).toEqual([
      'copy-of-h100.json is already loaded; it was not added again.',
    ]);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const text = vi.fn(() => Promise.resolve(''));
    await loadInputs([{ name: 'huge.json', kind: 'file', size: MAX_FILE_BYTES + 1, text }]);
    expect(text).not.toHaveBeenCalled();
    expect(store().problems[0]?.message).toBe(
      'huge.json was not loaded: it is too large (256 MB; the limit is 256 MB).',
    );
  });

  it('reports a file that cannot be read', async () => {
    await loadInputs([
      {
        name: 'gone.json',
        kind: 'file',
        size: 10,
        text: () => Promise.reject(new Error('NotFoundError')),
      },
    ]);
    expect(store().problems[0]?.message).toBe('gone.json was not loaded: it could not be read.');
  });

  it('loads pasted text under a name that says when it was pasted', async () => {
    const table = [
      'Test name | GPU | Tput (req/s) |',
      '---|---|---|',
      'throughput_llama8B_tp1 | 8xB200 | 31.5 |',
    ].join('\n');
    const report = await loadInputs([pastedInput(table, new Date(2026, 10, 29, 9, 5, 7))]);
    expect(report.added.map((dataset) => dataset.label)).toEqual(['Pasted at 09:05:07']);
    expect(report.added[0]?.source.kind).toBe('paste');
    expect(report.added[0]?.results[0]?.metrics.request_throughput).toBe(31.5);
  });

  it('removes a loaded file but never a bundled run', async () => {
    await loadInputs([input('nightly-8xH200.md', readFixture('nightly/nightly-8xH200.md'))]);
    const [bundled, dropped] = store().datasets;
    if (bundled === undefined || dropped === undefined) throw new Error('expected two datasets');
    store().removeDataset(bundled.id);
    expect(store().datasets).toHaveLength(2);
    store().removeDataset(dropped.id);
    expect(store().datasets.map((dataset) => dataset.label)).toEqual(['Nightly · 8×H100']);
  });

  it('merges a .commands file into the result file dropped with it', async () => {
    const name = 'serving_llama70B_tp4_sharegpt_qps_inf';
    const report = await loadInputs([
      input(`${name}.json`, readFixture(`formats/serve/${name}.json`)),
      input(`${name}.commands`, readFixture(`formats/serve/${name}.commands`)),
    ]);
    expect(report.problems).toEqual([]);
    expect(report.added).toHaveLength(1);
    const dataset = report.added[0];
    expect(dataset?.format.label).toBe('vllm bench serve JSON');
    // The recorded server command says --tensor-parallel-size 1: stated TP beats the name's tp4.
    expect(dataset?.results[0]?.tp).toBe(1);
    expect(dataset?.results[0]?.gpu).toEqual({ type: 'A100-SXM4-80GB', count: 8 });
    expect(dataset?.results[0]?.metrics.request_throughput).toBe(6.315625454299485);
    expect(dataset?.warnings.some((warning) => warning.includes('tp4'))).toBe(true);
    expect(dataset?.meta?.commands?.server_command).toMatch(/--tensor-parallel-size 1/);
  });

  it('asks for the result file when a .commands file comes alone', async () => {
    const name = 'serving_llama70B_tp4_sharegpt_qps_inf';
    await loadInputs([input(`${name}.commands`, readFixture(`formats/serve/${name}.commands`))]);
    expect(store().datasets).toHaveLength(1);
    expect(store().problems[0]?.message).toMatch(/together with its result file/);
  });
});
