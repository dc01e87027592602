import { expect } from 'vitest';
import { plainResult, type BenchmarkResult } from '../../src/data/results/result-model';

/**
 * A result made from columns reads its fields through getters on its prototype, which
 * `toEqual` does not see (it compares own properties). Such a result is compared by its fields,
 * as a plain result of the same fields would be.
 */
function isResultView(value: unknown): value is BenchmarkResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) !== Object.prototype &&
    'testName' in value &&
    'metrics' in value &&
    !Object.hasOwn(value, 'testName')
  );
}

expect.addEqualityTesters([
  function resultFields(a: unknown, b: unknown, customTesters) {
    if (!isResultView(a) && !isResultView(b)) return undefined;
    const plain = (value: unknown): unknown => (isResultView(value) ? plainResult(value) : value);
    return this.equals(plain(a), plain(b), customTesters);
  },
]);
