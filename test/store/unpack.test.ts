// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rowsOfColumns } from '../../src/data/results/columns-rows';
import { columnsOf } from '../../src/data/results/result-columns';
import { rowsSliced } from '../../src/store/unpack';
import { SEED_GPUS, seedDataset } from '../helpers/seed';

// The seed's three runs as columns: 18 results each.
const sets = SEED_GPUS.map((gpu) => columnsOf(seedDataset(gpu).results));

describe('rowsSliced', () => {
  it('makes each set’s rows, as made at once', async () => {
    const rows = await rowsSliced(sets);
    expect(rows?.map((list) => list.length)).toEqual([18, 18, 18]);
    rows?.forEach((list, i) => {
      expect(list.map((result) => result.testName)).toEqual(
        rowsOfColumns(sets[i] ?? columnsOf([])).map((result) => result.testName),
      );
    });
  });

  it('runs one budget across the sets, so a slice can end between two of them', async () => {
    // With no time to spare, every step ends a slice: one step per set (18 rows each), so a
    // yield after the first and after the second. Each set in a slice of its own that began when
    // the one before ended would never yield at all.
    let yields = 0;
    const rows = await rowsSliced(
      sets,
      () => {
        yields += 1;
        return false;
      },
      0,
    );
    expect(rows).toHaveLength(3);
    expect(yields).toBe(2);
  });

  it('gives nothing when cancelled at a yield', async () => {
    expect(await rowsSliced(sets, () => true, 0)).toBeNull();
  });
});
