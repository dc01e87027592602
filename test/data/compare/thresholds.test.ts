// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../src/data/compare/compare-summary';
import { compareMetric } from '../../../src/data/compare/metric-verdict';
import {
  isValidThreshold,
  normalizeThresholds,
  parseThreshold,
  thresholdFor,
} from '../../../src/data/compare/thresholds';
import { result } from './compare-fixtures';

describe('thresholds', () => {
  it('reads a typed threshold from 0 to 1000, and nothing from an empty or invalid field', () => {
    expect(parseThreshold('5')).toBe(5);
    expect(parseThreshold(' 2.5 ')).toBe(2.5);
    expect(parseThreshold('0')).toBe(0);
    expect(parseThreshold('1000')).toBe(1000);
    expect(parseThreshold('1000.5')).toBeNull();
    expect(parseThreshold('-1')).toBeNull();
    expect(parseThreshold('')).toBeNull();
    // Number('  ') is 0: a blank field must not read as a threshold of 0.
    expect(parseThreshold('  ')).toBeNull();
    expect(parseThreshold('abc')).toBeNull();
    expect(parseThreshold('Infinity')).toBeNull();
  });

  it('uses a per-metric override before the default', () => {
    const spec = { default: 5, perMetric: { ttft_p99: 10 } };
    expect(thresholdFor('ttft_p99', spec)).toBe(10);
    expect(thresholdFor('ttft_mean', spec)).toBe(5);
    // +8% on P99 TTFT is noise under its 10%; +8% on mean TTFT is a regression.
    expect(compareMetric('ttft_p99', 100, 108, spec)).toMatchObject({
      threshold: 10,
      verdict: 'within noise',
    });
    expect(compareMetric('ttft_mean', 100, 108, spec)).toMatchObject({
      threshold: 5,
      verdict: 'regression',
    });
    expect(compareMetric('ttft_p99', 100, 110.5, spec).verdict).toBe('regression');
  });

  it('applies a key ending to every metric with it; exact keys win, then the longest ending', () => {
    const spec = { default: 5, perMetric: { itl_p99: 20 }, perSuffix: { _p99: 8, tft_p99: 12 } };
    expect(thresholdFor('latency_p99', spec)).toBe(8);
    expect(thresholdFor('ttft_p99', spec)).toBe(12);
    expect(thresholdFor('itl_p99', spec)).toBe(20);
    expect(thresholdFor('itl_p90', spec)).toBe(5);
    expect(compareMetric('latency_p99', 100, 107, spec).verdict).toBe('within noise');
    expect(compareMetric('latency_mean', 100, 107, spec).verdict).toBe('regression');
  });

  it('ignores unusable thresholds and keys that only exist on Object.prototype', () => {
    expect(normalizeThresholds(undefined)).toEqual({ default: 5 });
    expect(normalizeThresholds(Number.NaN)).toEqual({ default: 5 });
    expect(normalizeThresholds(-1)).toEqual({ default: 5 });
    expect(normalizeThresholds(0)).toEqual({ default: 0 });
    expect(
      normalizeThresholds({
        default: Infinity,
        perMetric: { ttft_p99: -2, itl_p99: 7 },
        perSuffix: { '': 3, _mean: Number.NaN },
      }),
    ).toEqual({ default: 5, perMetric: { itl_p99: 7 } });
    expect(thresholdFor('constructor', { default: 4, perMetric: {} })).toBe(4);
    expect(thresholdFor('ttft_p99', { default: 4, perMetric: { ttft_p99: -1 } })).toBe(4);
  });

  it('uses the default 5% when none is given and the given number otherwise', () => {
    const [base, cand] = [
      [result({ metrics: { ttft_mean: 100 } })],
      [result({ metrics: { ttft_mean: 108 } })],
    ];
    expect(compareResults(base, cand).summary.verdicts.regression).toBe(1);
    expect(compareResults(base, cand, { threshold: 10 }).summary.verdicts.regression).toBe(0);
    expect(compareResults(base, cand, { threshold: 10 }).thresholds).toEqual({ default: 10 });
  });

  it('takes only numbers from 0 to 1000 as thresholds', () => {
    for (const value of [0, 2.5, 1000]) expect(isValidThreshold(value), String(value)).toBe(true);
    for (const value of [-0.5, 1000.5, Number.NaN, Infinity, -Infinity, '5', null, undefined]) {
      expect(isValidThreshold(value), String(value)).toBe(false);
    }
  });

  it('leaves out an override list with no usable entry', () => {
    expect(
      normalizeThresholds({ default: 5, perMetric: { ttft_p99: -1 }, perSuffix: { _p99: 2000 } }),
    ).toStrictEqual({ default: 5 });
    expect(normalizeThresholds({ default: 5, perSuffix: { _p99: 8 } })).toStrictEqual({
      default: 5,
      perSuffix: { _p99: 8 },
    });
  });

  it('takes the longest matching ending whatever the order the endings are listed in', () => {
    expect(thresholdFor('ttft_p99', { default: 5, perSuffix: { ft_p99: 12, _p99: 8 } })).toBe(12);
    expect(thresholdFor('ttft_p99', { default: 5, perSuffix: { _p99: 8, ft_p99: 12 } })).toBe(12);
    expect(thresholdFor('itl_p99', { default: 5, perSuffix: { ft_p99: 12, _p99: 8 } })).toBe(8);
  });
});
