// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { historySource } from '../../../src/data/history/history-source';
import {
  hasDatedHistory,
  mayHaveDatedHistory,
  regressionReport,
} from '../../../src/data/regression/report';
import { commitRange } from '../../../src/data/regression/report-text';
import type { Dataset } from '../../../src/data/results/result-model';
import { QPS_1, QPS_INF, h100Run, viewOf } from '../history/history-fixtures';
import { STEADY, STEPPED } from '../../helpers/regression-step';

/** One run per day from 2026-09-01, with the given median TTFT of each test. */
function nights(series: Readonly<Record<string, readonly number[]>>, count = 20): Dataset[] {
  return Array.from({ length: count }, (_, night) =>
    h100Run({
      id: `night-${String(night)}`,
      date: `2026-09-${String(night + 1).padStart(2, '0')}`,
      changes: Object.fromEntries(
        Object.entries(series).map(([test, values]) => [test, { ttft_median: values[night] ?? 0 }]),
      ),
    }),
  );
}

const reportOf = (datasets: readonly Dataset[]) =>
  regressionReport(historySource(viewOf(datasets)));

describe('regressionReport', () => {
  it('lists a lasting step as a confirmed regression, with its dates, medians and change', () => {
    const report = reportOf(nights({ [QPS_INF]: [...STEADY, ...STEPPED] }));
    // Before, sorted: 197 198 198 199 199 200 200 200 | 200 200 201 201 201 202 202 203 → 200.
    // After: 238 240 241 242 → (240 + 241) / 2 = 240.5; 240.5 / 200 − 1 = +20.25%.
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      gpu: '8×H100',
      testName: QPS_INF,
      metricLabel: 'Median TTFT (ms)',
      status: 'confirmed',
      kind: 'regression',
      firstChanged: '2026-09-17',
      lastGood: '2026-09-16',
      medianBefore: 200,
      medianAfter: 240.5,
    });
    expect(report.rows[0]?.changePct).toBe(20.25);
    // Every other series is the same every night. Judged: 3 latency tests × 3 metrics, 3
    // throughput tests × 1, 12 serving tests × 7 (req/s, TTFT and ITL mean, median, P99) = 96.
    expect(report.judged).toBe(96);
    expect(report.notes).toEqual([]);
    expect(report.events).toEqual([]);
    expect(report.rule).toMatch(/Benjamini–Hochberg correction at q = 0\.01 across the 96 series/);
  });

  it('calls a jump in the latest run only a suspect, dated that night', () => {
    const report = reportOf(nights({ [QPS_INF]: [...STEADY, 200, 201, 199, 260] }));
    expect(
      report.rows.map((row) => [row.status, row.kind, row.firstChanged, row.lastGood]),
    ).toEqual([['suspect', 'regression', '2026-09-20', '2026-09-19']]);
  });

  it('puts the worst first: confirmed before suspect, regressions before larger improvements', () => {
    const report = reportOf(
      nights({
        [QPS_INF]: [...STEADY, ...STEPPED],
        // Lower TTFT is better: 30% down is an improvement, and bigger than the regression.
        [QPS_1]: [...STEADY, 140, 141, 139, 140],
        serving_llama70B_tp4_sharegpt_qps_1: [...STEADY, 200, 201, 199, 300],
      }),
    );
    expect(report.rows.map((row) => [row.testName, row.status, row.kind])).toEqual([
      [QPS_INF, 'confirmed', 'regression'],
      [QPS_1, 'confirmed', 'improvement'],
      ['serving_llama70B_tp4_sharegpt_qps_1', 'suspect', 'regression'],
    ]);
  });

  it('gives no verdict on a short history, and says per GPU how many runs it needs', () => {
    const report = reportOf(nights({ [QPS_INF]: [200, 200, 300] }, 3));
    expect(report.rows).toEqual([]);
    expect(report.judged).toBe(0);
    expect(report.notes).toEqual(['8×H100: insufficient history (3 runs, needs 15).']);
  });

  it('leaves runs without a date out of the series, and says how many per GPU', () => {
    const dated = nights({ [QPS_INF]: [...STEADY, ...STEPPED] });
    const undated = [h100Run({ id: 'pr-a' }), h100Run({ id: 'pr-b' })];
    const report = reportOf([...dated, ...undated]);
    // The undated runs keep the file's own median TTFT (238.22 ms); left out, they change nothing.
    expect(report.rows.map((row) => [row.testName, row.status, row.firstChanged])).toEqual([
      [QPS_INF, 'confirmed', '2026-09-17'],
    ]);
    expect(report.notes).toEqual([
      '8×H100: 2 runs have no date (in their files or names) and are left out of the series.',
    ]);
    const one = reportOf([...dated, h100Run({ id: 'pr-a' })]);
    expect(one.notes).toEqual([
      '8×H100: 1 run has no date (in its file or its name) and is left out of the series.',
    ]);
  });

  it("names the commits to bisect between when the runs' paths name them", () => {
    const withCommits = nights({ [QPS_INF]: [...STEADY, ...STEPPED] }).map((run, night) => ({
      ...run,
      meta: { ...run.meta, commit: `c0ffee${String(night).padStart(2, '0')}` },
    }));
    const [row] = reportOf(withCommits).rows;
    // Night 16 (2026-09-16, index 15) is the last good one, night 17 (index 16) the first changed.
    expect(row?.commits).toEqual({ lastGood: 'c0ffee15', firstChanged: 'c0ffee16' });
    expect(row === undefined ? '' : commitRange(row)).toBe('c0ffee15…c0ffee16');
    const [plain] = reportOf(nights({ [QPS_INF]: [...STEADY, ...STEPPED] })).rows;
    expect(plain === undefined ? '' : commitRange(plain)).toBe('—');
  });

  it('knows from the datasets alone when there can be no dated history', () => {
    const two = nights({ [QPS_INF]: [200, 200] }, 2);
    expect(mayHaveDatedHistory(two)).toBe(true);
    expect(mayHaveDatedHistory(two.slice(0, 1))).toBe(false);
    // Undated runs do not count, however many.
    expect(mayHaveDatedHistory([h100Run({ id: 'a' }), h100Run({ id: 'b' }), ...two.slice(1)])).toBe(
      false,
    );
    expect(hasDatedHistory(historySource(viewOf(two)))).toBe(true);
    expect(hasDatedHistory(historySource(viewOf([...two.slice(1), h100Run({ id: 'a' })])))).toBe(
      false,
    );
  });
});

describe('regressionReport with runs marked by hand', () => {
  const H100 = '8×H100';

  it('leaves an outlier out: the latest night’s jump is no longer flagged, and a note says so', () => {
    const datasets = nights({ [QPS_INF]: [...STEADY, 200, 201, 199, 260] });
    const marks = [{ gpu: H100, date: '2026-09-20', kind: 'outlier' as const }];
    const report = regressionReport(historySource(viewOf(datasets)), {}, marks);
    expect(report.rows).toEqual([]);
    expect(report.notes).toEqual(['8×H100: 1 run marked as an outlier left out.']);
    expect(report.marks).toEqual(marks);
  });

  it('starts the history again at a known change: 4 runs after it are too few to judge', () => {
    const datasets = nights({ [QPS_INF]: [...STEADY, ...STEPPED] });
    const report = regressionReport(historySource(viewOf(datasets)), {}, [
      { gpu: H100, date: '2026-09-17', kind: 'known change' },
      { gpu: H100, date: '2026-09-19', kind: 'outlier' },
    ]);
    // 16 runs before 09-17 are left out, and 09-19: 09-17, 09-18 and 09-20 remain.
    expect(report.rows).toEqual([]);
    expect(report.notes).toEqual([
      '8×H100: insufficient history (3 runs, needs 15).',
      '8×H100: its history starts again at the known change of 2026-09-17 (16 runs before it left out); 1 run marked as an outlier left out.',
    ]);
  });

  it('ignores marks of another GPU and of dates it does not have', () => {
    const datasets = nights({ [QPS_INF]: [...STEADY, ...STEPPED] });
    const report = regressionReport(historySource(viewOf(datasets)), {}, [
      { gpu: '8×H200', date: '2026-09-17', kind: 'known change' },
      { gpu: H100, date: '2026-10-01', kind: 'outlier' },
    ]);
    expect(report.rows.map((row) => [row.status, row.firstChanged])).toEqual([
      ['confirmed', '2026-09-17'],
    ]);
    expect(report.notes).toEqual([]);
  });

  it('counts several outliers in the plural', () => {
    const datasets = nights({ [QPS_INF]: [...STEADY, ...STEPPED] });
    const report = regressionReport(historySource(viewOf(datasets)), {}, [
      { gpu: H100, date: '2026-09-02', kind: 'outlier' },
      { gpu: H100, date: '2026-09-03', kind: 'outlier' },
    ]);
    expect(report.notes).toEqual(['8×H100: 2 runs marked as outliers left out.']);
  });

  it('says a known change with one run before it in the singular', () => {
    const datasets = nights({ [QPS_INF]: [...STEADY, ...STEPPED] });
    const report = regressionReport(historySource(viewOf(datasets)), {}, [
      { gpu: H100, date: '2026-09-02', kind: 'known change' },
    ]);
    expect(report.notes).toContain(
      '8×H100: its history starts again at the known change of 2026-09-02 (1 run before it left out).',
    );
  });
});

describe('regressionReport, dates and notes', () => {
  it('gives a run’s day only, when its date carries a time', () => {
    const datasets = [...STEADY, ...STEPPED].map((value, night) =>
      h100Run({
        id: `night-${String(night)}`,
        date: `2026-09-${String(night + 1).padStart(2, '0')}T03:15:00`,
        changes: { [QPS_INF]: { ttft_median: value } },
      }),
    );
    const [row] = regressionReport(historySource(viewOf(datasets))).rows;
    expect([row?.firstChanged, row?.lastGood]).toEqual(['2026-09-17', '2026-09-16']);
  });

  it('says why a GPU got no verdict only when none of its series got one', () => {
    // QPS 1 is in the last 3 nights only: its series are insufficient, the others are judged, so
    // the GPU has verdicts and no note. With 3 nights in all, no series has one: one note.
    const datasets = [...STEADY, ...STEPPED].map((value, night) =>
      h100Run({
        id: `night-${String(night)}`,
        date: `2026-09-${String(night + 1).padStart(2, '0')}`,
        changes: { [QPS_INF]: { ttft_median: value } },
        without: night < 17 ? [QPS_1] : [],
      }),
    );
    expect(reportOf(datasets).notes).toEqual([]);
    expect(reportOf(nights({ [QPS_INF]: STEADY }, 3)).notes).toEqual([
      '8×H100: insufficient history (3 runs, needs 15).',
    ]);
  });
});
