// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  MAX_RUN_MARKS,
  applyRunMarks,
  knownChangeOf,
  readRunMarks,
  runMarkLines,
  runMarkOf,
  withRunMark,
  type RunMark,
} from '../../../src/data/regression/run-marks';

const H100 = '8×H100';
const H200 = '8×H200';

describe('readRunMarks', () => {
  it('reads marks back from their JSON', () => {
    const marks: RunMark[] = [
      { gpu: H100, date: '2026-09-17', kind: 'known change' },
      { gpu: H200, date: '2026-09-03T03:15:00', kind: 'outlier' },
    ];
    expect(readRunMarks(JSON.stringify(marks))).toEqual(marks);
  });

  it('gives no marks for nothing stored, broken JSON or another shape', () => {
    expect(readRunMarks(null)).toEqual([]);
    expect(readRunMarks('{not json')).toEqual([]);
    expect(readRunMarks('{"gpu":"8×H100"}')).toEqual([]);
    expect(readRunMarks('"outlier"')).toEqual([]);
  });

  it('drops every entry that is not a mark, and keeps the last of a run marked twice', () => {
    const json = JSON.stringify([
      null,
      7,
      { gpu: H100, date: '2026-09-01', kind: 'regression' },
      { gpu: H100, date: 20260901, kind: 'outlier' },
      { gpu: '', date: '2026-09-01', kind: 'outlier' },
      { gpu: 'x'.repeat(201), date: '2026-09-01', kind: 'outlier' },
      { gpu: 'x'.repeat(200), date: '2026-09-01', kind: 'outlier' },
      { gpu: H100, date: '2026-09-02', kind: 'outlier' },
      { gpu: H100, date: '2026-09-02', kind: 'known change', extra: true },
    ]);
    expect(readRunMarks(json)).toEqual([
      { gpu: 'x'.repeat(200), date: '2026-09-01', kind: 'outlier' },
      { gpu: H100, date: '2026-09-02', kind: 'known change' },
    ]);
  });

  it('does not let a stored __proto__ reach any prototype', () => {
    const marks = readRunMarks(
      '[{"__proto__":{"polluted":true},"gpu":"8×H100","date":"2026-09-01","kind":"outlier"}]',
    );
    expect(marks).toEqual([{ gpu: H100, date: '2026-09-01', kind: 'outlier' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps at most MAX_RUN_MARKS entries', () => {
    const many = Array.from({ length: MAX_RUN_MARKS + 5 }, (_, i) => ({
      gpu: H100,
      date: `d${String(i)}`,
      kind: 'outlier',
    }));
    const marks = readRunMarks(JSON.stringify(many));
    expect(marks).toHaveLength(MAX_RUN_MARKS);
    expect(marks[MAX_RUN_MARKS - 1]?.date).toBe(`d${String(MAX_RUN_MARKS - 1)}`);
  });
});

describe('withRunMark and runMarkOf', () => {
  it('sets, replaces and clears the mark of one run, leaving the others', () => {
    let marks = withRunMark([], { gpu: H100, date: '2026-09-01', kind: 'outlier' });
    marks = withRunMark(marks, { gpu: H200, date: '2026-09-01', kind: 'outlier' });
    expect(runMarkOf(marks, H100, '2026-09-01')).toBe('outlier');
    marks = withRunMark(marks, { gpu: H100, date: '2026-09-01', kind: 'known change' });
    expect(runMarkOf(marks, H100, '2026-09-01')).toBe('known change');
    expect(marks).toHaveLength(2);
    marks = withRunMark(marks, { gpu: H100, date: '2026-09-01', kind: null });
    expect(runMarkOf(marks, H100, '2026-09-01')).toBeNull();
    expect(marks).toEqual([{ gpu: H200, date: '2026-09-01', kind: 'outlier' }]);
    expect(runMarkOf(marks, H100, '2026-09-02')).toBeNull();
  });
});

describe('knownChangeOf', () => {
  it('is the latest known change of the GPU, whatever the order marked', () => {
    const marks: RunMark[] = [
      { gpu: H100, date: '2026-09-20', kind: 'known change' },
      { gpu: H100, date: '2026-09-10', kind: 'known change' },
      { gpu: H100, date: '2026-09-25', kind: 'outlier' },
      { gpu: H200, date: '2026-09-28', kind: 'known change' },
    ];
    expect(knownChangeOf(marks, H100)).toBe('2026-09-20');
    expect(knownChangeOf(marks, H200)).toBe('2026-09-28');
    expect(knownChangeOf(marks, '8×A100')).toBeNull();
  });
});

describe('applyRunMarks', () => {
  const dates = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05'];
  const same = (date: string): string => date;

  it('leaves out the GPU’s outliers only', () => {
    const marked = applyRunMarks(
      dates,
      same,
      [
        { gpu: H100, date: '2026-09-02', kind: 'outlier' },
        { gpu: H100, date: '2026-09-04', kind: 'outlier' },
        { gpu: H200, date: '2026-09-03', kind: 'outlier' },
      ],
      H100,
    );
    expect(marked).toEqual({
      kept: ['2026-09-01', '2026-09-03', '2026-09-05'],
      outliers: 2,
      knownChange: null,
      beforeKnownChange: 0,
    });
  });

  it('starts at the known change: the run itself stays, the ones before go, counted apart', () => {
    const marked = applyRunMarks(
      dates,
      same,
      [
        { gpu: H100, date: '2026-09-03', kind: 'known change' },
        { gpu: H100, date: '2026-09-01', kind: 'outlier' },
        { gpu: H100, date: '2026-09-05', kind: 'outlier' },
      ],
      H100,
    );
    // 09-01 is before the change (counted there, not as an outlier); 09-05 is an outlier.
    expect(marked).toEqual({
      kept: ['2026-09-03', '2026-09-04'],
      outliers: 1,
      knownChange: '2026-09-03',
      beforeKnownChange: 2,
    });
  });

  it('changes nothing without marks', () => {
    expect(applyRunMarks(dates, same, [], H100).kept).toEqual(dates);
  });
});

describe('runMarkLines', () => {
  it('lists the marks by GPU, then date', () => {
    expect(
      runMarkLines([
        { gpu: H200, date: '2026-09-01', kind: 'outlier' },
        { gpu: H100, date: '2026-09-17', kind: 'known change' },
        { gpu: H100, date: '2026-09-03', kind: 'outlier' },
      ]),
    ).toEqual([
      '8×H100 2026-09-03: outlier',
      '8×H100 2026-09-17: known change',
      '8×H200 2026-09-01: outlier',
    ]);
  });
});
