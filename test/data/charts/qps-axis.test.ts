// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderQps, qpsText, qpsTickLabel } from '../../../src/data/charts/qps-axis';

describe('the offered-QPS axis', () => {
  it('orders 1, 2, 4, 16 and puts ∞ last, once each', () => {
    expect(orderQps([Infinity, 16, 1, 4, 2, 16, Infinity, 1])).toEqual([1, 2, 4, 16, Infinity]);
  });

  it('drops unknown and NaN rates', () => {
    expect(orderQps([null, 4, Number.NaN, 0.5])).toEqual([0.5, 4]);
  });

  it('labels ∞ "all at once" and numbers as written', () => {
    expect([1, 2, 4, 16, 0.5, Infinity].map(qpsTickLabel)).toEqual([
      '1',
      '2',
      '4',
      '16',
      '0.5',
      'all at once',
    ]);
    expect(qpsText(Infinity)).toBe('inf (all at once)');
  });

  it('always ends with ∞ when ∞ is present, and is strictly ascending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(Infinity), fc.double({ min: 0.1, max: 1000, noNaN: true }))),
        (values) => {
          const ordered = orderQps(values);
          for (let i = 1; i < ordered.length; i += 1) {
            expect(ordered[i]).toBeGreaterThan(ordered[i - 1] ?? -Infinity);
          }
          if (values.includes(Infinity)) expect(ordered.at(-1)).toBe(Infinity);
        },
      ),
    );
  });
});
