// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RegressionRow } from '../../../src/data/regression/report';
import {
  EVERY_ROW,
  filterFor,
  filterText,
  groupLabel,
  reportChoices,
  reportGroups,
  rowShown,
} from '../../../src/data/regression/report-view';

const RUN = { index: 0, date: '2026-09-01', commit: null };

function row(
  gpu: string,
  firstChanged: string,
  status: RegressionRow['status'],
  kind: RegressionRow['kind'],
  testName = 'serving_llama8B_tp1_sharegpt_qps_inf',
): RegressionRow {
  return {
    gpu,
    testName,
    metric: 'ttft_median',
    metricLabel: 'Median TTFT (ms)',
    status,
    kind,
    firstChanged,
    lastGood: '2026-09-01',
    commits: { lastGood: null, firstChanged: null },
    medianBefore: 100,
    medianAfter: 120,
    changePct: 20,
    evidence: { test: 'band', z: 5, nBefore: 16, nAfter: 1, from: RUN, to: RUN },
  };
}

/** Worst first, as the report gives them. */
function rows(): RegressionRow[] {
  return [
    row('8×H200', '2026-09-17', 'confirmed', 'regression', 'a'),
    row('8×H100', '2026-09-20', 'confirmed', 'regression', 'b'),
    row('8×H100', '2026-09-17', 'confirmed', 'improvement', 'c'),
    row('8×H100', '2026-09-20', 'suspect', 'regression', 'd'),
    row('8×H100', '2026-09-20', 'suspect', 'improvement', 'e'),
  ];
}

const names = (groups: ReturnType<typeof reportGroups>) =>
  groups.map((group) => [group.night, group.gpu, group.rows.map((entry) => entry.testName)]);

describe('reportGroups', () => {
  it('groups by night (latest first) and GPU (by name), keeping the report’s order inside', () => {
    expect(names(reportGroups(rows()))).toEqual([
      ['2026-09-20', '8×H100', ['b', 'd', 'e']],
      ['2026-09-17', '8×H100', ['c']],
      ['2026-09-17', '8×H200', ['a']],
    ]);
  });

  it('filters by status, direction, GPU and night, each alone and together', () => {
    expect(names(reportGroups(rows(), { ...EVERY_ROW, status: 'suspect' }))).toEqual([
      ['2026-09-20', '8×H100', ['d', 'e']],
    ]);
    expect(names(reportGroups(rows(), { ...EVERY_ROW, kind: 'improvement' }))).toEqual([
      ['2026-09-20', '8×H100', ['e']],
      ['2026-09-17', '8×H100', ['c']],
    ]);
    expect(names(reportGroups(rows(), { ...EVERY_ROW, gpu: '8×H200' }))).toEqual([
      ['2026-09-17', '8×H200', ['a']],
    ]);
    expect(names(reportGroups(rows(), { ...EVERY_ROW, night: '2026-09-17' }))).toEqual([
      ['2026-09-17', '8×H100', ['c']],
      ['2026-09-17', '8×H200', ['a']],
    ]);
    expect(
      names(
        reportGroups(rows(), {
          status: 'confirmed',
          kind: 'regression',
          gpu: '8×H100',
          night: '2026-09-20',
        }),
      ),
    ).toEqual([['2026-09-20', '8×H100', ['b']]]);
    expect(reportGroups(rows(), { ...EVERY_ROW, gpu: '8×A100' })).toEqual([]);
  });
});

describe('rowShown', () => {
  it('passes a row only when every filter set allows it', () => {
    const entry = row('8×H100', '2026-09-20', 'suspect', 'regression');
    expect(rowShown(entry, EVERY_ROW)).toBe(true);
    expect(rowShown(entry, { ...EVERY_ROW, status: 'confirmed' })).toBe(false);
    expect(rowShown(entry, { ...EVERY_ROW, kind: 'improvement' })).toBe(false);
    expect(rowShown(entry, { ...EVERY_ROW, gpu: '8×H200' })).toBe(false);
    expect(rowShown(entry, { ...EVERY_ROW, night: '2026-09-19' })).toBe(false);
  });
});

describe('groupLabel', () => {
  it('counts the group’s regressions and improvements, and how many are confirmed', () => {
    const [latest, middle] = reportGroups(rows());
    if (latest === undefined || middle === undefined) throw new Error('groups expected');
    expect(groupLabel(latest)).toBe(
      '2026-09-20 · 8×H100: 2 regressions, 1 improvement (1 confirmed)',
    );
    expect(groupLabel(middle)).toBe('2026-09-17 · 8×H100: 1 improvement (1 confirmed)');
    expect(
      groupLabel({
        night: '2026-09-20',
        gpu: '8×H100',
        rows: [row('8×H100', '2026-09-20', 'suspect', 'regression')],
      }),
    ).toBe('2026-09-20 · 8×H100: 1 regression (0 confirmed)');
    expect(
      groupLabel({
        night: '2026-09-20',
        gpu: '8×H100',
        rows: [
          row('8×H100', '2026-09-20', 'confirmed', 'improvement'),
          row('8×H100', '2026-09-20', 'confirmed', 'improvement'),
        ],
      }),
    ).toBe('2026-09-20 · 8×H100: 2 improvements (2 confirmed)');
  });
});

describe('reportChoices', () => {
  it('offers the GPUs by name and the nights latest first, each once', () => {
    expect(reportChoices(rows())).toEqual({
      gpus: ['8×H100', '8×H200'],
      nights: ['2026-09-20', '2026-09-17'],
    });
  });
});

describe('filterText', () => {
  it('is null for every row, and the filter in words otherwise', () => {
    expect(filterText(EVERY_ROW)).toBeNull();
    expect(filterText({ ...EVERY_ROW, status: 'suspect' })).toBe('suspect changes');
    expect(filterText({ ...EVERY_ROW, kind: 'regression' })).toBe('regressions');
    expect(filterText({ ...EVERY_ROW, gpu: '8×H100' })).toBe('changes on 8×H100');
    expect(filterText({ ...EVERY_ROW, night: '2026-09-20' })).toBe('changes first seen 2026-09-20');
    expect(
      filterText({ status: 'confirmed', kind: 'improvement', gpu: '8×H200', night: '2026-09-17' }),
    ).toBe('confirmed improvements on 8×H200 first seen 2026-09-17');
  });
});

describe('filterFor', () => {
  it('drops a GPU or night no row has, and keeps the filter as it is otherwise', () => {
    const chosen = {
      status: 'suspect' as const,
      kind: 'all' as const,
      gpu: '8×H200',
      night: '2026-09-17',
    };
    expect(filterFor(rows(), chosen)).toBe(chosen);
    expect(filterFor(rows(), { ...chosen, gpu: '8×A100' })).toEqual({ ...chosen, gpu: null });
    expect(filterFor(rows(), { ...chosen, night: '2026-09-01' })).toEqual({
      ...chosen,
      night: null,
    });
    expect(filterFor([], chosen)).toEqual({ ...chosen, gpu: null, night: null });
    expect(filterFor(rows(), EVERY_ROW)).toBe(EVERY_ROW);
  });
});
