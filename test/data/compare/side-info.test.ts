// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeSide, visibleResults } from '../../../src/data/compare/side-info';
import { handDataset, viewOf } from '../charts/chart-fixtures';
import { h100, h200, result } from './compare-fixtures';

describe('visibleResults', () => {
  it('is null while every result is shown, else the shown ones', () => {
    expect(visibleResults(viewOf([h100, h200]))).toBeNull();
    // Each nightly has 18 tests, 6 of them llama8B (1 latency, 1 throughput, 4 serving).
    const shown = visibleResults(viewOf([h100, h200], { model: ['llama8B'] }));
    expect(shown?.size).toBe(24);
    expect([...(shown ?? [])].some((entry) => entry.model === 'llama8B')).toBe(false);
  });
});

describe('describeSide', () => {
  const qps = (value: number) => result({ qps: value, metrics: {} });
  const [one, two, three] = [qps(1), qps(2), qps(4)];
  const run = { ...handDataset('PR run', [one, two]), id: 'pr' };
  const other = { ...handDataset('Nightly', [three]), id: 'nightly' };
  // The Dataset filter hides `two`; another filter hides `three`.
  const shown = { all: new Set([one]), ignoringDatasets: new Set([one, two]) };

  it('compares a dataset picked by name without the Dataset filter', () => {
    expect(describeSide({ kind: 'dataset', id: 'pr' }, true, [run, other], shown)).toEqual({
      side: { kind: 'dataset', id: 'pr' },
      chosen: true,
      label: 'PR run',
      loaded: true,
      total: 2,
      results: [one, two],
    });
  });

  it('compares a GPU over the datasets the filters show', () => {
    const side = { kind: 'gpu', gpu: '8×H100' } as const;
    const info = describeSide(side, false, [run, other], shown);
    expect(info).toMatchObject({ label: '8×H100', chosen: false, loaded: true, total: 3 });
    expect(info.results).toEqual([one]);
    // Nothing filtered: every result of the GPU.
    const all = describeSide(side, false, [run, other], { all: null, ignoringDatasets: null });
    expect(all.results).toEqual([one, two, three]);
  });

  it('names a side that is not loaded, and has nothing to compare', () => {
    expect(describeSide({ kind: 'dataset', id: 'gone' }, true, [run], shown)).toEqual({
      side: { kind: 'dataset', id: 'gone' },
      chosen: true,
      label: 'gone',
      loaded: false,
      total: 0,
      results: [],
    });
    const absent = describeSide({ kind: 'gpu', gpu: '8×B200' }, true, [run], shown);
    expect(absent).toMatchObject({ label: '8×B200', loaded: false, total: 0, results: [] });
    expect(describeSide(null, false, [run], shown)).toEqual({
      side: null,
      chosen: false,
      label: '',
      loaded: false,
      total: 0,
      results: [],
    });
  });
});
