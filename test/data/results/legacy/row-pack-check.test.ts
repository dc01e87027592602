import { describe, expect, it } from 'vitest';
import { isResultsPack } from '../../../../src/data/results/legacy/row-pack-check';
import type { ResultsPack } from '../../../../src/data/results/legacy/row-pack';
import { packResults } from '../../../helpers/legacy-pack';
import { seedDataset } from '../../../helpers/seed';

const h100 = seedDataset('H100');

describe('a pack read back from storage', () => {
  const good = (): ResultsPack => packResults(h100.results);

  it('is accepted whole', () => {
    expect(isResultsPack(good())).toBe(true);
    expect(isResultsPack(packResults([]))).toBe(true);
  });

  it('is refused when anything does not add up', () => {
    const pack = good();
    const broken: unknown[] = [
      null,
      'pack',
      { ...pack, count: 17 },
      { ...pack, count: -1 },
      { ...pack, ints: Array.from(pack.ints) },
      { ...pack, numbers: new Float32Array(pack.numbers) },
      { ...pack, strings: [...pack.strings, 3] },
      { ...pack, metricValues: pack.metricValues.slice(1) },
      { ...pack, attributeValues: Int32Array.of(0) },
      { ...pack, metricShapes: [[pack.strings.length]] },
    ];
    for (const value of broken) expect(isResultsPack(value)).toBe(false);
    // A string index out of range in one row.
    const ints = pack.ints.slice();
    ints[8 + 1] = pack.strings.length;
    expect(isResultsPack({ ...pack, ints })).toBe(false);
    // A suite code that is not a suite.
    const suites = pack.ints.slice();
    suites[0] = 3;
    expect(isResultsPack({ ...pack, ints: suites })).toBe(false);
  });
});
