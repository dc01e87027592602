// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  THRESHOLD_SLACK,
  changePercent,
  compareMetric,
  formatChange,
  harm,
  judgeChange,
} from '../../../src/data/compare/metric-verdict';
import { propertyRuns } from '../../helpers/property-runs';

describe('verdicts', () => {
  it('is within noise at exactly the threshold and a verdict just beyond it', () => {
    expect(judgeChange('lower', 100, 105, 5)).toBe('within noise');
    expect(judgeChange('lower', 100, 105.01, 5)).toBe('regression');
    expect(judgeChange('lower', 100, 95, 5)).toBe('within noise');
    expect(judgeChange('lower', 100, 94.99, 5)).toBe('improvement');
    expect(judgeChange('higher', 100, 95, 5)).toBe('within noise');
    expect(judgeChange('higher', 100, 94.99, 5)).toBe('regression');
    expect(judgeChange('higher', 100, 105, 5)).toBe('within noise');
    expect(judgeChange('higher', 100, 105.01, 5)).toBe('improvement');
    expect(changePercent(100, 105.01)).toBeCloseTo(5.01, 10);
  });

  it('does not let binary rounding push an exact 5% over the threshold', () => {
    // 0.7 → 0.735 is 5% in decimal, 5.000000000000004 in floating point.
    expect(changePercent(0.7, 0.735)).toBeGreaterThan(5);
    expect(changePercent(0.7, 0.735)).toBeLessThan(5 + THRESHOLD_SLACK);
    expect(judgeChange('lower', 0.7, 0.735, 5)).toBe('within noise');
    expect(judgeChange('higher', 19.5259, 20.502195, 5)).toBe('within noise');
  });

  it('judges by direction: latency up is bad, throughput up is good', () => {
    expect(compareMetric('ttft_mean', 100, 130, { default: 5 }).verdict).toBe('regression');
    expect(compareMetric('e2el_p99', 100, 130, { default: 5 }).verdict).toBe('regression');
    expect(compareMetric('tpot_median', 100, 70, { default: 5 }).verdict).toBe('improvement');
    expect(compareMetric('request_throughput', 100, 130, { default: 5 }).verdict).toBe(
      'improvement',
    );
    expect(compareMetric('output_throughput', 100, 70, { default: 5 }).verdict).toBe('regression');
  });

  it('gives neutral metrics no direction and missing values no verdict', () => {
    expect(compareMetric('num_requests', 100, 200, { default: 5 })).toMatchObject({
      direction: 'neutral',
      changePct: 100,
      verdict: 'no direction',
    });
    expect(compareMetric('x:Something (ms)', 1, 2, { default: 5 }).verdict).toBe('no direction');
    expect(compareMetric('ttft_mean', null, 2, { default: 5 })).toMatchObject({
      changePct: null,
      verdict: 'missing',
    });
    expect(compareMetric('ttft_mean', 2, undefined, { default: 5 }).verdict).toBe('missing');
    expect(compareMetric('num_requests', 2, null, { default: 5 }).verdict).toBe('missing');
    expect(judgeChange('lower', Number.NaN, 2, 5)).toBe('missing');
  });

  it('treats any change from a baseline of 0 as beyond the threshold', () => {
    expect(compareMetric('failed_requests', 0, 3, { default: 5 })).toMatchObject({
      changePct: null,
      verdict: 'regression',
    });
    expect(compareMetric('failed_requests', 3, 0, { default: 5 }).verdict).toBe('improvement');
    expect(compareMetric('failed_requests', 0, 0, { default: 5 }).verdict).toBe('within noise');
    expect(changePercent(0, 0)).toBeNull();
  });

  it('verdicts are mirror images when baseline and candidate swap', () => {
    const value = fc.oneof(
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.constantFrom(100, 105, 95, 105.01, 0.7, 0.735),
    );
    const mirror = { regression: 'improvement', improvement: 'regression' } as const;
    fc.assert(
      fc.property(
        value,
        value,
        fc.constantFrom<'lower' | 'higher'>('lower', 'higher'),
        fc.oneof(fc.constant(5), fc.double({ min: 0, max: 50, noNaN: true })),
        (a, b, direction, threshold) => {
          const forward = judgeChange(direction, a, b, threshold);
          const backward = judgeChange(direction, b, a, threshold);
          if (a === b) {
            expect([forward, backward]).toEqual(['within noise', 'within noise']);
            return;
          }
          // Never the same directional verdict both ways …
          if (forward === 'regression' || forward === 'improvement') {
            expect(backward).not.toBe(forward);
          }
          // … and the exact mirror when both changes are clear of the threshold. (Relative
          // changes are not symmetric: +5.2% one way is -4.94% the other.)
          const there = Math.abs(changePercent(a, b) ?? 0);
          const back = Math.abs(changePercent(b, a) ?? 0);
          if (there > threshold + THRESHOLD_SLACK && back > threshold + THRESHOLD_SLACK) {
            expect(forward === 'regression' || forward === 'improvement').toBe(true);
            if (forward === 'regression' || forward === 'improvement') {
              expect(backward).toBe(mirror[forward]);
            }
          }
          if (there <= threshold && back <= threshold) {
            expect([forward, backward]).toEqual(['within noise', 'within noise']);
          }
        },
      ),
      { numRuns: propertyRuns(10000) },
    );
  });
});

describe('formatChange', () => {
  it('writes a sign, one decimal and an ASCII hyphen-minus', () => {
    expect(formatChange(30)).toBe('+30.0%');
    expect(formatChange(-20.4063)).toBe('-20.4%');
    expect(formatChange(19.1917)).toBe('+19.2%');
    expect(formatChange(0)).toBe('0.0%');
    expect(formatChange(-0.04)).toBe('0.0%');
    expect(formatChange(0.06)).toBe('+0.1%');
    expect(formatChange(1234.56)).toBe('+1234.6%');
    expect(formatChange(null)).toBe('—');
    expect(formatChange(Number.NaN)).toBe('—');
  });
});

describe('values that are not finite', () => {
  it('count as missing on either side', () => {
    expect(judgeChange('lower', Infinity, 5, 5)).toBe('missing');
    expect(judgeChange('higher', 5, -Infinity, 5)).toBe('missing');
    expect(compareMetric('ttft_mean', 100, Number.NaN, { default: 5 })).toMatchObject({
      changePct: null,
      verdict: 'missing',
    });
  });
});

describe('harm', () => {
  const threshold = { default: 5 };

  it('turns a change so that the bad direction is positive', () => {
    expect(harm(compareMetric('ttft_mean', 100, 130, threshold))).toBeCloseTo(30, 10);
    expect(harm(compareMetric('request_throughput', 10, 8, threshold))).toBeCloseTo(20, 10);
    expect(harm(compareMetric('tpot_mean', 100, 50, threshold))).toBeCloseTo(-50, 10);
    expect(harm(compareMetric('output_throughput', 100, 101, threshold))).toBeCloseTo(-1, 10);
  });

  it('is infinite for a change from 0 and 0 for none', () => {
    expect(harm(compareMetric('failed_requests', 0, 3, threshold))).toBe(Infinity);
    expect(harm(compareMetric('output_throughput', 0, 5, threshold))).toBe(-Infinity);
    expect(harm(compareMetric('failed_requests', 0, 0, threshold))).toBe(0);
  });

  it('does not exist for a missing value or a metric without a direction', () => {
    expect(harm(compareMetric('ttft_mean', 100, null, threshold))).toBeNaN();
    expect(harm(compareMetric('ttft_mean', 0, null, threshold))).toBeNaN();
    // A count that doubled changed by +100%, but that is neither good nor bad.
    expect(harm(compareMetric('num_requests', 100, 200, threshold))).toBeNaN();
    expect(harm(compareMetric('num_requests', 0, 200, threshold))).toBeNaN();
  });
});
