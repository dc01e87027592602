// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { columnsOf } from '../../../src/data/results/result-columns';
import {
  isStoredColumns,
  readStoredColumns,
  storeColumns,
} from '../../../src/data/results/stored-columns';
import { seedDataset } from '../../helpers/seed';

const h100 = seedDataset('H100');

describe('columns kept in storage as one Blob', () => {
  it('read back to the same results, each column copied with a pause after it', async () => {
    const columns = columnsOf(h100.results);
    let pauses = 0;
    const stored = await storeColumns(columns, () => {
      pauses += 1;
      return Promise.resolve();
    });
    // 8 number dimensions and 10 metrics (8 bytes a row), 6 text dimensions, the metric list
    // and no attributes (4 bytes), the suite (1 byte): 26 columns of 18 rows, a pause after each.
    expect(pauses).toBe(26);
    expect(isStoredColumns(stored)).toBe(true);
    expect(stored.data.size).toBe(18 * (18 * 8 + 7 * 4 + 1));
    const back = await readStoredColumns(stored);
    expect(back).not.toBeNull();
    if (back === null) return;
    expect(rowsOfColumns(back)).toEqual(h100.results);
  });

  it('read columns stored before a dimension was added: it is missing in every row', async () => {
    const stored = await storeColumns(columnsOf(h100.results));
    // As if `variant`, `engine` and `outputLen` were not dimensions yet: their bytes were never
    // written. Everything stored before engines were told apart came from vLLM's benchmarks.
    const textAt = stored.textDimensions.indexOf('variant');
    const numberAt = stored.numberDimensions.indexOf('outputLen');
    const bytes = new Uint8Array(await stored.data.arrayBuffer());
    const count = stored.count;
    const numberBytes = stored.numberDimensions.length * count * 8;
    const metricBytes = stored.metricKeys.length * count * 8;
    const textStart = numberBytes + metricBytes;
    const without = new Blob([
      bytes.slice(0, numberAt * count * 8),
      bytes.slice((numberAt + 1) * count * 8, textStart + textAt * count * 4),
      // `variant` and `engine` are the last two text dimensions: both dropped.
      bytes.slice(textStart + (textAt + 2) * count * 4),
    ]);
    expect(stored.textDimensions.slice(textAt)).toEqual(['variant', 'engine']);
    const older = {
      ...stored,
      textDimensions: stored.textDimensions.filter(
        (name) => name !== 'variant' && name !== 'engine',
      ),
      numberDimensions: stored.numberDimensions.filter((name) => name !== 'outputLen'),
      data: without,
    };
    const back = await readStoredColumns(older);
    expect(back).not.toBeNull();
    if (back === null) return;
    const rows = rowsOfColumns(back);
    expect(rows.map((row) => row.variant)).toEqual(h100.results.map(() => null));
    expect(rows.map((row) => row.engine)).toEqual(h100.results.map(() => 'vLLM'));
    expect(rows.map((row) => row.outputLen)).toEqual(h100.results.map(() => null));
    expect(rows.map((row) => row.testName)).toEqual(h100.results.map((row) => row.testName));
    expect(rows.map((row) => row.metrics)).toEqual(h100.results.map((row) => row.metrics));
  });

  it('are refused when the bytes are not what the counts say, or make bad columns', async () => {
    const stored = await storeColumns(columnsOf(h100.results));
    const short = { ...stored, data: stored.data.slice(0, stored.data.size - 1) };
    expect(await readStoredColumns(short)).toBeNull();
    expect(await readStoredColumns({ ...stored, count: stored.count + 1 })).toBeNull();
    // The right number of bytes, all 0xff: every text code is −1 but the suite is 255.
    const junk = new Blob([new Uint8Array(stored.data.size).fill(0xff)]);
    expect(await readStoredColumns({ ...stored, data: junk })).toBeNull();
    expect(isStoredColumns({ ...stored, data: 'bytes' })).toBe(false);
    expect(isStoredColumns({ ...stored, count: -1 })).toBe(false);
    expect(isStoredColumns({ ...stored, textDimensions: [1] })).toBe(false);
    expect(isStoredColumns({ ...stored, numberDimensions: 'tp' })).toBe(false);
    expect(isStoredColumns({ ...stored, metricKeys: undefined })).toBe(false);
    expect(isStoredColumns({ ...stored, attributeKeys: undefined })).toBe(false);
    expect(isStoredColumns(null)).toBe(false);
  });
});
