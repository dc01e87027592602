// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  copyAnnouncement,
  copyNote,
  markdownRowCount,
  regressionsOnly,
} from '../../../src/data/compare/compare-copy';
import { fiveVerdictEntries, fiveVerdicts } from './compare-fixtures';

describe('Copy as Markdown', () => {
  it('copies regressions and improvements, every row with unchanged ones, only regressions when shown', () => {
    // One regression, one improvement, one within noise, two missing.
    const entries = fiveVerdictEntries();
    expect(markdownRowCount(entries, false, false)).toBe(2);
    expect(markdownRowCount(entries, false, true)).toBe(5);
    expect(markdownRowCount(entries, true, false)).toBe(1);
    // Only regressions wins over Include unchanged (which it disables).
    expect(markdownRowCount(entries, true, true)).toBe(1);
    expect(markdownRowCount([], false, true)).toBe(0);
  });

  it('says what it will copy and what it copied, one row or many', () => {
    expect(copyNote(1, true, false)).toBe('Copies 1 row: the regressions shown.');
    expect(copyNote(1, true, true)).toBe('Copies 1 row: the regressions shown.');
    expect(copyNote(1234, false, true)).toBe('Copies all 1,234 rows.');
    expect(copyNote(0, false, false)).toBe('Copies 0 rows: regressions and improvements only.');
    expect(copyAnnouncement(1, true)).toBe('Copied 1 row as Markdown.');
    expect(copyAnnouncement(2, true)).toBe('Copied 2 rows as Markdown.');
    expect(copyAnnouncement(2, false)).toBe(
      'Could not copy: the browser did not allow it. Select the table and copy it instead.',
    );
  });

  it('keeps every test but only its regressions under Only regressions', () => {
    const comparison = fiveVerdicts();
    const only = regressionsOnly(comparison);
    expect(
      only.rows.map((row) => [row.label, row.metrics.map((metric) => metric.verdict)]),
    ).toEqual([
      ['serving_qps_1', ['regression']],
      ['serving_qps_2', []],
      ['serving_qps_3', []],
      ['serving_qps_4', []],
      ['serving_qps_5', []],
    ]);
    // The summary still speaks of the whole comparison.
    expect(only.summary).toBe(comparison.summary);
    expect(comparison.rows[1]?.metrics.map((metric) => metric.verdict)).toEqual(['improvement']);
  });
});
