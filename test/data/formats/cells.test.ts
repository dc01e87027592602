// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  isMissingCell,
  parseFiniteCell,
  parseNumberCell,
  parseTextCell,
} from '../../../src/data/formats/cells';

describe('parseNumberCell', () => {
  it('reads integers written as floats, as numbers and as text', () => {
    expect(parseNumberCell(200.0)).toBe(200);
    expect(parseNumberCell('200.0')).toBe(200);
    expect(parseNumberCell('200')).toBe(200);
  });

  it('reads decimals, signs, exponents and surrounding spaces', () => {
    expect(parseNumberCell('1046.91')).toBe(1046.91);
    expect(parseNumberCell(' 24.1869 ')).toBe(24.1869);
    expect(parseNumberCell('-3.5')).toBe(-3.5);
    expect(parseNumberCell('+7')).toBe(7);
    expect(parseNumberCell('.5')).toBe(0.5);
    expect(parseNumberCell('1e3')).toBe(1000);
    expect(parseNumberCell('2.5E-3')).toBe(0.0025);
  });

  it('reads inf and Infinity in any case as infinite', () => {
    expect(parseNumberCell('inf')).toBe(Infinity);
    expect(parseNumberCell('Infinity')).toBe(Infinity);
    expect(parseNumberCell('INF')).toBe(Infinity);
    expect(parseNumberCell('+inf')).toBe(Infinity);
    expect(parseNumberCell('-inf')).toBe(-Infinity);
    expect(parseNumberCell('-Infinity')).toBe(-Infinity);
    expect(parseNumberCell(Infinity)).toBe(Infinity);
  });

  it('reads NaN, empty cells and missing words as missing, never 0', () => {
    for (const missing of ['NaN', 'nan', '-nan', '', '   ', 'None', 'null', 'n/a', '-', '—']) {
      expect(parseNumberCell(missing), JSON.stringify(missing)).toBeNull();
    }
    expect(parseNumberCell(Number.NaN)).toBeNull();
    expect(parseNumberCell(null)).toBeNull();
    expect(parseNumberCell(undefined)).toBeNull();
  });

  it('reads text that is not a number as null', () => {
    for (const garbage of ['fast', '12abc', '1,234', '0x10', '1.2.3', 'e5', '--1', '8xH100']) {
      expect(parseNumberCell(garbage), garbage).toBeNull();
    }
  });

  it('reads values of other types as null', () => {
    expect(parseNumberCell(true)).toBeNull();
    expect(parseNumberCell({})).toBeNull();
    expect(parseNumberCell([1])).toBeNull();
  });

  it('keeps 0 as a value', () => {
    expect(parseNumberCell(0)).toBe(0);
    expect(parseNumberCell('0')).toBe(0);
    expect(parseNumberCell('0.0')).toBe(0);
  });
});

describe('parseFiniteCell', () => {
  it('reads finite numbers like parseNumberCell', () => {
    expect(parseFiniteCell('200.0')).toBe(200);
    expect(parseFiniteCell(9.13468)).toBe(9.13468);
  });

  it('reads infinities as null: a metric of Infinity means nothing', () => {
    expect(parseFiniteCell('inf')).toBeNull();
    expect(parseFiniteCell(Infinity)).toBeNull();
    expect(parseFiniteCell('-Infinity')).toBeNull();
  });

  it('reads missing values and garbage as null', () => {
    expect(parseFiniteCell('NaN')).toBeNull();
    expect(parseFiniteCell('')).toBeNull();
    expect(parseFiniteCell('—')).toBeNull();
    expect(parseFiniteCell('fast')).toBeNull();
  });
});

describe('isMissingCell', () => {
  it('says a cell with no value is missing', () => {
    for (const missing of [
      null,
      undefined,
      Number.NaN,
      '',
      '  ',
      'NaN',
      'nan',
      'None',
      'null',
      '—',
      '-',
      'N/A',
    ]) {
      expect(isMissingCell(missing), String(missing)).toBe(true);
    }
  });

  it('says a cell holding a value, even an unreadable one, is not missing', () => {
    for (const present of [0, '0', 'inf', Infinity, 'fast', 'bfloat16', false]) {
      expect(isMissingCell(present), String(present)).toBe(false);
    }
  });
});

describe('parseTextCell', () => {
  it('trims text', () => {
    expect(parseTextCell('  bfloat16 ')).toBe('bfloat16');
  });

  it('writes numbers and booleans as text', () => {
    expect(parseTextCell(200)).toBe('200');
    expect(parseTextCell(200.0)).toBe('200');
    expect(parseTextCell(0.5)).toBe('0.5');
    expect(parseTextCell(true)).toBe('true');
  });

  it('reads empty text and the missing words as missing', () => {
    for (const missing of ['', '   ', 'NaN', 'nan', 'None', 'null', '—']) {
      expect(parseTextCell(missing), JSON.stringify(missing)).toBeNull();
    }
  });

  it('reads values that have no text as null', () => {
    expect(parseTextCell(null)).toBeNull();
    expect(parseTextCell(undefined)).toBeNull();
    expect(parseTextCell(Number.NaN)).toBeNull();
    expect(parseTextCell(Infinity)).toBeNull();
    expect(parseTextCell({ a: 1 })).toBeNull();
  });
});
