// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  NumberRanks,
  CountingPass,
  countingPass,
  fillBySuite,
  gather,
  identityOrder,
  mapped,
  remapCodes,
} from '../../../src/data/results/index-passes';
import { NOT_APPLICABLE } from '../../../src/data/results/filter-groups';

describe('NumberRanks', () => {
  it('codes values by first sight, then ranks them by size with missing last', () => {
    const ranks = new NumberRanks(5);
    expect([16, null, 1, Infinity, 16].map((value, row) => ranks.set(row, value))).toEqual([
      0, 1, 2, 3, 0,
    ]);
    expect(ranks.rank()).toBe(4);
    // 1 < 16 < Infinity < missing.
    expect([...ranks.codes]).toEqual([1, 3, 0, 2, 1]);
  });
});

describe('countingPass', () => {
  it('orders rows by key, keeping the given order among equal keys', () => {
    const keys = [2, 0, 1, 0, 2];
    const out = new Uint32Array(5);
    countingPass(identityOrder(5), keys, 3, out);
    expect([...out]).toEqual([1, 3, 2, 0, 4]);
    // A second, more significant pass (keys by row: rows 1, 2, 4 have 0, rows 0, 3 have 1)
    // keeps the first pass's order among its ties.
    const next = new Uint32Array(5);
    countingPass(out, [1, 0, 0, 1, 0], 2, next);
    expect([...next]).toEqual([1, 2, 4, 3, 0]);
  });
});

describe('array helpers', () => {
  it('maps, gathers and remaps codes as their contracts say', () => {
    expect([...identityOrder(3)]).toEqual([0, 1, 2]);
    expect([...mapped(Uint32Array.of(2, 0, 2), Uint32Array.of(7, 8, 9))]).toEqual([9, 7, 9]);
    const into = new Uint16Array(4);
    const counts = new Uint32Array(3);
    // Codes by row: 2, 0, not applicable, 2; read in the order rows 3, 0, 1, 2.
    gather(Uint16Array.of(2, 0, NOT_APPLICABLE, 2), Uint32Array.of(3, 0, 1, 2), into, counts);
    expect([...into]).toEqual([2, 2, 0, NOT_APPLICABLE]);
    // Code 0 once, code 1 never, code 2 twice; not applicable is not a value to count.
    expect([...counts]).toEqual([1, 0, 2]);
    const codes = Uint16Array.of(0, NOT_APPLICABLE, 1);
    remapCodes(codes, Uint16Array.of(1, 0));
    expect([...codes]).toEqual([1, NOT_APPLICABLE, 0]);
  });
});

describe('passes a range of rows at a time', () => {
  it('give what one pass over all rows gives, range after range', () => {
    // Ranks: values by row 16, null, 1, 16 | Infinity, 1: ranked 1 < 16 < Infinity < missing.
    const ranks = new NumberRanks(6);
    [16, null, 1, 16, Infinity, 1].forEach((value, row) => ranks.set(row, value));
    ranks.rankRows({ from: 0, to: 4 });
    expect([...ranks.codes]).toEqual([1, 3, 0, 1, 3, 2]); // rows 4, 5 still first-seen codes
    ranks.rankRows({ from: 4, to: 6 });
    expect([...ranks.codes]).toEqual([1, 3, 0, 1, 2, 0]);
    expect(ranks.rankOfCode().length).toBe(4);

    // A counting pass by keys 2, 0, 1, 0, 2 over rows 0-4, counted and placed in two ranges.
    const keys = [2, 0, 1, 0, 2];
    const order = identityOrder(5, new Uint32Array(5), { from: 0, to: 2 });
    identityOrder(5, order, { from: 2, to: 5 });
    expect([...order]).toEqual([0, 1, 2, 3, 4]);
    const pass = new CountingPass(keys, 3);
    pass.count(order, { from: 0, to: 3 });
    pass.count(order, { from: 3, to: 5 });
    const out = new Uint32Array(5).fill(9);
    pass.place(order, out, { from: 0, to: 2 });
    // Places: key 0's rows at 0-1, key 1's at 2, key 2's at 3-4. Rows 0 (key 2) and 1 (key 0)
    // placed so far, each at the first place of its key.
    expect([...out]).toEqual([1, 9, 9, 0, 9]);
    pass.place(order, out, { from: 2, to: 5 });
    expect([...out]).toEqual([1, 3, 2, 0, 4]);

    // Suites by position 2, 0, 2 | 1, 2: each suite's positions in order across the ranges.
    const suiteAt = Uint8Array.of(2, 0, 2, 1, 2);
    const arrays = [new Uint32Array(1), new Uint32Array(1), new Uint32Array(3)];
    const filled = [0, 0, 0];
    fillBySuite(suiteAt, arrays, filled, { from: 0, to: 3 });
    fillBySuite(suiteAt, arrays, filled, { from: 3, to: 5 });
    expect(arrays.map((positions) => [...positions])).toEqual([[1], [3], [0, 2, 4]]);

    // Gather and remap, the second range only: the first stays as it was.
    const into = new Uint16Array(3);
    const counts = new Uint32Array(2);
    gather(Uint16Array.of(1, 0, 1), Uint32Array.of(2, 1, 0), into, counts, { from: 1, to: 3 });
    expect([...into]).toEqual([0, 0, 1]);
    expect([...counts]).toEqual([1, 1]);
    const codes = Uint16Array.of(0, 1, 0);
    remapCodes(codes, Uint16Array.of(1, 0), { from: 1, to: 3 });
    expect([...codes]).toEqual([0, 0, 1]);
    expect([
      ...mapped(Uint32Array.of(2, 0), Uint32Array.of(7, 8, 9), new Uint32Array(2), {
        from: 1,
        to: 2,
      }),
    ]).toEqual([0, 7]);
  });
});
