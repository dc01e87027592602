/**
 * What the History chart's selects offer and which of their values is in effect: a choice the data
 * no longer has (a GPU filtered away, a metric this GPU lacks) falls back to a default, so the
 * chart always shows something the data has. Also the notices above the chart.
 */
import type { Dataset } from '../results/result-model';
import type { HistoryData } from './history-data';
import {
  defaultHistoryMetric,
  historyMetricKeys,
  historyTestChoices,
  type HistoryGpuGroup,
  type HistorySource,
  type HistoryTestChoice,
} from './history-source';
import { historyMetricLabel } from './history-text';

/** An option of a select: what it sets and what it reads; a disabled one is a note. */
export interface HistoryOption {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
}

/** The Test select's value for every test at once. */
export const ALL_TESTS = '';
/** The most tests the Test select lists; the search box narrows the rest. */
export const MAX_TEST_OPTIONS = 500;
/** The value of the note that more tests exist (never a test key: those are JSON arrays). */
const MORE_TESTS = 'more';

/** What the person chose in the History chart's selects; null (or ALL_TESTS) where nothing was. */
export interface HistoryChoice {
  readonly gpu: string | null;
  readonly metric: string | null;
  readonly test: string;
}

/** What the chart shows for a choice, and what its selects can offer there. */
export interface HistorySelection {
  /** The GPU shown: the one chosen while it has a history, else the first that has one. */
  readonly group: HistoryGpuGroup | null;
  /** The metrics the GPU's shared tests have values of. */
  readonly metricKeys: readonly string[];
  /** The metric chosen while the GPU has it, else the default (see defaultHistoryMetric). */
  readonly metricKey: string | null;
  /** The tests with values of that metric. */
  readonly tests: readonly HistoryTestChoice[];
  /** The test chosen while it has values of the metric; null (every test) otherwise. */
  readonly testKey: string | null;
}

export function historySelection(source: HistorySource, choice: HistoryChoice): HistorySelection {
  const group = source.groups.find((entry) => entry.gpu === choice.gpu) ?? source.groups[0] ?? null;
  const metricKeys = group === null ? [] : historyMetricKeys(group);
  const metricKey =
    choice.metric !== null && metricKeys.includes(choice.metric)
      ? choice.metric
      : defaultHistoryMetric(metricKeys);
  const tests = group === null || metricKey === null ? [] : historyTestChoices(group, metricKey);
  const testKey = tests.some((test) => test.key === choice.test) ? choice.test : null;
  return { group, metricKeys, metricKey, tests, testKey };
}

/**
 * The label of a baseline that was asked for but has no results here: the dataset's label, or
 * its id when it is not loaded; null when the baseline in effect is the one asked for.
 */
export function missingBaselineLabel(
  data: Pick<HistoryData, 'baselineMissing'>,
  requested: string | null,
  datasets: readonly Pick<Dataset, 'id' | 'label'>[],
): string | null {
  if (!data.baselineMissing || requested === null) return null;
  return datasets.find((dataset) => dataset.id === requested)?.label ?? requested;
}

/**
 * The notices above the history chart: tests left out, a baseline (`missingBaseline`, its label)
 * with no results here, or a baseline without a value to measure changes from.
 */
export function historyNotices(data: HistoryData, missingBaseline: string | null): string[] {
  const notices: string[] = [];
  if (data.omittedSeries > 0) {
    notices.push(
      `Showing the first ${data.series.length} of ${data.series.length + data.omittedSeries} tests. Pick one test, or narrow the filters or the search, to see the others.`,
    );
  }
  if (missingBaseline !== null) {
    notices.push(
      `The baseline ${missingBaseline} has no results of these tests on ${data.gpu} that the filters show; changes are from the first dataset instead.`,
    );
  } else if (data.baseline !== null && data.series.every((line) => line.baselineValue === null)) {
    notices.push(
      `The baseline ${data.baseline.run.label} has no ${data.label} value for these tests, so no change can be worked out.`,
    );
  }
  return notices;
}

/** The options of the chart's selects: Metric, GPU, Test and Baseline. */
export interface HistorySelectOptions {
  /** `Mean TTFT (ms)`, in the order of the selection's metrics. */
  readonly metric: readonly HistoryOption[];
  /** Each GPU with how many datasets its history spans: `8×H100 (3 datasets)`. */
  readonly gpu: readonly HistoryOption[];
  /** See testOptions. */
  readonly test: readonly HistoryOption[];
  /** Every run, by its label on the axis (unique among them). */
  readonly baseline: readonly HistoryOption[];
}

export function historySelectOptions(
  source: HistorySource,
  selection: HistorySelection,
  data: Pick<HistoryData, 'runs'>,
): HistorySelectOptions {
  return {
    metric: selection.metricKeys.map((key) => ({ value: key, label: historyMetricLabel(key) })),
    gpu: source.groups.map((entry) => ({
      value: entry.gpu,
      label: `${entry.gpu} (${entry.datasets.length} datasets)`,
    })),
    test: testOptions(selection.tests, selection.testKey),
    baseline: data.runs.map((run) => ({ value: run.id, label: run.axisLabel })),
  };
}

/**
 * The Test select's options: all tests, then up to MAX_TEST_OPTIONS tests by name, a note when
 * there are more, and the chosen test even when it is past the first ones. A select of thousands
 * of tests helps no one and costs a DOM node each: the search narrows.
 */
function testOptions(tests: readonly HistoryTestChoice[], testKey: string | null): HistoryOption[] {
  const options: HistoryOption[] = [
    { value: ALL_TESTS, label: `All tests (${tests.length})` },
    ...tests.slice(0, MAX_TEST_OPTIONS).map((test) => ({ value: test.key, label: test.label })),
  ];
  if (tests.length > MAX_TEST_OPTIONS) {
    options.push({
      value: MORE_TESTS,
      label: `…and ${(tests.length - MAX_TEST_OPTIONS).toLocaleString('en-US')} more: narrow the search`,
      disabled: true,
    });
  }
  if (testKey !== null && !options.some((option) => option.value === testKey)) {
    const chosen = tests.find((test) => test.key === testKey);
    if (chosen !== undefined) options.push({ value: chosen.key, label: chosen.label });
  }
  return options;
}

/** A series to open the History chart on: a GPU, a metric key and a test's name as written. */
export interface HistoryFocus {
  readonly gpu: string;
  readonly metric: string;
  readonly testName: string;
}

/**
 * The Test choice that shows a focused series (a row of the Regressions report): the key of the
 * GPU's test with that name, or every test when the history has no such test.
 */
export function focusedTestKey(
  source: HistorySource,
  focus: Pick<HistoryFocus, 'gpu' | 'testName'>,
): string {
  const group = source.groups.find((entry) => entry.gpu === focus.gpu);
  return group?.tests.find((test) => test.testName === focus.testName)?.key ?? ALL_TESTS;
}
