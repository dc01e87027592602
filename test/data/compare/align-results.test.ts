// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignResults, alignmentKey, rowGpuText } from '../../../src/data/compare/align-results';
import { compareResults } from '../../../src/data/compare/compare-summary';
import type { BenchmarkResult } from '../../../src/data/results/result-model';
import { h100, h200, metricOf, result, rowNamed } from './compare-fixtures';
import { propertyRuns } from '../../helpers/property-runs';

describe('alignment', () => {
  it('keeps the GPU in the key by default: H100 and H200 runs share no test', () => {
    const rows = alignResults(h100.results, h200.results);
    expect(rows).toHaveLength(36);
    expect(rows.filter((row) => row.presence === 'missing in candidate')).toHaveLength(18);
    expect(rows.filter((row) => row.presence === 'missing in baseline')).toHaveLength(18);
    // Each test's two GPUs sit together, H100 first.
    expect(rows.slice(0, 2).map((row) => [row.label, row.presence])).toEqual([
      ['latency_llama8B_tp1', 'missing in candidate'],
      ['latency_llama8B_tp1', 'missing in baseline'],
    ]);
    for (const row of rows) {
      expect(row.metrics.every((metric) => metric.verdict === 'missing')).toBe(true);
    }
  });

  it('returns tests one side lacks as rows, labelled by whichever side has them', () => {
    const dropped = 'serving_llama70B_tp4_sharegpt_qps_4';
    const added = 'throughput_mixtral8x7B_tp2';
    const comparison = compareResults(
      h100.results.filter((entry) => entry.testName !== added),
      h100.results.filter((entry) => entry.testName !== dropped),
    );
    expect(comparison.rows).toHaveLength(18);
    const gone = rowNamed(comparison.rows, dropped);
    expect(gone.presence).toBe('missing in candidate');
    expect(gone.candidate).toBeNull();
    expect(gone.metrics.map((metric) => [metric.key, metric.verdict])).toEqual([
      ['request_throughput', 'missing'],
      ['ttft_mean', 'missing'],
      ['ttft_median', 'missing'],
      ['ttft_p99', 'missing'],
      ['itl_mean', 'missing'],
      ['itl_median', 'missing'],
      ['itl_p99', 'missing'],
    ]);
    expect(metricOf(gone, 'ttft_mean').baseline).toBeCloseTo(38.0708, 4);
    const fresh = rowNamed(comparison.rows, added);
    expect(fresh.presence).toBe('missing in baseline');
    expect(fresh.baseline).toBeNull();
    expect(metricOf(fresh, 'request_throughput').candidate).toBeCloseTo(9.0138, 4);
    // The 16 tests both have: 3×3 + 2×1 + 11×7 = 88 metrics, all unchanged.
    expect(comparison.summary.tests).toMatchObject({
      compared: 16,
      missingInCandidate: 1,
      missingInBaseline: 1,
    });
    expect(comparison.summary.verdicts).toEqual({
      regression: 0,
      improvement: 0,
      'within noise': 88,
      missing: 0,
      'no direction': 0,
    });
    expect(comparison.summary.worstRegression).toBeNull();
  });

  it('does not compare tests that differ only in TP: one name, not comparable', () => {
    const rows = alignResults(
      [result({ tp: 1, metrics: { ttft_mean: 10 } })],
      [result({ tp: 2, metrics: { ttft_mean: 10 } })],
    );
    expect(rows.map((row) => [row.baseline?.tp, row.candidate?.tp, row.notComparable])).toEqual([
      [1, 2, 'TP 1 vs 2'],
    ]);
    // Two data-parallel replicas are not one; DP 1 and DP not stated are one replica, compared.
    const dp = alignResults(
      [
        result({ dp: null, metrics: { ttft_mean: 10 } }),
        result({ dp: 2, testName: 'b', metrics: { ttft_mean: 10 } }),
      ],
      [
        result({ dp: 1, metrics: { ttft_mean: 12 } }),
        result({ dp: 4, testName: 'b', metrics: { ttft_mean: 10 } }),
      ],
    );
    // Listed by DP, not stated (one replica) last.
    expect(dp.map((row) => [row.presence, row.notComparable])).toEqual([
      ['not comparable', 'DP 2 vs 4'],
      ['both', null],
    ]);
    // Tests of other names stay tests the other side lacks.
    const named = alignResults(
      [result({ tp: 1, metrics: {} })],
      [result({ tp: 2, testName: 'serving_llama8B_tp2_sharegpt_qps_16', metrics: {} })],
    );
    expect(named.map((row) => row.presence).sort()).toEqual([
      'missing in baseline',
      'missing in candidate',
    ]);
  });

  it('does not compare tests that differ only in concurrency, or in QPS inf against none', () => {
    const rows = alignResults(
      [
        result({ concurrency: 8, metrics: { ttft_mean: 10 } }),
        result({ qps: Infinity, metrics: { ttft_mean: 10 } }),
      ],
      [
        result({ concurrency: 16, metrics: { ttft_mean: 10 } }),
        result({ concurrency: null, metrics: { ttft_mean: 10 } }),
        result({ qps: null, metrics: { ttft_mean: 10 } }),
      ],
    );
    // Under one test name, candidate runs pair in order with baseline runs not yet paired:
    // concurrency 16 with concurrency 8 (both QPS 16), no cap at QPS 16 with QPS inf; the run
    // without a QPS has no partner left and stays a test only the candidate has.
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.presence !== 'both')).toBe(true);
    expect(rows.map((row) => row.notComparable).sort()).toEqual(
      ['concurrency 8 vs 16', 'QPS inf vs 16', null].sort(),
    );
  });

  it('aligns on every other defining field and only on them', () => {
    const base = result({ metrics: { ttft_mean: 10 } });
    const fields: Partial<BenchmarkResult>[] = [
      { suite: 'latency' },
      { model: 'llama70B' },
      { pp: 2 },
      { dataset: 'random' },
      { variant: 'specdecode' },
      { inputLen: 1024 },
      { outputLen: 128 },
      { gpu: { type: 'H100', count: 4 } },
      { gpu: { type: 'H200', count: 8 } },
    ];
    for (const field of fields) {
      const other = { ...base, ...field };
      expect(alignmentKey(other), JSON.stringify(field)).not.toBe(alignmentKey(base));
    }
    // Not part of what a test is: its spelling, its attributes, its values; PP 1 is no PP.
    for (const field of [
      { testName: 'another spelling' },
      { attributes: { dtype: 'bf16' } },
      { metrics: { ttft_mean: 99 } },
      { pp: 1 },
    ]) {
      expect(alignmentKey({ ...base, ...field }), JSON.stringify(field)).toBe(alignmentKey(base));
    }
    expect(alignmentKey(base, { ignoreGpu: true })).toBe(
      alignmentKey({ ...base, gpu: { type: 'A100', count: 2 } }, { ignoreGpu: true }),
    );
  });

  it('labels an aligned test with the baseline’s name', () => {
    const [row] = alignResults(
      [result({ testName: 'base name', metrics: {} })],
      [result({ testName: 'candidate name', metrics: {} })],
    );
    expect(row?.presence).toBe('both');
    expect(row?.label).toBe('base name');
  });

  it('uses the first of several results with one key and counts the others', () => {
    const rows = alignResults(
      [
        result({ metrics: { ttft_mean: 10 } }),
        result({ metrics: { ttft_mean: 20 } }),
        result({ metrics: { ttft_mean: 30 } }),
      ],
      [result({ metrics: { ttft_mean: 10 } }), result({ metrics: { ttft_mean: 50 } })],
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    if (row === undefined) throw new Error('no row');
    expect(row.duplicatesIgnored).toEqual({ baseline: 2, candidate: 1 });
    expect(metricOf(row, 'ttft_mean')).toMatchObject({
      baseline: 10,
      candidate: 10,
      verdict: 'within noise',
    });
    expect(compareResults([], []).summary.tests.duplicatesIgnored).toEqual({
      baseline: 0,
      candidate: 0,
    });
  });

  it('orders QPS ascending with inf last, concurrency with none last, whatever the input order', () => {
    const qps = [Infinity, 16, 1, 4].map((value) =>
      result({ qps: value, testName: `q${value}`, metrics: {} }),
    );
    expect(alignResults(qps, []).map((row) => row.label)).toEqual(['q1', 'q4', 'q16', 'qInfinity']);
    const concurrency = [null, 64, 8].map((value) =>
      result({ concurrency: value, testName: `c${value}`, metrics: {} }),
    );
    expect(alignResults([], concurrency).map((row) => row.label)).toEqual(['c8', 'c64', 'cnull']);
  });

  it('lists every metric key of either side: the baseline’s in order, then the candidate’s', () => {
    const [row] = alignResults(
      [result({ metrics: { ttft_mean: 10, ttft_p99: null, itl_mean: 5 } })],
      [result({ metrics: { itl_mean: 5, request_throughput: 3, ttft_mean: 10 } })],
    );
    if (row === undefined) throw new Error('no row');
    expect(row.metrics.map((metric) => [metric.key, metric.verdict])).toEqual([
      ['ttft_mean', 'within noise'],
      ['ttft_p99', 'missing'],
      ['itl_mean', 'within noise'],
      ['request_throughput', 'missing'],
    ]);
  });
});

describe('listing order', () => {
  const labels = (rows: readonly { readonly label: string }[]) => rows.map((row) => row.label);

  it('orders PP by number, PP 1 (the same test as none) last, not as the key spells it', () => {
    // As text, "10" comes before "2"; by number 2 comes first.
    const pp = [10, 1, 2].map((value) =>
      result({ pp: value, testName: `pp${value}`, metrics: {} }),
    );
    expect(labels(alignResults(pp, []))).toEqual(['pp2', 'pp10', 'pp1']);
    expect(labels(alignResults([], [...pp].reverse()))).toEqual(['pp2', 'pp10', 'pp1']);
  });

  it('orders GPU counts by number and results without a GPU before any GPU', () => {
    const on = (gpu: BenchmarkResult['gpu'], testName: string) =>
      result({ gpu, testName, metrics: { ttft_mean: 10 } });
    const results = [
      on({ type: 'H100', count: 16 }, 'sixteen'),
      on(null, 'unknown'),
      on({ type: 'H100', count: 2 }, 'two'),
      on({ type: 'H20', count: 8 }, 'h20'),
    ];
    // H20 before H100 (numbers in names by value), within H100 2 before 16.
    expect(labels(alignResults(results, []))).toEqual(['unknown', 'h20', 'two', 'sixteen']);
    // A result without a GPU aligns with one without a GPU.
    const [row, ...others] = alignResults([on(null, 'a')], [on(null, 'b')]);
    expect(others).toEqual([]);
    expect(row?.presence).toBe('both');
  });

  it('puts the plain test before its variants and a test without a dataset first', () => {
    const results = [
      result({ dataset: 'random', testName: 'random', metrics: {} }),
      result({ variant: 'specdecode', testName: 'spec', metrics: {} }),
      result({ testName: 'plain', metrics: {} }),
      result({ dataset: null, testName: 'no dataset', metrics: {} }),
    ];
    // Datasets: none, then random before sharegpt; within sharegpt no variant before specdecode.
    expect(labels(alignResults(results, []))).toEqual(['no dataset', 'random', 'plain', 'spec']);
  });

  it('breaks a tie of names that read the same by the key, whatever the input order', () => {
    // "é" as one character and as "e" with a combining accent: equal to the collator, two tests.
    const composed = result({ model: 'caf\u00e9', testName: 'composed', metrics: {} });
    const decomposed = result({ model: 'cafe\u0301', testName: 'decomposed', metrics: {} });
    // The keys differ at that character: "e" (U+0065) sorts before "é" (U+00E9).
    expect(labels(alignResults([composed, decomposed], []))).toEqual(['decomposed', 'composed']);
    expect(labels(alignResults([decomposed, composed], []))).toEqual(['decomposed', 'composed']);
    expect(labels(alignResults([], [composed, decomposed]))).toEqual(['decomposed', 'composed']);
    // The same without a GPU on either.
    const noGpu = [composed, decomposed].map((entry) => ({ ...entry, gpu: null }));
    expect(labels(alignResults(noGpu, []))).toEqual(['decomposed', 'composed']);
  });
});

interface Spec {
  readonly tp: number | null;
  readonly qps: number | null;
  readonly concurrency: number | null;
  readonly gpu: string;
  readonly value: number;
}

describe('rowGpuText', () => {
  it('writes one GPU when the sides agree or one lacks the test, both when they differ', () => {
    const h200 = { type: 'H200', count: 8 };
    const rows = compareResults(
      [
        result({ qps: 1, metrics: {} }),
        result({ qps: 2, metrics: {} }),
        result({ qps: 4, metrics: {} }),
      ],
      [
        result({ qps: 1, metrics: {} }),
        result({ qps: 2, gpu: h200, metrics: {} }),
        result({ qps: 8, gpu: h200, testName: 'serving_qps_8', metrics: {} }),
      ],
      { ignoreGpu: true },
    ).rows;
    expect(rows.map((row) => [(row.baseline ?? row.candidate)?.qps, rowGpuText(row)])).toEqual([
      [1, '8×H100'],
      [2, '8×H100 → 8×H200'],
      [4, '8×H100'],
      [8, '8×H200'],
    ]);
  });
});

describe('alignment never drops a result', () => {
  it('every distinct test of either side is exactly one row', () => {
    const arb = fc.array(
      fc.record({
        tp: fc.constantFrom(1, 2, null),
        qps: fc.constantFrom(1, 16, Infinity, null),
        concurrency: fc.constantFrom(8, null),
        gpu: fc.constantFrom('H100', 'H200'),
        value: fc.double({ min: 1, max: 100, noNaN: true }),
      }),
      { maxLength: 12 },
    );
    const toResults = (specs: readonly Spec[]) =>
      specs.map((spec) =>
        result({
          tp: spec.tp,
          qps: spec.qps,
          concurrency: spec.concurrency,
          gpu: { type: spec.gpu, count: 8 },
          metrics: { ttft_mean: spec.value },
        }),
      );
    fc.assert(
      fc.property(arb, arb, fc.boolean(), (left, right, ignoreGpu) => {
        const base = toResults(left);
        const cand = toResults(right);
        const rows = alignResults(base, cand, { ignoreGpu });
        const keys = new Set([...base, ...cand].map((entry) => alignmentKey(entry, { ignoreGpu })));
        // A not-comparable row holds a key of each side, joined.
        expect(rows.flatMap((row) => row.key.split('\u0000')).sort()).toEqual([...keys].sort());
        const summary = compareResults(base, cand, { ignoreGpu }).summary;
        const duplicates = summary.tests.duplicatesIgnored;
        expect(rows.filter((row) => row.baseline !== null).length + duplicates.baseline).toBe(
          base.length,
        );
        expect(rows.filter((row) => row.candidate !== null).length + duplicates.candidate).toBe(
          cand.length,
        );
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});

describe('alignment across engines', () => {
  const vllm = result({ engine: 'vLLM', metrics: { request_throughput: 10 } });
  const sglang = result({
    engine: 'SGLang',
    model: 'meta-llama/Llama-3.1-8B-Instruct',
    testName: 'sglang_run_4',
    metrics: { request_throughput: 12 },
  });

  it('compares one engine’s side with another’s on the same configuration', () => {
    const rows = alignResults([vllm], [sglang]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.presence).toBe('both');
    // 10 → 12 req/s: +20%.
    const row = rows[0];
    expect(row === undefined ? null : metricOf(row, 'request_throughput').changePct).toBeCloseTo(
      20,
      9,
    );
  });

  it('matches engine to engine when a side holds two engines', () => {
    const rows = alignResults([vllm, sglang], [{ ...vllm, metrics: { request_throughput: 11 } }]);
    const pairs = rows.map((row) => [row.baseline?.engine ?? null, row.presence]);
    expect(pairs.sort()).toEqual([
      ['SGLang', 'missing in candidate'],
      ['vLLM', 'both'],
    ]);
  });
});

describe('like for like', () => {
  it('lists a test run with another input length as not comparable, values side by side', () => {
    const rows = alignResults(
      [result({ inputLen: 1024, metrics: { request_throughput: 10 } })],
      [result({ inputLen: 2048, metrics: { request_throughput: 7 } })],
    );
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.presence).toBe('not comparable');
    expect(row?.notComparable).toBe('input length 1024 vs 2048');
    const metric = row === undefined ? null : metricOf(row, 'request_throughput');
    // Both values shown, no change worked out and no verdict of better or worse.
    expect([metric?.baseline, metric?.candidate, metric?.changePct, metric?.verdict]).toEqual([
      10,
      7,
      null,
      'missing',
    ]);
    const summary = compareResults(
      row?.baseline ? [row.baseline] : [],
      row?.candidate ? [row.candidate] : [],
    ).summary;
    expect(summary.tests).toMatchObject({ compared: 0, notComparable: 1 });
  });

  it('names every difference, and a precision only when both files state one', () => {
    const fp8 = result({ metrics: {}, attributes: { dtype: 'FP8' }, outputLen: 128 });
    const bf16 = result({ metrics: {}, attributes: { precision: 'bfloat16' }, outputLen: 256 });
    const rows = alignResults([bf16], [fp8]);
    expect(rows.map((row) => row.notComparable)).toEqual([
      'output length 256 vs 128; precision bfloat16 vs fp8',
    ]);
    // Same key, precisions differ: not comparable; one side silent: compared.
    const same = alignResults(
      [result({ metrics: {}, attributes: { dtype: 'bfloat16' } })],
      [result({ metrics: {}, attributes: { dtype: 'fp8' } })],
    );
    expect(same.map((row) => [row.presence, row.notComparable])).toEqual([
      ['not comparable', 'precision bfloat16 vs fp8'],
    ]);
    const silent = alignResults(
      [result({ metrics: {}, attributes: { dtype: 'fp8' } })],
      [result({ metrics: {} })],
    );
    expect(silent.map((row) => row.presence)).toEqual(['both']);
  });

  it('keeps runs on another GPU as tests the other side lacks when the GPU is compared', () => {
    const rows = alignResults(
      [result({ metrics: {} })],
      [result({ gpu: { type: 'H200', count: 8 }, inputLen: 64, metrics: {} })],
    );
    expect(rows.map((row) => row.presence).sort()).toEqual([
      'missing in baseline',
      'missing in candidate',
    ]);
  });
});
