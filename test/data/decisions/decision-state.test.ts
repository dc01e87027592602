// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DECISION_STATE,
  percentileField,
  priceField,
  readPrices,
  sloField,
} from '../../../src/data/decisions/decision-state';
import { decodeUrlState, encodeUrlState, DEFAULT_URL_STATE } from '../../../src/data/url-schema';

describe('objectives and prices in a link', () => {
  it('writes objectives, a percentile other than the median, and prices in type order', () => {
    const query = encodeUrlState({
      ...DEFAULT_URL_STATE,
      decisions: {
        slo: { ttft: 200, itl: 25.5, tpot: null, e2el: null },
        percentile: 'p99',
        prices: { H200: 3.5, 'A100-SXM4-80GB': 1.6 },
      },
    });
    expect(query).toBe(
      'slo.ttft=200&slo.itl=25.5&slo.pct=p99&price=A100-SXM4-80GB%3A1.6&price=H200%3A3.5',
    );
    expect(decodeUrlState(query).decisions).toEqual({
      slo: { ttft: 200, itl: 25.5, tpot: null, e2el: null },
      percentile: 'p99',
      prices: { 'A100-SXM4-80GB': 1.6, H200: 3.5 },
    });
  });

  it('reads the defaults back as the very default object', () => {
    expect(decodeUrlState('').decisions).toBe(DEFAULT_DECISION_STATE);
    expect(decodeUrlState('slo.pct=median&slo.ttft=-3').decisions).toBe(DEFAULT_DECISION_STATE);
  });

  it('refuses objectives that are not positive decimals', () => {
    for (const bad of ['-1', '0', 'abc', '1e999', 'Infinity', ' 5', '0x10', '']) {
      expect(sloField.decode([bad]), bad).toBeNull();
    }
    expect(sloField.decode(['.5'])).toBe(0.5);
    expect(sloField.decode(['2e2'])).toBe(200);
    expect(sloField.decode([])).toBeNull();
    expect(sloField.encode(null)).toEqual([]);
    expect(sloField.encode(12.5)).toEqual(['12.5']);
  });

  it('reads only known percentiles, the median written as nothing', () => {
    expect(percentileField.decode(['p95'])).toBe('p95');
    expect(percentileField.decode(['p50'])).toBe('median');
    expect(percentileField.decode(['P99'])).toBe('median');
    expect(percentileField.encode('median')).toEqual([]);
    expect(percentileField.encode('p90')).toEqual(['p90']);
  });

  it('splits a price at its last colon and drops bad pairs', () => {
    expect(priceField.decode(['H100:2.49', 'a:b:3', 'H200', 'B200:-1', ':4', 'MI300X:x'])).toEqual({
      H100: 2.49,
      'a:b': 3,
    });
    expect(priceField.encode({ 'a:b': 3 })).toEqual(['a:b:3']);
  });
});

describe('prices as read from anywhere', () => {
  it('never touches a prototype, whatever the type is called', () => {
    const prices = readPrices([
      ['__proto__', '5'],
      ['constructor', '2'],
      ['H100', '1'],
    ]);
    expect(Object.keys(prices)).toEqual(['__proto__', 'constructor', 'H100']);
    expect(Object.getPrototypeOf(prices)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).H100).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(prices, '__proto__')?.value).toBe(5);
  });

  it('keeps at most 32 types, each named in at most 64 characters, the last price of a type', () => {
    const many = Array.from({ length: 40 }, (_, i) => [`G${String(i)}`, '1'] as const);
    expect(Object.keys(readPrices(many))).toHaveLength(32);
    expect(readPrices([['x'.repeat(64), '1']])).toEqual({ ['x'.repeat(64)]: 1 });
    expect(readPrices([['x'.repeat(65), '1']])).toEqual({});
    expect(
      readPrices([
        ['H100', '1'],
        ['H100', '2'],
      ]),
    ).toEqual({ H100: 2 });
    // A repeated type is not a new one: 31 distinct types and a repeat leave room for a 32nd.
    const repeated = [...many.slice(0, 31), ['G0', '3'] as const, ['Z', '1'] as const];
    expect(readPrices(repeated)).toMatchObject({ G0: 3, Z: 1 });
  });
});

describe('decimals a link may hold', () => {
  it('reads exponents and leading-dot decimals, and prices alone', () => {
    expect(sloField.decode(['.55'])).toBe(0.55);
    expect(sloField.decode(['1e+2'])).toBe(100);
    expect(sloField.decode(['1E-1'])).toBe(0.1);
    expect(sloField.decode(['1e10'])).toBe(1e10);
    expect(sloField.decode(['1e'])).toBeNull();
    expect(decodeUrlState('price=H100%3A2').decisions).toEqual({
      ...DEFAULT_DECISION_STATE,
      prices: { H100: 2 },
    });
    expect(decodeUrlState('slo.pct=p95').decisions).toEqual({
      ...DEFAULT_DECISION_STATE,
      percentile: 'p95',
    });
  });
});
