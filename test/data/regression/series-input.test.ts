// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { orderPoints, runDate, usableRuns } from '../../../src/data/regression/series-input';

describe('orderPoints', () => {
  it('sorts by date and counts the runs without a (readable) date', () => {
    const result = orderPoints([
      { date: '2026-01-03', value: 3 },
      { date: null, value: 9 },
      { date: '2026-01-01', commit: 'a', value: 1 },
      { date: 'last tuesday', value: 8 },
      { date: '2026-01-02T03:15:00', value: 2 },
    ]);
    expect(result).toEqual({
      ok: true,
      points: [
        { date: '2026-01-01', commit: 'a', value: 1 },
        { date: '2026-01-02T03:15:00', value: 2 },
        { date: '2026-01-03', value: 3 },
      ],
      undated: 2,
    });
  });

  it('refuses two runs on the same date with a message, not a crash', () => {
    const result = orderPoints([
      { date: '2026-01-02', value: 1 },
      { date: '2026-01-05', value: 2 },
      { date: '2026-01-02', value: 3 },
      { date: null, value: 4 },
    ]);
    expect(result).toEqual({
      ok: false,
      message:
        'runs share a date (2 runs on 2026-01-02): one run per date is needed to put them in order',
      duplicates: [{ date: '2026-01-02', indexes: [0, 2] }],
      undated: 1,
    });
  });
});

describe('usableRuns', () => {
  it('skips and reports missing, non-finite and non-positive values; counts undated runs', () => {
    const result = usableRuns([
      { date: '2026-01-01', value: 100 },
      { date: '2026-01-02', value: Number.NaN },
      { date: null, value: 100 },
      { date: '2026-01-03', value: null },
      { date: '2026-01-04', value: Infinity },
      { date: '2026-01-05', value: 0 },
      { date: '2026-01-06', commit: 'abc', value: Math.E },
    ]);
    expect(result).toEqual({
      ok: true,
      runs: [
        { index: 0, date: '2026-01-01', commit: null, value: 100, log: Math.log(100) },
        { index: 6, date: '2026-01-06', commit: 'abc', value: Math.E, log: 1 },
      ],
      undated: 1,
      skipped: [
        { index: 1, date: '2026-01-02', reason: 'not finite' },
        { index: 3, date: '2026-01-03', reason: 'missing' },
        { index: 4, date: '2026-01-04', reason: 'not finite' },
        { index: 5, date: '2026-01-05', reason: 'not positive' },
      ],
      truncated: false,
    });
  });

  it('makes only the latest usable runs when asked, still listing every unusable point', () => {
    const points = [
      { date: '2026-01-01', value: 1 },
      { date: '2026-01-02', value: null },
      { date: '2026-01-03', value: 3 },
      { date: null, value: 9 },
      { date: '2026-01-04', value: 4 },
      { date: '2026-01-05', value: 0 },
      { date: '2026-01-06', value: 6 },
    ];
    // The last 2 usable: 01-04 and 01-06; 01-01 and 01-03 are left unread.
    expect(usableRuns(points, 2)).toEqual({
      ok: true,
      runs: [
        { index: 4, date: '2026-01-04', commit: null, value: 4, log: Math.log(4) },
        { index: 6, date: '2026-01-06', commit: null, value: 6, log: Math.log(6) },
      ],
      undated: 1,
      skipped: [
        { index: 1, date: '2026-01-02', reason: 'missing' },
        { index: 5, date: '2026-01-05', reason: 'not positive' },
      ],
      truncated: true,
    });
    // As many as there are: nothing left unread.
    const all = usableRuns(points, 4);
    expect(all.ok && all.runs.map((run) => run.index)).toEqual([0, 2, 4, 6]);
    expect(all.ok && all.truncated).toBe(false);
    // Order is still checked over every point, read or not.
    const unordered = usableRuns([{ date: '2026-01-02', value: 1 }, ...points], 2);
    expect(unordered.ok).toBe(false);
  });

  it('reads dates with a time as well as plain days, and nothing else', () => {
    expect(runDate({ date: '2026-01-21' })).toBe('2026-01-21');
    expect(runDate({ date: '2026-01-21T03:15' })).toBe('2026-01-21T03:15');
    expect(runDate({ date: '2026-01-21T03:15:00.5' })).toBe('2026-01-21T03:15:00.5');
    for (const date of [
      '2026/01/21',
      '2026-01-2x',
      '2026-1-21',
      ' 2026-01-21',
      '2026-01-21Z',
      'x026-01-21',
      '2026_01-21',
      '2026-01_21',
    ]) {
      expect(runDate({ date })).toBeNull();
    }
  });

  it('refuses points out of date order and names duplicates', () => {
    expect(
      usableRuns([
        { date: '2026-01-02', value: 1 },
        { date: '2026-01-01', value: 1 },
      ]),
    ).toEqual({
      ok: false,
      message: 'runs are not in date order (2026-01-01 comes after 2026-01-02)',
      undated: 0,
    });
    const duplicate = usableRuns([
      { date: '2026-01-01', value: 1 },
      { date: '2026-01-01', value: 2 },
    ]);
    expect(duplicate.ok).toBe(false);
    expect(!duplicate.ok && duplicate.message).toContain('2 runs on 2026-01-01');
  });
});
