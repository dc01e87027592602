// The ingest bench's tables: medians per file next to the bare parse and the floor, with targets,
// and what a pick shows when (a row and the filters, the charts) with its longest task and heap.
import { fmtBytes, fmtMs as fmt } from './format.ts';
import type { Stats } from './format.ts';

export interface IngestTargets {
  ratioToBareParse: number;
  megabytesPerSecond: number;
  longestTaskMs: number;
}

export interface IngestRow {
  case: string;
  key: string;
  bytes: number;
  results: number;
  visibleMs: number;
  bareParseMs: number;
  bareDecodeMs: number;
  ratio: number;
  ratioWithDecode: number;
  floorMs: number;
  floorRatio: number;
  megabytesPerSecond: number;
  longestTaskMs: number;
  longestTaskBeforeVisibleMs: number;
  longTasksOver100: number;
  /** Per repetition: the bare parse; a row of the new data and its filter options painted. */
  bareParse: Stats | null;
  rowsAndFilters: Stats | null;
  /** Each repetition's rows-and-filters time ÷ its own bare parse. */
  rowsAndFiltersRatio: Stats | null;
  /** Every chart showing the new data, and the longest main-thread task until then. */
  charts: Stats | null;
  longestTaskToCharts: Stats | null;
  /** usedJSHeapSize after gc() with the file loaded; and before the first pick. */
  heapUsed: Stats | null;
  heapBefore: number | null;
  samples: unknown[];
  problems: string[];
}

export function printIngest(rows: readonly IngestRow[], targets: IngestTargets): void {
  console.log('');
  console.log(
    'Ingest: file chosen → results in the tables (median), next to JSON.parse of the same bytes in the same page',
  );
  console.log(
    '| file | results | ingest | bare JSON.parse | × parse | × (decode + parse) | floor (worker: read, decode, parse) | floor × parse | MB/s | longest task until visible | longest task, charts and save included |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const ok = (pass: boolean): string => (pass ? '✓' : '✗');
  for (const row of rows) {
    console.log(
      `| ${row.case} | ${row.results.toLocaleString('en-US')} | ${fmt(row.visibleMs)} ms | ${fmt(row.bareParseMs)} ms | ${row.ratio.toFixed(2)}× ${ok(row.ratio <= targets.ratioToBareParse)} | ${row.ratioWithDecode.toFixed(2)}× | ${fmt(row.floorMs)} ms | ${row.floorRatio.toFixed(2)}× | ${row.megabytesPerSecond.toFixed(0)} ${ok(row.megabytesPerSecond >= targets.megabytesPerSecond)} | ${fmt(row.longestTaskBeforeVisibleMs)} ms ${ok(row.longestTaskBeforeVisibleMs <= targets.longestTaskMs)} | ${fmt(row.longestTaskMs)} ms ${ok(row.longestTaskMs <= targets.longestTaskMs)} |`,
    );
  }
  console.log(
    `Targets: ≤ ${targets.ratioToBareParse}× the bare parse, ≥ ${targets.megabytesPerSecond} MB/s, no main-thread task over ${targets.longestTaskMs} ms.`,
  );
  console.log(
    'Floor: a worker that only reads the file whole, decodes it and JSON.parses it, then answers with its timings (median).',
  );
}

/** `median unit (min–max)` of a figure, or n/a. */
function spread(value: Stats | null, format: (n: number) => string, unit = ''): string {
  if (value === null) return 'n/a';
  const shown = `${format(value.median)}${unit}`;
  return value.n === 1 ? shown : `${shown} (${format(value.min)}–${format(value.max)})`;
}

export function printPicks(rows: readonly IngestRow[]): void {
  console.log('');
  console.log(
    'Pick → the new data shown: a row of it in a table and its filter options, then every chart (median, min–max)',
  );
  console.log(
    '| file | rows + filters | × bare parse | charts drawn | longest task to charts | heap after gc() (before the pick) |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.case} | ${spread(row.rowsAndFilters, fmt, ' ms')} | ${spread(row.rowsAndFiltersRatio, (n) => n.toFixed(2), '×')} | ${spread(row.charts, fmt, ' ms')} | ${spread(row.longestTaskToCharts, fmt, ' ms')} | ${spread(row.heapUsed, fmtBytes)} (${row.heapBefore === null ? 'n/a' : fmtBytes(row.heapBefore)}) |`,
    );
  }
}
