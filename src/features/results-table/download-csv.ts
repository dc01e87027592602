import { csvBlob, saveBlob } from '../../ui/save-blob';
import type { ResultIndex } from '../../data/results/result-index';

/** Builds the CSV of the rows and columns shown and saves it; the CSV code loads on first use. */
export async function downloadTableCsv(
  fileName: string,
  index: ResultIndex,
  positions: Uint32Array,
  columnIds: readonly string[],
): Promise<void> {
  const { tableCsv } = await import('../../data/results/table-csv');
  saveBlob(csvBlob(tableCsv(index, positions, columnIds)), fileName);
}
