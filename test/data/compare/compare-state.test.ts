// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompareSide } from '../../../src/data/compare/compare-sides';
import { DEFAULT_COMPARE_STATE, type CompareState } from '../../../src/data/compare/compare-state';
import { decodeUrlState, encodeUrlState } from '../../../src/data/url-schema';
import { DEFAULT_VIEW_STATE } from '../../../src/data/view-state';
import { DEFAULT_DECISION_STATE } from '../../../src/data/decisions/decision-state';
import { propertyRuns } from '../../helpers/property-runs';

/** The compare part of a link, written by the one URL schema with the default view around it. */
function encodeCompareState(compare: CompareState): string {
  return encodeUrlState({
    view: DEFAULT_VIEW_STATE,
    compare: { ...compare, p99Threshold: null },
    decisions: DEFAULT_DECISION_STATE,
  });
}

/** The compare part of a link read back, without the P99 threshold (tested in url-schema). */
function decodeCompareState(query: string): CompareState {
  const { p99Threshold, ...compare } = decodeUrlState(query).compare;
  expect(p99Threshold).toBeNull();
  return compare;
}

describe('compare URL state, through the URL schema', () => {
  const full: CompareState = {
    open: true,
    baseline: { kind: 'dataset', id: '0a1b2c3d-4k' },
    candidate: { kind: 'gpu', gpu: '8×H200' },
    threshold: 10,
    onlyRegressions: true,
  };

  it('leaves defaults out and writes the rest in a fixed order under cmp names', () => {
    expect(encodeCompareState(DEFAULT_COMPARE_STATE)).toBe('');
    expect(encodeCompareState({ ...DEFAULT_COMPARE_STATE, open: true })).toBe('cmp=1');
    expect(encodeCompareState(full)).toBe(
      'cmp=1&cmp.base=0a1b2c3d-4k&cmp.cand=gpu%3A8%C3%97H200&cmp.thr=10&cmp.only=reg',
    );
    expect(encodeCompareState({ ...DEFAULT_COMPARE_STATE, threshold: 2.5 })).toBe('cmp.thr=2.5');
    expect(encodeCompareState({ ...DEFAULT_COMPARE_STATE, threshold: 0 })).toBe('cmp.thr=0');
  });

  it('reads its own output back, from a string with or without ?', () => {
    const query = encodeCompareState(full);
    expect(decodeCompareState(query)).toEqual(full);
    expect(decodeCompareState(`?${query}`)).toEqual(full);
    expect(
      decodeCompareState(`hide.gpu=8%C3%97H100&q=llama&${query}&sort.serving=desc:ttft_p99`),
    ).toEqual(full);
    expect(decodeCompareState('cmp.base=gpu:8×H100')).toEqual({
      ...DEFAULT_COMPARE_STATE,
      baseline: { kind: 'gpu', gpu: '8×H100' },
    });
  });

  it('ignores junk values and leaves the defaults', () => {
    expect(decodeCompareState('')).toEqual(DEFAULT_COMPARE_STATE);
    for (const junk of [
      'cmp=yes',
      'cmp=true',
      'cmp.thr=-3',
      'cmp.thr=NaN',
      'cmp.thr=abc',
      'cmp.thr=',
      'cmp.thr=1e400',
      'cmp.thr=Infinity',
      'cmp.thr=5%25',
      'cmp.thr=0x10',
      'cmp.thr=%207',
      'cmp.thr=1001',
      'cmp.only=all',
      'cmp.only=1',
      'cmp.base=',
      'cmp.cand=gpu%3A',
      `cmp.base=${'a'.repeat(301)}`,
      'cmpx=1&cmp.thrx=3',
    ]) {
      expect(decodeCompareState(junk), junk).toEqual(DEFAULT_COMPARE_STATE);
    }
    expect(decodeCompareState('cmp.thr=0').threshold).toBe(0);
    expect(decodeCompareState('cmp.thr=.5').threshold).toBe(0.5);
    expect(decodeCompareState('cmp.thr=12&cmp.thr=3').threshold).toBe(12);
  });

  it('does not write what it would not read back', () => {
    expect(
      encodeCompareState({
        ...DEFAULT_COMPARE_STATE,
        baseline: { kind: 'dataset', id: 'a'.repeat(301) },
        candidate: { kind: 'gpu', gpu: '' },
        threshold: -1,
      }),
    ).toBe('');
    expect(encodeCompareState({ ...DEFAULT_COMPARE_STATE, threshold: Number.NaN })).toBe('');
  });

  it('decode(encode(state)) is the state', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom(
          '×',
          '&',
          '=',
          '+',
          '%',
          '#',
          '?',
          ':',
          ' ',
          'g',
          'p',
          'u',
          '8',
          '\n',
        ),
        minLength: 1,
        maxLength: 20,
      }),
    );
    const side: fc.Arbitrary<CompareSide | null> = fc.oneof(
      fc.constant(null),
      text.filter((id) => !id.startsWith('gpu:')).map((id) => ({ kind: 'dataset' as const, id })),
      text.map((gpu) => ({ kind: 'gpu' as const, gpu })),
    );
    const state: fc.Arbitrary<CompareState> = fc.record({
      open: fc.boolean(),
      baseline: side,
      candidate: side,
      threshold: fc.oneof(
        fc.constantFrom(0, 5, 2.5, 10, 1000),
        fc.double({ min: 0, max: 1000, noNaN: true }).map((value) => value + 0),
      ),
      onlyRegressions: fc.boolean(),
    });
    fc.assert(
      fc.property(state, (value) => {
        expect(decodeCompareState(encodeCompareState(value))).toEqual(value);
      }),
      { numRuns: propertyRuns(10000) },
    );
  });
});
