/**
 * One GPU's history of one metric as the chart draws it: the runs in order, a series per test and
 * each point's change from the baseline run.
 */
import { changePercent } from '../compare/metric-verdict';
import { describeMetric, type MetricDirection } from '../metrics';
import type { Suite } from '../results/result-model';
import { datasetDate, historyOrdering, orderHistory, type HistoryOrdering } from './history-order';
import { metricValue, type HistoryGpuGroup } from './history-source';

/** A run on the history's x axis. */
export interface HistoryRun {
  readonly id: string;
  /** The dataset's label, as written (text, never markup). */
  readonly label: string;
  /** The date its file gave (ISO 8601 without zone), or null. */
  readonly date: string | null;
  /** Its x position: 0, 1, 2, … in history order. */
  readonly position: number;
  /** The label for the axis: unique among the runs (`name (2)` for a repeated label). */
  readonly axisLabel: string;
}

/** One test's value in one run. */
export interface HistoryPoint {
  readonly datasetId: string;
  readonly position: number;
  /** The value; null when the run lacks the test or the value (a gap, never 0). */
  readonly value: number | null;
  /** Change from the baseline run's value in percent; null without both values (or from 0). */
  readonly changePct: number | null;
  /**
   * True when the value is worse than the baseline's for the metric's direction (up for lower-is-
   * better, down for higher-is-better); false when equal or better; null without a direction or a
   * change. No noise threshold applies: the chart shows every move, however small.
   */
  readonly worse: boolean | null;
  readonly isBaseline: boolean;
}

export interface HistorySeries {
  /** The test's alignment key. */
  readonly key: string;
  /** A key safe as a recharts dataKey and a CSS class: `s0`, `s1`, … */
  readonly dataKey: string;
  readonly suite: Suite;
  /** The test name. */
  readonly label: string;
  /** One point per run, in history order (points[i].position === i). */
  readonly points: readonly HistoryPoint[];
  /** The baseline run's value of this test; null when it has none. */
  readonly baselineValue: number | null;
}

/** The largest move from the baseline among all points. */
export interface HistoryDrift {
  readonly series: HistorySeries;
  readonly run: HistoryRun;
  readonly changePct: number;
  readonly worse: boolean | null;
}

export interface HistoryBaseline {
  readonly run: HistoryRun;
  /** True when it is the run asked for; false when that run is not here and the first is used. */
  readonly requested: boolean;
}

/** The most tests drawn at once: more lines than this are a tangle, and slow to draw. */
export const MAX_HISTORY_SERIES = 24;

export interface HistoryOptions {
  readonly metricKey: string;
  /** Dataset ids in the user's order; runs not listed follow in the order loaded. */
  readonly order: readonly string[];
  /** The run to compare against; the first run when null or not in this history. */
  readonly baselineId: string | null;
  /** One test's alignment key; null for every shared test. */
  readonly testKey: string | null;
}

export interface HistoryData {
  readonly gpu: string;
  readonly metricKey: string;
  readonly label: string;
  readonly unit: string;
  readonly direction: MetricDirection;
  /** The runs on the x axis: those with a value in some series, plus the baseline asked for. */
  readonly runs: readonly HistoryRun[];
  readonly ordering: HistoryOrdering;
  /** Null when there are no runs. */
  readonly baseline: HistoryBaseline | null;
  /** Whether a baseline was asked for that has no results of this GPU here. */
  readonly baselineMissing: boolean;
  /** One per test with a value, in reading order, at most MAX_HISTORY_SERIES. */
  readonly series: readonly HistorySeries[];
  /** Tests with a value left out to stay within MAX_HISTORY_SERIES. */
  readonly omittedSeries: number;
  /** The largest move from the baseline; null when no value differs from the baseline's. */
  readonly drift: HistoryDrift | null;
  /** How many points (baseline's own left out) have a change from the baseline. */
  readonly compared: number;
}

/** Whether the history has a line to draw: at least one test, across at least two runs. */
export function historyHasLines(data: Pick<HistoryData, 'runs' | 'series'>): boolean {
  return data.series.length > 0 && data.runs.length >= 2;
}

function uniqueLabels(labels: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  return labels.map((label) => {
    if ((counts.get(label) ?? 0) < 2) return label;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return `${label} (${n})`;
  });
}

function isWorse(
  direction: MetricDirection,
  baseline: number | null,
  value: number | null,
): boolean | null {
  if (direction === 'neutral' || baseline === null || value === null) return null;
  return direction === 'lower' ? value > baseline : value < baseline;
}

/**
 * One GPU's history of one metric: the runs in order, one series per test (one point per run,
 * null where a run has no value), each point's change from the baseline run, and the largest move.
 */
export function historyData(group: HistoryGpuGroup, options: HistoryOptions): HistoryData {
  const info = describeMetric(options.metricKey);
  const withMetric = group.tests.filter(
    (test) =>
      (options.testKey === null || test.key === options.testKey) &&
      [...test.byDataset.values()].some(
        (result) => metricValue(result, options.metricKey) !== null,
      ),
  );
  const tests = withMetric.slice(0, MAX_HISTORY_SERIES);
  const requested =
    options.baselineId === null
      ? undefined
      : group.datasets.find((dataset) => dataset.id === options.baselineId);
  // Runs with a value in a shown series; the baseline asked for stays, to show where it stands.
  const withValues = group.datasets.filter(
    (dataset) =>
      dataset === requested ||
      tests.some((test) => metricValue(test.byDataset.get(dataset.id), options.metricKey) !== null),
  );
  const ordered = orderHistory(
    withValues.map((dataset) => ({ id: dataset.id, date: datasetDate(dataset), dataset })),
    options.order,
  );
  const axisLabels = uniqueLabels(ordered.map((entry) => entry.dataset.label));
  const runs: HistoryRun[] = ordered.map((entry, position) => ({
    id: entry.id,
    label: entry.dataset.label,
    date: entry.date,
    position,
    axisLabel: axisLabels[position] ?? entry.dataset.label,
  }));
  const baselineRun =
    (requested === undefined ? undefined : runs.find((run) => run.id === requested.id)) ?? runs[0];
  const baseline: HistoryBaseline | null =
    baselineRun === undefined
      ? null
      : { run: baselineRun, requested: requested !== undefined && baselineRun.id === requested.id };

  const series: HistorySeries[] = tests.map((test, i) => {
    const baselineValue =
      baselineRun === undefined
        ? null
        : metricValue(test.byDataset.get(baselineRun.id), options.metricKey);
    const points = runs.map((run): HistoryPoint => {
      const value = metricValue(test.byDataset.get(run.id), options.metricKey);
      return {
        datasetId: run.id,
        position: run.position,
        value,
        changePct: changePercent(baselineValue, value),
        worse: isWorse(info.direction, baselineValue, value),
        isBaseline: run.id === baselineRun?.id,
      };
    });
    return {
      key: test.key,
      dataKey: `s${i}`,
      suite: test.suite,
      label: test.testName,
      points,
      baselineValue,
    };
  });

  let drift: HistoryDrift | null = null;
  let compared = 0;
  for (const line of series) {
    for (const point of line.points) {
      const run = runs[point.position];
      if (point.isBaseline || point.changePct === null || run === undefined) continue;
      compared += 1;
      if (point.changePct === 0) continue;
      if (drift === null || Math.abs(point.changePct) > Math.abs(drift.changePct)) {
        drift = { series: line, run, changePct: point.changePct, worse: point.worse };
      }
    }
  }

  return {
    gpu: group.gpu,
    metricKey: options.metricKey,
    label: info.label,
    unit: info.unit,
    direction: info.direction,
    runs,
    ordering: historyOrdering(runs),
    baseline,
    baselineMissing: options.baselineId !== null && requested === undefined,
    series,
    omittedSeries: withMetric.length - tests.length,
    drift,
    compared,
  };
}
