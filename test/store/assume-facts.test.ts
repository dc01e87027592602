import { beforeEach, describe, expect, it } from 'vitest';
import { selectResultsView, useDashboardStore } from '../../src/store/dashboard-store';
import { handDataset, result } from '../data/charts/chart-fixtures';
import { seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

/** An AIPerf-like file: two loads, neither engine nor GPU stated. */
function clientFile() {
  const row = (qps: number, rate: number) =>
    result(
      'serving',
      `serving_qps_${String(qps)}`,
      'H100',
      { request_throughput: rate },
      { engine: null, gpu: null, qps },
    );
  return { ...handDataset('aiperf.json', [row(1, 0.9), row(4, 3.5)]), id: 'client' };
}

async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  store().reset();
});

describe('what a file does not say, set by the user', () => {
  it('fills the engine and GPU of its results and indexes them again', async () => {
    store().addDatasets([seedDataset('H100'), clientFile()]);
    expect(selectResultsView(store()).facets.engine.map((value) => value.label)).toEqual([
      'Not stated',
      'vLLM',
    ]);
    store().assumeFacts('client', { engine: 'SGLang', gpu: { type: 'H100', count: 8 } });
    await settled();
    const view = selectResultsView(store());
    // The 18 nightly results are vLLM’s; the client file’s 2 now SGLang’s, on the nightly’s GPU.
    expect(view.facets.engine.map((value) => [value.label, value.count])).toEqual([
      ['SGLang', 2],
      ['vLLM', 18],
    ]);
    expect(view.facets.gpu.map((value) => [value.label, value.count])).toEqual([['8×H100', 20]]);
    expect(store().datasets[1]?.assumed).toEqual({
      engine: 'SGLang',
      gpu: { type: 'H100', count: 8 },
    });
  });

  it('changes or takes an assumption away, the file’s own results as read', async () => {
    store().addDatasets([clientFile()]);
    store().assumeFacts('client', { engine: 'SGLang' });
    await settled();
    store().assumeFacts('client', { engine: 'vLLM' });
    await settled();
    expect(store().datasets[0]?.results.map((row) => row.engine)).toEqual(['vLLM', 'vLLM']);
    store().assumeFacts('client', {});
    await settled();
    expect(store().datasets[0]?.results.map((row) => row.engine)).toEqual([null, null]);
    expect(store().datasets[0]?.assumed).toBeUndefined();
  });

  it('leaves bundled runs as they are', async () => {
    const bundled = { ...seedDataset('H100'), source: { kind: 'bundled' as const, name: 'b' } };
    store().addDatasets([bundled]);
    const datasets = store().datasets;
    store().assumeFacts(bundled.id, { engine: 'SGLang' });
    await settled();
    expect(store().datasets).toBe(datasets);
  });
});
