// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  notComparableReason,
  precisionOf,
  type LikeOptions,
} from '../../../src/data/compare/comparable';
import type { BenchmarkResult } from '../../../src/data/results/result-model';
import { result } from '../charts/chart-fixtures';

/** Llama 3.1 8B, TP1, sharegpt at QPS 4 on 8×H100, vLLM: the result each case changes one thing of. */
const base = result(
  'serving',
  'serving_llama8B_tp1_sharegpt_qps_4',
  'H100',
  {},
  { dataset: 'sharegpt', qps: 4 },
);
const keepAll: LikeOptions = { ignoreGpu: false, byEngine: true };
const reason = (change: Partial<BenchmarkResult>, options = keepAll) =>
  notComparableReason(base, { ...base, ...change }, options);

describe('not comparable', () => {
  it('is nothing for the same test', () => {
    expect(reason({})).toBeNull();
  });

  it('names each field that differs, with both sides’ values', () => {
    const cases: readonly (readonly [Partial<BenchmarkResult>, string])[] = [
      [{ suite: 'latency' }, 'suite serving vs latency'],
      [{ model: 'llama70B' }, 'model Llama 3.1 8B vs Llama 3 70B'],
      [{ tp: 2 }, 'TP 1 vs 2'],
      [{ tp: null }, 'TP 1 vs —'],
      [{ pp: 2 }, 'PP — vs 2'],
      [{ dp: 4 }, 'DP — vs 4'],
      [{ dataset: 'random' }, 'prompt dataset sharegpt vs random'],
      [{ dataset: null }, 'prompt dataset sharegpt vs —'],
      [{ variant: 'specdecode' }, 'variant — vs specdecode'],
      [{ inputLen: 1024 }, 'input length — vs 1024'],
      [{ outputLen: 128 }, 'output length — vs 128'],
      [{ qps: Infinity }, 'QPS 4 vs inf'],
      [{ concurrency: 16 }, 'concurrency — vs 16'],
      [{ gpu: { type: 'H200', count: 8 } }, 'GPU 8×H100 vs 8×H200'],
      [{ engine: 'SGLang' }, 'engine vLLM vs SGLang'],
      [{ engine: null }, 'engine vLLM vs —'],
      [
        { attributes: { dtype: 'fp8' } },
        // One side silent about precision: no difference.
        '',
      ],
    ];
    for (const [change, expected] of cases) {
      expect(reason(change), JSON.stringify(change)).toBe(expected === '' ? null : expected);
    }
  });

  it('joins several differences, and keeps load apart only between two serving results', () => {
    expect(reason({ tp: 2, dataset: 'random' })).toBe(
      'TP 1 vs 2; prompt dataset sharegpt vs random',
    );
    // A latency result has no QPS to differ in: only the suite is named.
    expect(reason({ suite: 'latency', qps: null })).toBe('suite serving vs latency');
    const latency = { ...base, suite: 'latency' as const, qps: null };
    expect(notComparableReason(latency, { ...latency, qps: 4 }, keepAll)).toBeNull();
    expect(notComparableReason({ ...base, qps: 1 }, { ...latency, qps: 4 }, keepAll)).toBe(
      'suite serving vs latency',
    );
  });

  it('leaves GPU and engine out where the comparison does', () => {
    const gpu = { gpu: { type: 'H200', count: 8 } };
    expect(reason(gpu, { ignoreGpu: true, byEngine: true })).toBeNull();
    expect(reason({ engine: 'SGLang' }, { ignoreGpu: false, byEngine: false })).toBeNull();
  });

  it('compares precision only when both files state it, case aside', () => {
    const stated = (b: string, c: string) =>
      notComparableReason(
        { ...base, attributes: { dtype: b } },
        { ...base, attributes: { dtype: c } },
        keepAll,
      );
    expect(stated('bfloat16', 'fp8')).toBe('precision bfloat16 vs fp8');
    expect(stated('BFloat16', 'bfloat16')).toBeNull();
    // An empty precision is not stated.
    expect(stated('', 'fp8')).toBeNull();
  });
});

describe('precisionOf', () => {
  it('reads precision, then dtype, then quantization, lower case; null when none is stated', () => {
    const of = (attributes: Record<string, string>) => precisionOf({ ...base, attributes });
    expect(of({ precision: 'FP8', dtype: 'bfloat16' })).toBe('fp8');
    expect(of({ dtype: 'BFloat16', quantization: 'awq' })).toBe('bfloat16');
    expect(of({ quantization: 'AWQ' })).toBe('awq');
    expect(of({ precision: '', dtype: 'half' })).toBe('half');
    expect(of({})).toBeNull();
    // Only the result's own attributes count, not what an object inherits.
    expect(of(Object.create({ dtype: 'fp8' }) as Record<string, string>)).toBeNull();
  });
});
