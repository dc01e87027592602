import { describe, expect, it } from 'vitest';
import { isStoredPack, readStoredPack } from '../../../../src/data/results/legacy/stored-row-pack';
import { packColumns } from '../../../../src/data/results/legacy/pack-columns';
import { rowsOfColumns } from '../../../../src/data/results/columns-rows';
import { packResults, storePack } from '../../../helpers/legacy-pack';
import { seedDataset } from '../../../helpers/seed';

const h100 = seedDataset('H100');

describe('a pack kept in storage as one Blob', () => {
  it('reads back to the same results, and was made in four steps with a pause between them', async () => {
    const pack = packResults(h100.results);
    let pauses = 0;
    const stored = await storePack(pack, () => {
      pauses += 1;
      return Promise.resolve();
    });
    expect(pauses).toBe(4);
    expect(isStoredPack(stored)).toBe(true);
    // 18 results: 7 numbers each (8 bytes), their metric values (8 bytes), 8 ints each (4 bytes).
    expect(stored.lengths).toEqual([18 * 7, pack.metricValues.length, 18 * 8, 0]);
    expect(stored.data.size).toBe(18 * 7 * 8 + pack.metricValues.length * 8 + 18 * 8 * 4);
    const back = await readStoredPack(stored);
    expect(back).not.toBeNull();
    if (back === null) return;
    expect(rowsOfColumns(packColumns(back))).toEqual(h100.results);
  });

  it('is refused when its bytes are not what its lengths say, or make a bad pack', async () => {
    const stored = await storePack(packResults(h100.results));
    const lengths = stored.lengths;
    // One byte short, and a length that claims more than there is.
    expect(
      await readStoredPack({ ...stored, data: stored.data.slice(0, stored.data.size - 1) }),
    ).toBeNull();
    expect(
      await readStoredPack({ ...stored, lengths: [lengths[0] + 1, lengths[1], lengths[2], 0] }),
    ).toBeNull();
    // The right number of bytes, all 0xff: every int is −1, not a suite.
    const junk = new Blob([new Uint8Array(stored.data.size).fill(0xff)]);
    expect(await readStoredPack({ ...stored, data: junk })).toBeNull();
    expect(isStoredPack({ ...stored, data: 'bytes' })).toBe(false);
    expect(isStoredPack({ ...stored, lengths: [1, 2, 3] })).toBe(false);
    expect(isStoredPack(null)).toBe(false);
  });
});
