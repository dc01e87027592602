// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MarkSum, servingTestFamily, testLabel } from '../../../src/data/charts/mark-values';
import { result } from './chart-fixtures';

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
