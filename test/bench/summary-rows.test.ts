import type { CodeFigures } from '../../bench/code-figures.ts';
import type { SizeRow } from '../../bench/explorer.ts';
import type { IngestRow } from '../../bench/ingest-report.ts';
import { summaryRows } from '../../bench/summary-rows.ts';
import type { SummaryInputs } from '../../bench/summary-rows.ts';
import { verdictOf } from '../../bench/summary.ts';

const spread = (median: number, min: number, max: number, n = 3) => ({ median, min, max, n });

const ingest: IngestRow = {
  case: 'embedded JSON, 100,000 results',
  key: '100k',
  bytes: 28_500_000,
  results: 100_000,
  visibleMs: 1409,
  bareParseMs: 160,
  bareDecodeMs: 100,
  ratio: 8.8,
  ratioWithDecode: 5.4,
  floorMs: 390,
  floorRatio: 2.4,
  megabytesPerSecond: 19,
  longestTaskMs: 135,
  longestTaskBeforeVisibleMs: 120,
  longTasksOver100: 4,
  bareParse: spread(160, 110, 251),
  rowsAndFilters: spread(1409, 1263, 2298),
  rowsAndFiltersRatio: spread(8.8, 8.1, 11.5),
  charts: spread(2014, 1828, 3012),
  longestTaskToCharts: spread(135, 114, 135),
  heapUsed: spread(42_800_000, 42_600_000, 43_000_000),
  heapBefore: 18_600_000,
  samples: [],
  problems: [],
};

const size = (results: number, filter: number, loop: number): SizeRow => ({
  results,
  files: results / 10_000,
  data: { bytes: results * 278, generateMs: null },
  problems: [],
  filter: { ok: true, ...spread(filter, filter - 10, filter + 40, 6), samples: [] },
  baseline: {
    ok: true,
    filterMs: spread(loop, loop, loop * 2, 6),
    sortMs: spread(20, 18, 25, 6),
    kept: 0,
    samples: { filterMs: [], sortMs: [], kept: 0, suites: 0 },
  },
});

const code: CodeFigures = {
  duplicates: { available: true, pairs: 26, firstLine: '26 pairs of places (206 files read)' },
  featureImports: [],
  longFiles: [{ path: 'src/big.ts', lines: 401 }],
  sourceFiles: 189,
};

const measured: SummaryInputs = {
  ingest: { ran: true, value: ingest },
  largePick: {
    ran: true,
    value: {
      results: 1_000_000,
      files: 100,
      problems: [],
      ok: true,
      rowsAndFilters: spread(12_000, 11_000, 13_000, 1),
      charts: spread(15_000, 15_000, 15_000, 1),
      longestTaskToCharts: spread(420, 420, 420, 1),
      samples: [],
    },
  },
  explorer: { ran: true, value: { sizes: [size(100_000, 57.3, 0.4), size(1_000_000, 150, 3.2)] } },
  firstRow: {
    ran: true,
    value: { ok: true, painted: spread(412, 380, 520, 5), samples: [], problems: [] },
  },
  code: { ran: true, value: code },
};

describe('summaryRows', () => {
  it('gives every figure its value, baseline and verdict, in the order of the targets', () => {
    const rows = summaryRows(measured);
    expect(
      rows.map((row) => [
        row.unit,
        row.value?.median,
        row.baseline?.value.median,
        verdictOf(row.value, row.target),
      ]),
    ).toEqual([
      ['×', 8.8, 160, 'FAIL'], // ingest ÷ JSON.parse, target 3
      ['ms', 135, undefined, 'FAIL'], // longest task at 100k, target 50
      ['ms', 420, undefined, 'FAIL'], // longest task at 1M, target 100
      ['ms', 57.3, 0.4, 'FAIL'], // filter at 100k, target 50
      ['ms', 150, 3.2, 'PASS'], // filter at 1M, target 200
      ['MB', 42.8, 18.6, 'PASS'], // heap, target 100 MB
      ['s', 0.412, undefined, 'PASS'], // first row, target 0.6 s
      ['count', 26, undefined, 'FAIL'], // duplicates, target 15
      ['count', 0, undefined, 'PASS'], // feature imports
      ['count', 1, undefined, 'FAIL'], // files over 400 lines
    ]);
    expect(rows[0]?.figure).toContain('100k results, 28.5 MB');
    expect(rows[0]?.detail?.value.median).toBe(1409);
    // Heap and first row are scaled with their spread: bytes → MB, ms → s.
    expect(rows[5]?.value).toEqual(spread(42.8, 42.6, 43));
    expect(rows[6]?.value).toEqual(spread(0.412, 0.38, 0.52, 5));
    expect(rows[5]?.stretch).toBe(60);
    expect(rows[6]?.stretch).toBe(0.3);
  });

  it('says why a figure is missing: a part not run, a size not asked for, a tool not there', () => {
    const rows = summaryRows({
      ...measured,
      ingest: { ran: false, why: 'not run (--only)' },
      largePick: { ran: false, why: 'not run (--only)' },
      explorer: { ran: true, value: { sizes: [size(100_000, 57.3, 0.4)] } },
      firstRow: { ran: true, value: { ok: false, error: 'timed out', problems: [] } },
      code: {
        ran: true,
        value: { ...code, duplicates: { available: false, why: 'not available' } },
      },
    });
    expect(rows.map((row) => (row.value === null ? row.why : 'measured'))).toEqual([
      'not run (--only)',
      'not run (--only)',
      'not run (--only)',
      'measured',
      '--sizes has no 1,000,000',
      'not run (--only)',
      'timed out',
      'not available',
      'measured',
      'measured',
    ]);
  });
});
