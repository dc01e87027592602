// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BenchmarkResult } from '../../../src/data/results/result-model';
import {
  DistinctList,
  MarkSum,
  MeanSum,
  servingPairSums,
  servingTestFamily,
  testLabel,
} from '../../../src/data/charts/mark-values';
import { handDataset, result, viewOf } from './chart-fixtures';

describe('mark values', () => {
  it('is the mean of the runs behind a mark, naming each test and dataset once', () => {
    const sum = new MarkSum();
    sum.add(24.186907198204548, 'serving_llama8B_tp1_sharegpt_qps_inf', 'Nightly · 8×H100');
    sum.add(25, 'serving_llama8B_tp1_sharegpt_qps_inf', 'nightly-2');
    sum.add(26, 'serving_llama8B_tp1_sharegpt_qps_inf', 'nightly-2');
    // (24.186907198204548 + 25 + 26) / 3 = 25.062302399401516
    expect(sum.value()).toEqual({
      value: expect.closeTo(25.0623023994, 9) as number,
      count: 3,
      testNames: ['serving_llama8B_tp1_sharegpt_qps_inf'],
      datasets: ['Nightly · 8×H100', 'nightly-2'],
    });
  });

  it('keeps each of many datasets once, in the order met, past the length it scans', () => {
    // A history of twelve runs behind one mark, each met twice and not one after the other:
    // run-1 … run-12, then run-1 … run-12 again, then run-3 once more.
    const list = new DistinctList();
    const runs = Array.from({ length: 12 }, (_, i) => `run-${i + 1}`);
    for (const run of [...runs, ...runs, 'run-3']) list.add(run);
    expect(list.list()).toEqual(runs);
    // A new one after the set took over still joins the end, once.
    list.add('run-13');
    list.add('run-13');
    list.add('run-5');
    expect(list.list()).toEqual([...runs, 'run-13']);
  });

  it('keeps a short list exactly: repeats anywhere in it are not added again', () => {
    const list = new DistinctList();
    for (const name of ['a', 'b', 'a', 'c', 'b', 'a']) list.add(name);
    expect(list.list()).toEqual(['a', 'b', 'c']);
    // The copy is the caller's: changing it leaves the list as it was.
    list.list().push('z');
    expect(list.list()).toEqual(['a', 'b', 'c']);
  });

  it('a mark over a hundred runs names each run once, in load order', () => {
    const sum = new MarkSum();
    for (let run = 1; run <= 100; run += 1) sum.add(run, 'latency_llama8B_tp1', `run-${run}`);
    const mark = sum.value();
    // Mean of 1 … 100 = 5050 / 100 = 50.5.
    expect(mark?.value).toBe(50.5);
    expect(mark?.count).toBe(100);
    expect(mark?.testNames).toEqual(['latency_llama8B_tp1']);
    expect(mark?.datasets).toHaveLength(100);
    expect(mark?.datasets[0]).toBe('run-1');
    expect(mark?.datasets[99]).toBe('run-100');
  });

  it('skips missing values, and has no value until one arrives', () => {
    const sum = new MarkSum();
    sum.add(null, 't', 'd');
    sum.add(Number.NaN, 't', 'd');
    sum.add(Infinity, 't', 'd');
    expect(sum.value()).toBeNull();
    sum.add(0, 't', 'd');
    expect(sum.value()?.value).toBe(0);
  });

  it('names a test by model, TP, prompt dataset and variant, without GPU or QPS', () => {
    expect(testLabel(result('latency', 'latency_llama8B_tp1', 'H100', {}))).toBe(
      'Llama 3.1 8B · TP1',
    );
    expect(
      testLabel(
        result(
          'serving',
          'serving_llama70B_tp4_sharegpt_specdecode_qps_2',
          'H100',
          {},
          {
            model: 'llama70B',
            tp: 4,
            dataset: 'sharegpt',
            variant: 'specdecode',
            qps: 2,
          },
        ),
      ),
    ).toBe('Llama 3 70B · TP4 · sharegpt · specdecode');
  });

  it('names PP beyond one stage and the concurrency, and no TP when the result has none', () => {
    const named = (extra: Partial<BenchmarkResult>) =>
      testLabel(result('serving', 'serving_x', 'H100', {}, { model: 'llama8B', ...extra }));
    expect(named({ tp: null, pp: 2, concurrency: 16 })).toBe('Llama 3.1 8B · PP2 · concurrency 16');
    expect(named({ tp: 2, pp: 1 })).toBe('Llama 3.1 8B · TP2');
    // Data-parallel replicas beyond one are named after PP; DP 1 is one replica, not named.
    expect(named({ tp: 4, pp: 2, dp: 2 })).toBe('Llama 3.1 8B · TP4 · PP2 · DP2');
    expect(named({ tp: 4, dp: 1 })).toBe('Llama 3.1 8B · TP4');
  });

  it('groups serving tests that differ only in QPS into one family', () => {
    expect(servingTestFamily('serving_llama8B_tp1_sharegpt_qps_16')).toBe(
      'serving_llama8B_tp1_sharegpt',
    );
    expect(servingTestFamily('serving_llama8B_tp1_sharegpt_qps_inf')).toBe(
      'serving_llama8B_tp1_sharegpt',
    );
    expect(servingTestFamily('serving_llama8B_tp1_random_1024_128_qps_4_concurrency_8')).toBe(
      'serving_llama8B_tp1_random_1024_128_concurrency_8',
    );
  });
});

describe('serving pair sums', () => {
  const at = (testName: string, qps: number | null, ttft: number, dataset = 'sharegpt') =>
    result('serving', testName, 'H100', { ttft_mean: ttft, itl_mean: ttft / 10 }, { qps, dataset });

  it('keeps test families apart that meet at one GPU and QPS, and leaves out rows without a QPS', () => {
    // Two families of llama8B TP1 on 8×H100 at QPS 1 (prompt datasets sharegpt and random):
    // neighbours in reading order, which a row-to-row shortcut must not add together.
    const view = viewOf([
      handDataset('night', [
        at('serving_llama8B_tp1_sharegpt_qps_1', 1, 100),
        at('serving_llama8B_tp1_random_qps_1', 1, 300, 'random'),
        at('serving_llama8B_tp1_sharegpt_no_qps', null, 999),
      ]),
    ]);
    const families = servingPairSums(view, 'ttft_mean', 'itl_mean');
    const summed = [...families].map(([key, family]) => {
      const [series] = [...family.series.values()];
      const byQps = [...(series?.byQps ?? new Map<number, never>())];
      return [
        key,
        byQps.map(([qps, sums]) => [qps, sums.first.value()?.value, sums.second.value()?.value]),
        byQps.map(([, sums]) => sums.first.value()?.testNames),
      ];
    });
    // No further metrics asked for: none summed.
    const [family] = families.values();
    const [series] = family?.series.values() ?? [];
    expect(series?.byQps.get(1)?.moreInOrder).toEqual([]);
    // ITL is TTFT ÷ 10; the row without a QPS is in no family and no sum.
    expect(summed).toEqual([
      ['serving_llama8B_tp1_random', [[1, 300, 30]], [['serving_llama8B_tp1_random_qps_1']]],
      ['serving_llama8B_tp1_sharegpt', [[1, 100, 10]], [['serving_llama8B_tp1_sharegpt_qps_1']]],
    ]);
  });

  it('averages the further metrics of each mark, by key and in the order asked', () => {
    const view = viewOf([
      handDataset('a', [at('serving_x_qps_1', 1, 100)]),
      handDataset('b', [at('serving_x_qps_1', 1, 200)]),
      handDataset('c', [at('serving_x_qps_1', 1, 600)]),
    ]);
    const [family] = servingPairSums(view, 'ttft_mean', 'itl_mean', [
      'itl_mean',
      'ttft_mean',
    ]).values();
    const [series] = family?.series.values() ?? [];
    const sums = series?.byQps.get(1);
    // Three nights of one mark: TTFT (100 + 200 + 600) / 3 = 300, ITL a tenth of it.
    expect(sums?.more.ttft_mean.mean()).toBe(300);
    expect(sums?.more.itl_mean.mean()).toBe(30);
    expect(sums?.moreInOrder.map((sum) => sum.mean())).toEqual([30, 300]);
    expect(sums?.more.itl_mean).toBe(sums?.moreInOrder[0]);
  });

  it('a further metric’s mean skips missing values, and is null until one arrives', () => {
    const sum = new MeanSum();
    sum.add(null);
    sum.add(undefined);
    sum.add(Number.NaN);
    sum.add(-Infinity);
    expect(sum.mean()).toBeNull();
    sum.add(0);
    expect(sum.mean()).toBe(0);
    sum.add(3);
    sum.add(Infinity);
    expect(sum.mean()).toBe(1.5);
  });
});
