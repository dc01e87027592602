// The summary's rows, worked out from what each part of the run measured: the 100,000-result
// ingest, the million-result pick, the explorer's sizes, the first visit, and the source.
import type { CodeFigures } from './code-figures.ts';
import type { EmptyPage, SizeRow } from './explorer.ts';
import type { FirstRowResult } from './first-row.ts';
import { fmtBytes, fmtInt } from './format.ts';
import type { Stats } from './format.ts';
import type { IngestRow } from './ingest-report.ts';
import type { LargePickResult } from './large-pick.ts';
import type { SummaryRow } from './summary.ts';

export const SUMMARY_TARGETS = {
  ingestRatio: { target: 3, stretch: 1.5 },
  longestTaskMs: { 100_000: 50, 1_000_000: 100 },
  filterMs: { 100_000: 50, 1_000_000: 200 },
  /** Decimal megabytes, as every byte figure of the bench. */
  heapMB: { target: 100, stretch: 60 },
  firstRowS: { target: 0.6, stretch: 0.3 },
  duplicatePairs: 15,
  featureImports: 0,
  longFiles: 0,
} as const;

/** A part's outcome: measured, failed (why), or not run at all. */
export type Part<T> = { ran: true; value: T } | { ran: false; why: string };

export interface SummaryInputs {
  /** The 100,000-result page picked in the ingest part. */
  ingest: Part<IngestRow | { failed: string }>;
  largePick: Part<LargePickResult>;
  explorer: Part<{ sizes: readonly SizeRow[]; emptyPage?: EmptyPage }>;
  firstRow: Part<FirstRowResult>;
  code: Part<CodeFigures>;
}

const one = (n: number): Stats => ({ median: n, min: n, max: n, n: 1 });
const scaled = (value: Stats, by: number): Stats => ({
  ...value,
  median: value.median / by,
  min: value.min / by,
  max: value.max / by,
});

type Measured = Pick<SummaryRow, 'value' | 'detail' | 'baseline' | 'why'>;
const missing = (why: string): Measured => ({ value: null, why });

function fromPart<T>(part: Part<T>, read: (value: T) => Measured): Measured {
  return part.ran ? read(part.value) : missing(part.why);
}

function ingestRows(part: SummaryInputs['ingest']): { ratio: SummaryRow; longest: SummaryRow } {
  const read = (pick: (row: IngestRow) => Measured) =>
    fromPart(part, (row) => ('failed' in row ? missing(row.failed) : pick(row)));
  const size = part.ran && !('failed' in part.value) ? `, ${fmtBytes(part.value.bytes)}` : '';
  return {
    ratio: {
      figure: `ingest ÷ bare JSON.parse (pick → a row and the filters painted; 100k results${size})`,
      unit: '×',
      ...SUMMARY_TARGETS.ingestRatio,
      ...read((row) =>
        row.rowsAndFiltersRatio === null || row.rowsAndFilters === null || row.bareParse === null
          ? missing('the pick did not finish')
          : {
              value: row.rowsAndFiltersRatio,
              detail: { label: 'ingest', unit: 'ms', value: row.rowsAndFilters },
              baseline: { label: 'JSON.parse', unit: 'ms', value: row.bareParse },
            },
      ),
    },
    longest: {
      figure: 'longest main-thread task, pick → all charts drawn, 100k',
      unit: 'ms',
      target: SUMMARY_TARGETS.longestTaskMs[100_000],
      ...read((row) =>
        row.longestTaskToCharts === null
          ? missing('the charts did not draw')
          : { value: row.longestTaskToCharts },
      ),
    },
  };
}

function sizeOf(
  part: SummaryInputs['explorer'],
  n: number,
  read: (row: SizeRow) => Measured,
): Measured {
  return fromPart(part, ({ sizes }) => {
    const row = sizes.find((size) => size.results === n);
    return row === undefined ? missing(`--sizes has no ${fmtInt(n)}`) : read(row);
  });
}

function filterRow(part: SummaryInputs['explorer'], n: 100_000 | 1_000_000): SummaryRow {
  return {
    figure: `filter click → paint, ${n === 100_000 ? '100k' : '1M'}`,
    unit: 'ms',
    target: SUMMARY_TARGETS.filterMs[n],
    ...sizeOf(part, n, (row) => {
      if (!row.filter?.ok) return missing(row.filter?.error ?? 'not measured');
      return {
        value: row.filter,
        ...(row.baseline?.ok
          ? { baseline: { label: 'typed-array loop', unit: 'ms', value: row.baseline.filterMs } }
          : {}),
      };
    }),
  };
}

function countRow(
  figure: string,
  target: number,
  part: Part<CodeFigures>,
  count: (c: CodeFigures) => number | string,
): SummaryRow {
  return {
    figure,
    unit: 'count',
    target,
    ...fromPart(part, (code) => {
      const n = count(code);
      return typeof n === 'string' ? missing(n) : { value: one(n) };
    }),
  };
}

/** Every row of the summary, in the order of the targets. */
export function summaryRows(inputs: SummaryInputs): SummaryRow[] {
  const ingest = ingestRows(inputs.ingest);
  return [
    ingest.ratio,
    ingest.longest,
    {
      figure: 'longest main-thread task, pick → all charts drawn, 1M',
      unit: 'ms',
      target: SUMMARY_TARGETS.longestTaskMs[1_000_000],
      ...fromPart(inputs.largePick, (pick) =>
        pick.ok ? { value: pick.longestTaskToCharts } : missing(pick.error),
      ),
    },
    filterRow(inputs.explorer, 100_000),
    filterRow(inputs.explorer, 1_000_000),
    {
      figure: 'JS heap after loading 100k results (usedJSHeapSize after gc())',
      unit: 'MB',
      ...SUMMARY_TARGETS.heapMB,
      ...fromPart(inputs.ingest, (row) => {
        if ('failed' in row) return missing(row.failed);
        if (row.heapUsed === null) return missing('no heap figure (gc() not exposed?)');
        return {
          value: scaled(row.heapUsed, 1e6),
          ...(row.heapBefore === null
            ? {}
            : {
                baseline: {
                  label: 'before the pick',
                  unit: 'MB',
                  value: one(row.heapBefore / 1e6),
                },
              }),
        };
      }),
    },
    {
      figure: 'first table row after navigation (bundled data, default build)',
      unit: 's',
      ...SUMMARY_TARGETS.firstRowS,
      ...fromPart(inputs.firstRow, (result) =>
        result.ok ? { value: scaled(result.painted, 1000) } : missing(result.error),
      ),
    },
    countRow('`duplicates` pairs in src/', SUMMARY_TARGETS.duplicatePairs, inputs.code, (code) =>
      code.duplicates.available ? code.duplicates.pairs : code.duplicates.why,
    ),
    countRow(
      'feature → feature imports',
      SUMMARY_TARGETS.featureImports,
      inputs.code,
      (code) => code.featureImports.length,
    ),
    countRow(
      'source files over 400 lines (src/**/*.ts, *.tsx)',
      SUMMARY_TARGETS.longFiles,
      inputs.code,
      (code) => code.longFiles.length,
    ),
  ];
}
