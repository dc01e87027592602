import type { HistoryData } from '../../data/history/history-data';
import type { HistoryTestChoice } from '../../data/history/history-source';
import type { ChartSelectOption } from '../../ui/chart-select';

/** The Test select's value for every test at once. */
export const ALL_TESTS = '';
/** The most tests the Test select lists; the search box narrows the rest. */
const MAX_TEST_OPTIONS = 500;
/** The value of the note that more tests exist (never a test key: those are JSON arrays). */
const MORE_TESTS = 'more';

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

/**
 * The Test select's options: all tests, then up to 500 tests by name, a note when there are more,
 * and the chosen test even when it is past the first 500. A select of thousands of tests helps
 * no one and costs a DOM node each: the search narrows.
 */
export function historyTestOptions(
  tests: readonly HistoryTestChoice[],
  testKey: string | null,
): ChartSelectOption[] {
  const options: ChartSelectOption[] = [
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
