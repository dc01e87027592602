// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparisonMarkdown,
  escapeMarkdownText,
  summaryLine,
} from '../../../src/data/compare/compare-markdown';
import { compareResults } from '../../../src/data/compare/compare-summary';
import { formatThreshold } from '../../../src/data/compare/thresholds';
import type { BenchmarkResult, MetricValues } from '../../../src/data/results/result-model';
import { alternating, historyByQps, usableNights } from '../../helpers/compare-history';
import { seedDataset } from '../../helpers/seed';
import { servingAt } from './compare-fixtures';
import { propertyRuns } from '../../helpers/property-runs';

/** A serving result on 8×H100 (llama8B, TP1, sharegpt, QPS 16) with the given changes. */
function result(change: Partial<BenchmarkResult> & { metrics: MetricValues }): BenchmarkResult {
  return {
    suite: 'serving',
    testName: 'serving_llama8B_tp1_sharegpt_qps_16',
    model: 'llama8B',
    tp: 1,
    pp: null,
    dp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps: 16,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    engine: null,
    attributes: {},
    ...change,
  };
}

const latencyOnlyInBaseline = result({
  suite: 'latency',
  testName: 'latency_llama8B_tp1',
  dataset: null,
  qps: null,
  metrics: { latency_mean: 1046.91 },
});

/**
 * Throughput 10 → 8 req/s is -20% (regression), mean TTFT 100 → 50 ms is -50% (improvement),
 * mean ITL 20 → 20.5 ms is +2.5% (within noise); the latency test is missing in the candidate.
 * Serving goodness ratios 0.8, 2 and 20/20.5 = 0.97561 multiply to 1.56098, cube root 1.1600.
 */
const small = compareResults(
  [
    result({ metrics: { request_throughput: 10, ttft_mean: 100, itl_mean: 20 } }),
    latencyOnlyInBaseline,
  ],
  [result({ metrics: { request_throughput: 8, ttft_mean: 50, itl_mean: 20.5 } })],
);

const TABLE_HEAD = [
  '| Test | GPU | Metric | Baseline | Candidate | Change | Verdict | Decided by |',
  '| --- | --- | --- | ---: | ---: | ---: | --- | --- |',
];

/** Pipes that split cells: those not escaped by a backslash. */
function cellPipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '\\') i += 1;
    else if (line[i] === '|') count += 1;
  }
  return count;
}

describe('comparisonMarkdown', () => {
  it('lists only what is outside the threshold, most harmful first', () => {
    expect(
      comparisonMarkdown(small, { baselineLabel: 'Nightly · 8×H100', candidateLabel: 'my run' }),
    ).toBe(
      [
        '### Compare: baseline Nightly · 8×H100 vs candidate my run (threshold ±5%)',
        '',
        '1 regression, 1 improvement, 1 within noise, 0 missing; 1 test compared, 1 missing in candidate, 0 missing in baseline.',
        'Geometric mean, candidate vs baseline (above 1× is better): serving 1.16×.',
        '',
        ...TABLE_HEAD,
        '| serving_llama8B_tp1_sharegpt_qps_16 | 8×H100 | Throughput (req/s) | 10.00 | 8.00 | -20.0% | regression | fixed ±5% threshold |',
        '| serving_llama8B_tp1_sharegpt_qps_16 | 8×H100 | Mean TTFT (ms) | 100.00 | 50.00 | -50.0% | improvement | fixed ±5% threshold |',
      ].join('\n'),
    );
  });

  it('lists every metric comparison with `all`, missing ones right after regressions', () => {
    const lines = comparisonMarkdown(small, {
      baselineLabel: 'base',
      candidateLabel: 'cand',
      all: true,
    }).split('\n');
    expect(lines.slice(5)).toEqual([
      ...TABLE_HEAD,
      '| serving_llama8B_tp1_sharegpt_qps_16 | 8×H100 | Throughput (req/s) | 10.00 | 8.00 | -20.0% | regression | fixed ±5% threshold |',
      '| latency_llama8B_tp1 | 8×H100 | Mean latency (ms) | 1,046.91 | — | — | missing | — |',
      '| serving_llama8B_tp1_sharegpt_qps_16 | 8×H100 | Mean ITL (ms) | 20.00 | 20.50 | +2.5% | within noise | fixed ±5% threshold |',
      '| serving_llama8B_tp1_sharegpt_qps_16 | 8×H100 | Mean TTFT (ms) | 100.00 | 50.00 | -50.0% | improvement | fixed ±5% threshold |',
    ]);
  });

  it('says so in a line when nothing is outside the threshold', () => {
    const h100 = seedDataset('H100').results;
    expect(
      comparisonMarkdown(compareResults(h100, h100), { baselineLabel: 'A', candidateLabel: 'B' }),
    ).toBe(
      [
        '### Compare: baseline A vs candidate B (threshold ±5%)',
        '',
        '0 regressions, 0 improvements, 96 within noise, 0 missing; 18 tests compared, 0 missing in candidate, 0 missing in baseline.',
        'Geometric mean, candidate vs baseline (above 1× is better): latency 1.00×, throughput 1.00×, serving 1.00×.',
        '',
        'No metric changed by more than its threshold.',
      ].join('\n'),
    );
    expect(
      comparisonMarkdown(compareResults([], []), {
        baselineLabel: 'A',
        candidateLabel: 'B',
        all: true,
      }),
    ).toBe(
      [
        '### Compare: baseline A vs candidate B (threshold ±5%)',
        '',
        '0 regressions, 0 improvements, 0 within noise, 0 missing; 0 tests compared, 0 missing in candidate, 0 missing in baseline.',
        '',
        'No metrics to compare.',
      ].join('\n'),
    );
  });

  it('shows both GPUs when the sides differ and states threshold overrides', () => {
    const comparison = compareResults(
      [result({ metrics: { ttft_p99: 100, itl_p99: 100, ttft_mean: 100 } })],
      [
        result({
          gpu: { type: 'H200', count: 8 },
          metrics: { ttft_p99: 109, itl_p99: 109, ttft_mean: 97.5 },
        }),
      ],
      {
        ignoreGpu: true,
        threshold: { default: 2.5, perMetric: { ttft_p99: 10 }, perSuffix: { _p99: 8 } },
      },
    );
    // P99 TTFT +9% is within its 10%; P99 ITL +9% beats the 8% of `_p99`; mean TTFT -2.5% is
    // exactly the 2.5% default, so within noise.
    expect(
      comparisonMarkdown(comparison, { baselineLabel: '8×H100', candidateLabel: '8×H200' }),
    ).toBe(
      [
        String.raw`### Compare: baseline 8×H100 vs candidate 8×H200 (threshold ±2.5%; ttft_p99 ±10%; metrics ending in \_p99 ±8%)`,
        '',
        '1 regression, 0 improvements, 2 within noise, 0 missing; 1 test compared, 0 missing in candidate, 0 missing in baseline.',
        // (100/109 × 100/109 × 100/97.5)^(1/3) = (0.84168 × 1.02564)^(1/3) = 0.86326^(1/3) = 0.9522
        'Geometric mean, candidate vs baseline (above 1× is better): serving 0.95×.',
        '',
        ...TABLE_HEAD,
        '| serving_llama8B_tp1_sharegpt_qps_16 | 8×H100 → 8×H200 | P99 ITL (ms) | 100.00 | 109.00 | +9.0% | regression | fixed ±8% threshold |',
      ].join('\n'),
    );
  });

  it('mentions metrics without a direction and ignored duplicates only when there are some', () => {
    const comparison = compareResults(
      [result({ metrics: { num_requests: 200 } }), result({ metrics: { num_requests: 100 } })],
      [result({ metrics: { num_requests: 100 } })],
    );
    expect(summaryLine(comparison)).toBe(
      '0 regressions, 0 improvements, 0 within noise, 0 missing, 1 without direction; 1 test compared, 0 missing in candidate, 0 missing in baseline; 1 duplicate result ignored.',
    );
  });
});

describe('escaping', () => {
  it('keeps a hostile label from breaking the heading or running HTML', () => {
    const text = comparisonMarkdown(small, {
      baselineLabel: 'main | <script>alert(1)</script>',
      candidateLabel: 'x\n| a | b |',
    });
    expect(text.split('\n')[0]).toBe(
      String.raw`### Compare: baseline main \| &lt;script&gt;alert(1)&lt;/script&gt; vs candidate x \| a \| b \| (threshold ±5%)`,
    );
    expect(text).not.toMatch(/[<>]/);
  });

  it('escapes table-breaking and markup characters in test names, not intraword underscores', () => {
    expect(escapeMarkdownText('serving_llama8B_tp1_sharegpt_qps_inf')).toBe(
      'serving_llama8B_tp1_sharegpt_qps_inf',
    );
    expect(escapeMarkdownText('a|b\n<b>*z*</b> [l](u) `c` _e_ x&y ~~s~~ \\')).toBe(
      String.raw`a\|b &lt;b&gt;\*z\*&lt;/b&gt; \[l\](u) \`c\` \_e\_ x&amp;y \~\~s\~\~ \\`,
    );
    const comparison = compareResults(
      [result({ testName: 'evil|name<img src=x onerror=alert(1)>', metrics: { ttft_mean: 100 } })],
      [result({ testName: 'ignored', metrics: { ttft_mean: 200 } })],
    );
    const lines = comparisonMarkdown(comparison, { baselineLabel: 'a', candidateLabel: 'b' }).split(
      '\n',
    );
    expect(lines.at(-1)).toBe(
      String.raw`| evil\|name&lt;img src=x onerror=alert(1)&gt; | 8×H100 | Mean TTFT (ms) | 100.00 | 200.00 | +100.0% | regression | fixed ±5% threshold |`,
    );
    expect(cellPipes(lines.at(-1) ?? '')).toBe(9);
  });

  it('never lets a label or test name add a line, a cell or a tag', () => {
    const hostile = fc.string({
      unit: fc.constantFrom(
        '|',
        '\\',
        '<',
        '>',
        '\n',
        '\r',
        '`',
        '*',
        '_',
        '[',
        ']',
        '&',
        'a',
        ' ',
        '#',
      ),
      maxLength: 16,
    });
    fc.assert(
      fc.property(hostile, hostile, hostile, (label, other, testName) => {
        const comparison = compareResults(
          [result({ testName, metrics: { ttft_mean: 100, itl_mean: 10 } })],
          [result({ testName, metrics: { ttft_mean: 150, itl_mean: 10 } })],
        );
        const lines = comparisonMarkdown(comparison, {
          baselineLabel: label,
          candidateLabel: other,
          all: true,
        }).split('\n');
        expect(lines).toHaveLength(9);
        expect(lines.join('\n')).not.toMatch(/[<>]/);
        expect(cellPipes(lines[0] ?? '')).toBe(0);
        for (const line of lines.slice(5)) expect(cellPipes(line)).toBe(9);
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});

describe('summary line and escaping, further cases', () => {
  it('adds up the duplicates ignored on both sides', () => {
    const comparison = compareResults(
      [
        result({ metrics: { ttft_mean: 100 } }),
        result({ metrics: { ttft_mean: 101 } }),
        result({ metrics: { ttft_mean: 102 } }),
      ],
      [result({ metrics: { ttft_mean: 100 } }), result({ metrics: { ttft_mean: 103 } })],
    );
    expect(summaryLine(comparison)).toBe(
      '0 regressions, 0 improvements, 1 within noise, 0 missing; 1 test compared, 0 missing in candidate, 0 missing in baseline; 3 duplicate results ignored.',
    );
  });

  it('makes a run of control characters one space', () => {
    expect(escapeMarkdownText('a\r\n\tb')).toBe('a b');
    expect(escapeMarkdownText('a\nb\n\nc')).toBe('a b c');
  });
});

describe('formatThreshold', () => {
  it('writes ± and up to three decimals', () => {
    expect(formatThreshold(5)).toBe('±5%');
    expect(formatThreshold(2.5)).toBe('±2.5%');
    expect(formatThreshold(0)).toBe('±0%');
    expect(formatThreshold(1000)).toBe('±1000%');
  });
});

describe('the rule of each verdict', () => {
  it('counts the metrics each rule decided when history decided some, and names it per row', () => {
    // QPS 1 has 20 nights of 100 and 101 (spread ±0.74%): +4% is outside them (z = 4.64), a
    // regression the fixed 5% would not see. QPS 2 has no history: +10% beats the threshold.
    const comparison = compareResults(
      [servingAt(1, 100), servingAt(2, 100)],
      [servingAt(1, 104), servingAt(2, 110)],
      { history: historyByQps(new Map([[1, usableNights(alternating([100, 101], 20))]])) },
    );
    const lines = comparisonMarkdown(comparison, { baselineLabel: 'a', candidateLabel: 'b' }).split(
      '\n',
    );
    expect(lines.slice(2, 4)).toEqual([
      '2 regressions, 0 improvements, 0 within noise, 0 missing; 2 tests compared, 0 missing in candidate, 0 missing in baseline.',
      "1 metric judged by their own history's noise, 1 by the fixed threshold.",
    ]);
    expect(lines.slice(-2)).toEqual([
      '| serving_qps_2 | 8×H100 | Mean TTFT (ms) | 100.00 | 110.00 | +10.0% | regression | fixed ±5% threshold |',
      '| serving_qps_1 | 8×H100 | Mean TTFT (ms) | 100.00 | 104.00 | +4.0% | regression | noise of 20 runs (±0.7%) |',
    ]);
  });
});
