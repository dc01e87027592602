// The ingest bench's table: medians per file next to the bare parse and the floor, with targets.
import { fmtMs as fmt } from './format.ts';

export interface IngestTargets {
  ratioToBareParse: number;
  megabytesPerSecond: number;
  longestTaskMs: number;
}

export interface IngestRow {
  case: string;
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
