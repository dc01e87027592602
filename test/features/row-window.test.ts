import { describe, expect, it } from 'vitest';
import { rowWindow, toRowOffset } from '../../src/features/results-table/row-window';

// Rows of 45 px, 10 rows of overscan, as the results tables use.
const ROW = 45;
const OVERSCAN = 10;

describe('rowWindow: the rows to render for a scroll position', () => {
  const scale = { full: 1000 * ROW, shown: 1000 * ROW };

  it('at the top: the 10 rows in a 450 px view and 10 more below', () => {
    expect(rowWindow(1000, ROW, OVERSCAN, scale, 0, 450)).toEqual({
      first: 0,
      last: 19,
      paddingTop: 0,
      // 45,000 px in all, 20 rows (900 px) rendered.
      paddingBottom: 44_100,
    });
  });

  it('scrolled to row 100: rows 90 … 119, the spacer above holding rows 0 … 89', () => {
    expect(rowWindow(1000, ROW, OVERSCAN, scale, 100 * ROW, 450)).toEqual({
      first: 90,
      last: 119,
      paddingTop: 90 * ROW,
      paddingBottom: 45_000 - 90 * ROW - 30 * ROW,
    });
  });

  it('at the bottom: the last row is rendered and nothing is below it', () => {
    expect(rowWindow(1000, ROW, OVERSCAN, scale, 45_000 - 450, 450)).toEqual({
      first: 980,
      last: 999,
      paddingTop: 980 * ROW,
      paddingBottom: 0,
    });
  });

  it('with no rows renders none, and with no height yet the first rows and the overscan', () => {
    expect(rowWindow(0, ROW, OVERSCAN, { full: 0, shown: 0 }, 0, 450)).toEqual({
      first: 0,
      last: -1,
      paddingTop: 0,
      paddingBottom: 0,
    });
    expect(rowWindow(1000, ROW, OVERSCAN, scale, 0, 0)).toMatchObject({ first: 0, last: 10 });
  });

  it('keeps to the rows there are when the offset is past the end (rows were just filtered out)', () => {
    expect(
      rowWindow(150, ROW, OVERSCAN, { full: 150 * ROW, shown: 150 * ROW }, 40_000, 450),
    ).toEqual({ first: 139, last: 149, paddingTop: 139 * ROW, paddingBottom: 0 });
  });
});

describe('a million rows, the scroll area compressed to 16,000,000 px', () => {
  // 1,000,000 rows need 45,000,000 px; the view is 900 px, so the scroll range is 15,999,100 px
  // standing for 44,999,100 px of rows.
  const scale = { full: 45_000_000, shown: 16_000_000 };

  it('maps both ends of the scroll range onto the first and the last row', () => {
    expect(toRowOffset(0, scale, 900)).toBe(0);
    expect(toRowOffset(15_999_100, scale, 900)).toBe(44_999_100);
    expect(rowWindow(1_000_000, ROW, OVERSCAN, scale, 15_999_100, 900)).toEqual({
      first: 999_970,
      last: 999_999,
      // The row at the offset (999,980) sits at the scroll position; 10 overscan rows above it.
      paddingTop: 15_999_100 - 10 * ROW,
      paddingBottom: 0,
    });
  });

  it('halfway down shows the rows halfway through', () => {
    // Half the range, 7,999,550 px, stands for 22,499,550 px: row 499,990 at the top.
    expect(rowWindow(1_000_000, ROW, OVERSCAN, scale, 7_999_550, 900)).toEqual({
      first: 499_980,
      last: 500_019,
      paddingTop: 7_999_550 - 10 * ROW,
      paddingBottom: 16_000_000 - (7_999_550 - 10 * ROW) - 40 * ROW,
    });
  });
});
