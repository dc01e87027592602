import {
  formatNumber,
  formatStats,
  formatSummary,
  summaryCells,
  verdictOf,
} from '../../bench/summary.ts';
import type { SummaryRow } from '../../bench/summary.ts';

const spread = (median: number, min: number, max: number, n = 3) => ({ median, min, max, n });

describe('verdictOf', () => {
  it('passes a median at or under the limit, fails one over it, and has none without a value', () => {
    expect(verdictOf(spread(50, 40, 90), 50)).toBe('PASS');
    expect(verdictOf(spread(50.1, 10, 20), 50)).toBe('FAIL');
    expect(verdictOf(null, 50)).toBe('n/a');
  });
});

describe('formatNumber and formatStats', () => {
  it('writes each unit as the tables do', () => {
    expect(formatNumber(1234.4, 'ms')).toBe('1234');
    expect(formatNumber(57.34, 'ms')).toBe('57.3');
    expect(formatNumber(0.4123, 's')).toBe('0.41');
    expect(formatNumber(2.9449, '×')).toBe('2.94');
    expect(formatNumber(42.84, 'MB')).toBe('42.8');
    expect(formatNumber(1204, 'count')).toBe('1,204');
  });

  it('gives median (min–max), or the median alone for one measurement or no spread', () => {
    expect(formatStats(spread(57.3, 41.8, 105, 6), 'ms')).toBe('57.3 ms (41.8–105)');
    expect(formatStats(spread(2.5, 2.1, 3.2), '×')).toBe('2.50× (2.10–3.20)');
    expect(formatStats(spread(26, 26, 26, 1), 'count')).toBe('26');
    expect(formatStats(spread(0.41, 0.41, 0.41, 4), 's')).toBe('0.41 s');
  });
});

describe('summaryCells', () => {
  it('shows a ratio with what it was worked out from, its baseline, target and stretch', () => {
    const row: SummaryRow = {
      figure: 'ingest ÷ bare JSON.parse',
      unit: '×',
      value: spread(2.5, 2.1, 3.2),
      detail: { label: 'ingest', unit: 'ms', value: spread(1409, 1263, 2298) },
      baseline: { label: 'JSON.parse', unit: 'ms', value: spread(160, 110, 251) },
      target: 3,
      stretch: 1.5,
    };
    expect(summaryCells(row)).toEqual([
      'ingest ÷ bare JSON.parse',
      '2.50× (2.10–3.20); ingest 1409 ms (1263–2298)',
      'JSON.parse 160 ms (110–251)',
      '≤ 3×',
      '≤ 1.5× FAIL',
      'PASS',
    ]);
  });

  it('says why a figure is missing, and judges nothing then', () => {
    const row: SummaryRow = {
      figure: 'filter click → paint, 1M',
      unit: 'ms',
      value: null,
      target: 200,
      why: '--sizes has no 1,000,000',
    };
    expect(summaryCells(row)).toEqual([
      'filter click → paint, 1M',
      'n/a: --sizes has no 1,000,000',
      '—',
      '≤ 200 ms',
      '—',
      'n/a',
    ]);
  });

  it('writes a stretch in seconds and megabytes as the targets are set', () => {
    const heap: SummaryRow = {
      figure: 'heap',
      unit: 'MB',
      value: spread(42.8, 42.6, 43),
      target: 100,
      stretch: 60,
    };
    expect(summaryCells(heap).slice(3)).toEqual(['≤ 100 MB', '≤ 60 MB PASS', 'PASS']);
    const firstRow: SummaryRow = {
      figure: 'first row',
      unit: 's',
      value: spread(0.45, 0.4, 0.7),
      target: 0.6,
      stretch: 0.3,
    };
    expect(summaryCells(firstRow).slice(1)).toEqual([
      '0.45 s (0.40–0.70)',
      '—',
      '≤ 0.6 s',
      '≤ 0.3 s FAIL',
      'PASS',
    ]);
  });
});

describe('formatSummary', () => {
  it('pads every column to its widest cell, the header included, as a Markdown table', () => {
    const rows: SummaryRow[] = [
      { figure: 'a', unit: 'count', value: spread(3, 3, 3, 1), target: 0 },
      { figure: 'longest figure name', unit: 'count', value: spread(0, 0, 0, 1), target: 0 },
    ];
    // Widths: figure 19 (the longest name), then the headers' own: 26, 18, 6, 7, 7.
    expect(formatSummary(rows)).toEqual([
      '| figure              | measured: median (min–max) | baseline, same run | target | stretch | verdict |',
      '|---------------------|----------------------------|--------------------|--------|---------|---------|',
      '| a                   | 3                          | —                  | ≤ 0    | —       | FAIL    |',
      '| longest figure name | 0                          | —                  | ≤ 0    | —       | PASS    |',
    ]);
  });
});
