// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sameKeys } from '../../../src/data/results/same-keys';

describe('sameKeys', () => {
  it('is true only for the same keys in the same order', () => {
    expect(sameKeys({ a: 1, b: 2 }, ['a', 'b'])).toBe(true);
    expect(sameKeys({ b: 2, a: 1 }, ['a', 'b'])).toBe(false);
    expect(sameKeys({ a: 1 }, ['a', 'b'])).toBe(false);
    expect(sameKeys({ a: 1, b: 2, c: 3 }, ['a', 'b'])).toBe(false);
    expect(sameKeys({}, [])).toBe(true);
  });
});
