// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  codesKey,
  latestByGroups,
  latestOfCodes,
  latestPositions,
} from '../../../src/data/decisions/latest-results';
import type { FilterGroup } from '../../../src/data/results/filter-groups';
import type { ResultsView } from '../../../src/data/results/results-view';
import { handDataset, result, viewOf } from '../charts/chart-fixtures';

/** A view with only what a key reads: each group's codes and how many values it has. */
function codesView(
  codes: Partial<Record<FilterGroup, number[]>>,
  sizes: Partial<Record<FilterGroup, number>>,
  testNameOf: number[] = [],
  testNames = 0,
): ResultsView {
  const groups = Object.keys(sizes) as FilterGroup[];
  return {
    index: {
      codes: Object.fromEntries(groups.map((g) => [g, Uint16Array.from(codes[g] ?? [])])),
      groupValues: Object.fromEntries(groups.map((g) => [g, { length: sizes[g] ?? 0 }])),
      testNameOf: Uint32Array.from(testNameOf),
      testNames: { length: testNames },
    },
  } as unknown as ResultsView;
}

describe('a key of filter-group codes', () => {
  it('is one number per combination of values, the same for the same values', () => {
    // Model codes 0–2, GPU codes 0–1 (and a slot for none): numbered model × 3 + GPU.
    const view = codesView({ model: [0, 2, 2, 1, 0], gpu: [1, 0, 1, 1, 1] }, { model: 3, gpu: 2 });
    const key = codesKey(view, ['model', 'gpu']);
    expect([0, 1, 2, 3, 4].map(key)).toEqual([1, 6, 7, 4, 1]);
  });

  it('takes the test name as its last part when asked', () => {
    const view = codesView({ gpu: [0, 1, 1] }, { gpu: 2 }, [4, 0, 4], 5);
    // GPU × (5 names + 1) + name.
    expect([0, 1, 2].map(codesKey(view, ['gpu'], true))).toEqual([4, 6, 10]);
  });

  it('gives a row without a value in a group (a latency row’s QPS) a slot of its own', () => {
    // QPS codes 0–1; 65535 is no QPS. TP codes 0–1. Numbered QPS × 3 + TP.
    const view = codesView({ qps: [65_535, 1, 65_535], tp: [0, 0, 1] }, { qps: 2, tp: 2 });
    expect([0, 1, 2].map(codesKey(view, ['qps', 'tp']))).toEqual([6, 3, 7]);
  });

  it('is text of the codes where the numbers would pass 2^53', () => {
    // 2^16 values in each of four groups: 2^64 combinations.
    const size = 2 ** 16;
    const view = codesView(
      { model: [7, 7], tp: [1, 1], gpu: [65_535, 3], engine: [0, 0] },
      { model: size, tp: size, gpu: size, engine: size },
    );
    const key = codesKey(view, ['model', 'tp', 'gpu', 'engine']);
    expect([key(0), key(1)]).toEqual(['7,1,65535,0', '7,1,3,0']);
  });
});

describe('the latest run per key', () => {
  it('keeps the first row of a key within one run', () => {
    const view = viewOf([
      handDataset('one run', [
        result('throughput', 'throughput_a', 'H100', { requests: 1 }),
        result('throughput', 'throughput_b', 'H100', { requests: 2 }),
      ]),
    ]);
    const latest = latestPositions(view, 'throughput', () => 'one');
    expect(view.index.results.at(latest.get('one') ?? -1)?.metrics.requests).toBe(1);
  });

  it('keeps a key’s latest row when its rows are apart, another key’s rows between them', () => {
    // Reading order: H100 of the new run, H100 of the old, H200 new, H200 old. Keys alternate,
    // so each key meets its rows apart: 'one' the new H100 then the new H200 (equals: the first
    // stays), 'two' the old H100 then the old H200 (the same).
    const run = (label: string, date: string, rate: number) => ({
      ...handDataset(label, [
        result('throughput', 'throughput_a', 'H100', { requests: rate }),
        result('throughput', 'throughput_a', 'H200', { requests: rate + 10 }),
      ]),
      meta: { date },
    });
    const view = viewOf([
      run('new', '2026-09-03T00:00:00', 2),
      run('old', '2026-09-01T00:00:00', 1),
    ]);
    const latest = latestPositions(view, 'throughput', (position) =>
      position % 2 === 0 ? 'one' : 'two',
    );
    const rates = [...latest].map(([key, position]) => [
      key,
      view.index.results.at(position)?.metrics.requests,
    ]);
    expect(rates).toEqual([
      ['one', 2],
      ['two', 1],
    ]);
  });

  it('takes the newest dated run, an undated one as oldest, and of equals the later loaded', () => {
    const run = (label: string, date: string | null, rate: number) => ({
      ...handDataset(label, [result('throughput', 'throughput_a', 'H100', { requests: rate })]),
      ...(date === null ? {} : { meta: { date } }),
    });
    const view = viewOf([
      run('undated', null, 1),
      run('new', '2026-09-03T00:00:00', 2),
      run('old', '2026-09-01T00:00:00', 3),
      run('new again', '2026-09-03T00:00:00', 4),
    ]);
    const latest = latestPositions(view, 'throughput', () => 'one');
    const position = latest.get('one') ?? -1;
    expect(view.index.results.at(position)?.metrics.requests).toBe(4);
    expect(
      latestByGroups(view, 'throughput', ['gpu'], (r) => r.gpu?.type ?? '').get('H100')?.metrics,
    ).toEqual({ requests: 4 });
  });

  it('keeps the latest row per code, codes in the order first met, rows without one left out', () => {
    const run = (label: string, date: string | null, rates: readonly number[]) => ({
      ...handDataset(
        label,
        rates.map((rate, i) =>
          result('throughput', `throughput_${String(i)}`, 'H100', { requests: rate }),
        ),
      ),
      ...(date === null ? {} : { meta: { date } }),
    });
    // Reading order: undated 1 2 3, new 4 5 6, old 7 8 9, new again 10 11 12.
    const view = viewOf([
      run('undated', null, [1, 2, 3]),
      run('new', '2026-09-03T00:00:00', [4, 5, 6]),
      run('old', '2026-09-01T00:00:00', [7, 8, 9]),
      run('new again', '2026-09-03T00:00:00', [10, 11, 12]),
    ]);
    // Each run's first row is code 1, its second code 0, its third no place; the undated run
    // has only code 1 (its second row none either).
    const codes = Int32Array.from([1, -1, -1, 1, 0, -1, 1, 0, -1, 1, 0, -1]);
    const latest = latestOfCodes(view, 'throughput', codes, 2);
    // Code 1 first met at the undated run's row; its latest the later of the two new runs.
    expect(latest.map((position) => view.index.results.at(position)?.metrics.requests)).toEqual([
      10, 11,
    ]);
    // Only the old run and the undated one: the dated old run wins over the undated.
    const older = viewOf([run('undated', null, [1, 2]), run('old', '2026-09-01T00:00:00', [7, 8])]);
    const olderLatest = latestOfCodes(older, 'throughput', Int32Array.from([0, 1, 0, 1]), 2);
    expect(
      olderLatest.map((position) => older.index.results.at(position)?.metrics.requests),
    ).toEqual([7, 8]);
  });

  it('keeps a code’s first row within a run, and weighs a later row against the run it holds', () => {
    const run = (label: string, date: string, rates: readonly number[]) => ({
      ...handDataset(
        label,
        rates.map((rate, i) =>
          result('throughput', `throughput_${String(i)}`, 'H100', { requests: rate }),
        ),
      ),
      meta: { date },
    });
    // Loaded: 2 September, 3 September, noon on 2 September. The middle run is the latest: the
    // third, newer than the first, is weighed against the second one's row the code holds.
    const view = viewOf([
      run('mid', '2026-09-02T00:00:00', [1, 2]),
      run('new', '2026-09-03T00:00:00', [3, 4]),
      run('noon', '2026-09-02T12:00:00', [5, 6]),
    ]);
    // Both rows of each run are code 0: the first of a run's rows stays.
    const latest = latestOfCodes(view, 'throughput', Int32Array.from([0, 0, 0, 0, 0, 0]), 1);
    expect(latest.map((position) => view.index.results.at(position)?.metrics.requests)).toEqual([
      3,
    ]);
  });

  it('reads only the suite’s rows, whatever the codes of the others', () => {
    // Reading order: the latency row (its test name first), then the throughput row.
    const view = viewOf([
      handDataset('run', [
        result('throughput', 'throughput_a', 'H100', { requests: 1 }),
        result('latency', 'latency_a', 'H100', { latency_mean: 2 }),
      ]),
    ]);
    expect(view.index.results.at(0)?.suite).toBe('latency');
    const latest = latestOfCodes(view, 'throughput', Int32Array.from([1, 0]), 2);
    expect(latest).toEqual([1]);
  });
});
