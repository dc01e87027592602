// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RegressionReport, RegressionRow } from '../../../src/data/regression/report';
import {
  REPORT_HEADERS,
  commitRange,
  evidenceText,
  reportMarkdown,
  rowCells,
} from '../../../src/data/regression/report-text';
import { STEPPED_ROW_CELLS } from '../../helpers/regression-step';

const RUN = { index: 0, date: '2026-09-01', commit: null };

const ROW: RegressionRow = {
  gpu: '8×H100',
  testName: 'serving_llama8B_tp1_sharegpt_qps_inf',
  metric: 'ttft_median',
  metricLabel: 'Median TTFT (ms)',
  status: 'confirmed',
  kind: 'regression',
  firstChanged: '2026-09-17',
  lastGood: '2026-09-16',
  commits: { lastGood: null, firstChanged: null },
  medianBefore: 200,
  medianAfter: 240.5,
  changePct: 20.25,
  evidence: { test: 'band', z: 23.46, nBefore: 16, nAfter: 4, from: RUN, to: RUN },
};

const MANN_WHITNEY: RegressionRow['evidence'] = {
  test: 'mann-whitney',
  p: 0.0000376,
  method: 'exact',
  adjustedP: 0.00361,
  welchP: 0.00001,
  candidates: 4,
  nBefore: 20,
  nAfter: 5,
  from: RUN,
  to: RUN,
};

const REPORT: RegressionReport = {
  rows: [ROW],
  events: [],
  judged: 96,
  notes: ['8×H100: 1 run has no date (in its file or its name) and is left out of the series.'],
  rule: 'The rule.',
  marks: [],
};

describe('evidenceText', () => {
  it('gives z against the band to one decimal, with the runs on each side', () => {
    expect(evidenceText(ROW)).toBe('z = 23.5 against the band, 16 → 4 runs');
  });

  it('gives a change point’s p to two figures, adjusted when the night adjusted it', () => {
    expect(evidenceText({ ...ROW, evidence: MANN_WHITNEY })).toBe(
      'Mann–Whitney p = 0.000038 (adjusted 0.0036), 20 → 5 runs',
    );
    expect(evidenceText({ ...ROW, evidence: { ...MANN_WHITNEY, adjustedP: null } })).toBe(
      'Mann–Whitney p = 0.000038, 20 → 5 runs',
    );
  });
});

describe('commitRange', () => {
  it('is — without commits, and marks the side a path does not name with ?', () => {
    expect(commitRange(ROW)).toBe('—');
    expect(commitRange({ ...ROW, commits: { lastGood: 'a1b2c3d', firstChanged: null } })).toBe(
      'a1b2c3d…?',
    );
    expect(commitRange({ ...ROW, commits: { lastGood: null, firstChanged: 'e4f5a6b' } })).toBe(
      '?…e4f5a6b',
    );
  });
});

describe('rowCells', () => {
  it('gives a cell per header, values with two decimals and the change with its sign', () => {
    expect(REPORT_HEADERS).toHaveLength(12);
    expect(rowCells(ROW)).toEqual([...STEPPED_ROW_CELLS, 'z = 23.5 against the band, 16 → 4 runs']);
  });
});

describe('reportMarkdown', () => {
  it('is the table, the notes and the rule, under a heading', () => {
    expect(reportMarkdown(REPORT).split('\n')).toEqual([
      '## Regressions',
      '',
      '| GPU | Test | Metric | Status | Direction | First changed | Last good | Commits | Median before | Median after | Change | Evidence |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      '| 8×H100 | serving_llama8B_tp1_sharegpt_qps_inf | Median TTFT (ms) | confirmed | regression | 2026-09-17 | 2026-09-16 | — | 200.00 | 240.50 | +20.3% | z = 23.5 against the band, 16 → 4 runs |',
      '',
      '- 8×H100: 1 run has no date (in its file or its name) and is left out of the series.',
      '',
      'The rule.',
    ]);
  });

  it('escapes pipes and folds line ends in cells, so a test name cannot break the table', () => {
    const markdown = reportMarkdown({ ...REPORT, rows: [{ ...ROW, testName: 'a|b\nc' }] });
    expect(markdown).toContain('| 8×H100 | a\\|b c | Median TTFT (ms) |');
  });

  it('says nothing changed when no row is flagged, and lists environment events', () => {
    const event = {
      id: '8×H100|2026-09-17|regression',
      gpu: '8×H100',
      date: '2026-09-17',
      kind: 'regression' as const,
      series: [],
      judged: 10,
      share: 0.8,
      reason: 'Most series of 8×H100 got worse on 2026-09-17.',
    };
    expect(reportMarkdown({ ...REPORT, rows: [], notes: [], events: [event] }).split('\n')).toEqual(
      [
        '## Regressions',
        '',
        'No series changed beyond its noise.',
        '',
        '- Most series of 8×H100 got worse on 2026-09-17.',
        '',
        'The rule.',
      ],
    );
  });
});

describe('reportMarkdown of a filtered report with marked runs', () => {
  it('copies the rows shown, says the filter, and lists the runs marked by hand', () => {
    const suspect: RegressionRow = {
      ...ROW,
      gpu: '8×H200',
      status: 'suspect',
      firstChanged: '2026-09-20',
      lastGood: '2026-09-19',
    };
    const report: RegressionReport = {
      ...REPORT,
      rows: [ROW, suspect],
      notes: [],
      marks: [
        { gpu: '8×H200', date: '2026-09-05', kind: 'outlier' },
        { gpu: '8×H100', date: '2026-09-02', kind: 'known change' },
      ],
    };
    expect(
      reportMarkdown(report, { status: 'confirmed', kind: 'all', gpu: null, night: null }).split(
        '\n',
      ),
    ).toEqual([
      '## Regressions',
      '',
      'Showing confirmed changes.',
      '',
      '| GPU | Test | Metric | Status | Direction | First changed | Last good | Commits | Median before | Median after | Change | Evidence |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      '| 8×H100 | serving_llama8B_tp1_sharegpt_qps_inf | Median TTFT (ms) | confirmed | regression | 2026-09-17 | 2026-09-16 | — | 200.00 | 240.50 | +20.3% | z = 23.5 against the band, 16 → 4 runs |',
      '',
      'Runs marked by hand:',
      '- 8×H100 2026-09-02: known change',
      '- 8×H200 2026-09-05: outlier',
      '',
      'The rule.',
    ]);
  });

  it('orders the rows as the page groups them: latest night first', () => {
    const later: RegressionRow = { ...ROW, gpu: '8×H200', firstChanged: '2026-09-20' };
    const lines = reportMarkdown({ ...REPORT, rows: [ROW, later] }).split('\n');
    expect(lines.filter((line) => line.startsWith('| 8×')).map((line) => line.slice(0, 8))).toEqual(
      ['| 8×H200', '| 8×H100'],
    );
  });

  it('says no row matches when the filter shows none', () => {
    const markdown = reportMarkdown(REPORT, {
      status: 'all',
      kind: 'improvement',
      gpu: '8×H100',
      night: null,
    });
    expect(markdown).toContain('Showing improvements on 8×H100.\n\nNo rows.');
    expect(markdown).not.toContain('| GPU |');
  });
});
