/**
 * The history a comparison judges by: for each pair of results it aligns, the runs of the same
 * GPU and test before the candidate (see history-rule.ts), one metric at a time. Built once per
 * comparison from the history in view (`historySource`), so a row costs a lookup and a pass over
 * its own test's runs, never a search through every result.
 */
import { gpuLabel } from '../gpu';
import { datasetDate } from '../history/history-order';
import { compareText } from '../text-order';
import {
  seriesOfResult,
  type HistoryGpuGroup,
  type HistorySource,
  type TestRuns,
} from '../history/history-source';
import { markedGroup, testSeries } from '../regression/history-input';
import type { RunMark } from '../regression/run-marks';
import type { UsableRun } from '../regression/series-input';
import type { BenchmarkResult, Dataset } from '../results/result-model';
import type { CompareSide } from './compare-sides';
import { historyBefore, historyCutoff, inHistory, type HistoryCutoff } from './history-rule';

/** The runs of history of one metric of a series, oldest first; [] when there are none. */
export type MetricHistory = (metricKey: string) => readonly UsableRun[];

/** Where a comparison's pairs find their history. */
export interface CompareHistory {
  /**
   * The history of the test two results are, metric by metric; null when the pair has none: the
   * two are on different GPUs (one GPU's noise says nothing about another's), or no other run in
   * view has the test.
   */
  readonly of: (baseline: BenchmarkResult, candidate: BenchmarkResult) => MetricHistory | null;
}

/**
 * Which runs are history for a comparison of two sides: those before the candidate run, as
 * historyCutoff has it. Only a dataset is one run: a GPU side stands for many runs of different
 * dates, so a GPU candidate has no history, and a GPU baseline gives no date.
 */
export function comparisonCutoff(
  baseline: CompareSide,
  candidate: CompareSide,
  datasets: readonly Dataset[],
): HistoryCutoff | null {
  if (candidate.kind !== 'dataset') return null;
  const dateOf = (side: CompareSide): string | null => {
    if (side.kind !== 'dataset') return null;
    const dataset = datasets.find((entry) => entry.id === side.id);
    return dataset === undefined ? null : datasetDate(dataset);
  };
  return historyCutoff(dateOf(baseline), dateOf(candidate));
}

/**
 * The history of a comparison from the history in view and its cutoff, the runs marked by hand
 * applied as the regression engine applies them (an outlier is no history; a known change starts
 * it again).
 */
export function compareHistory(
  source: HistorySource,
  cutoff: HistoryCutoff,
  marks: readonly RunMark[] = [],
): CompareHistory {
  const byGpu = new Map<string, { group: HistoryGpuGroup; tests: Map<string, TestRuns> }>();
  for (const whole of source.groups) {
    // The runs that can be history, marks applied, found and put in date order once per GPU
    // rather than once per row and metric (testSeries then sorts runs already in order).
    const { group } = markedGroup(whole, marks);
    const datasets = group.datasets
      .map((dataset) => ({ dataset, date: datasetDate(dataset) }))
      .filter(
        (entry): entry is { dataset: Dataset; date: string } =>
          entry.date !== null && inHistory(entry.date, cutoff),
      )
      .sort((a, b) => compareText(a.date, b.date))
      .map((entry) => entry.dataset);
    byGpu.set(group.gpu, {
      group: { ...group, datasets },
      tests: new Map(group.tests.map((test) => [test.key, test])),
    });
  }
  return {
    of: (baseline, candidate) => {
      const gpu = gpuLabel(candidate.gpu);
      if (gpuLabel(baseline.gpu) !== gpu) return null;
      const entry = byGpu.get(gpu);
      // The history's tests are keyed with the GPU, whatever the comparison leaves out.
      const test = entry === undefined ? undefined : seriesOfResult(entry.tests, candidate);
      if (entry === undefined || test === undefined) return null;
      return (metricKey) =>
        historyBefore(testSeries(entry.group, test, metricKey)?.input.points ?? [], cutoff);
    },
  };
}
