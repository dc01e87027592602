/** Runs of the 8×H100 nightly made into histories, for the history tests. */
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { HistoryOptions } from '../../../src/data/history/history-data';
import {
  historySource,
  historyTestChoices,
  type HistoryGpuGroup,
} from '../../../src/data/history/history-source';
import { createDataset } from '../../../src/data/results/dataset';
import { NOTHING_HIDDEN, type HiddenValues } from '../../../src/data/results/filter-groups';
import { buildResultIndex } from '../../../src/data/results/result-index';
import { deriveResultsView, type ResultsView } from '../../../src/data/results/results-view';
import {
  plainResult,
  type BenchmarkResult,
  type Dataset,
} from '../../../src/data/results/result-model';
import { readFixture, seedDataset } from '../../helpers/seed';

/*
 * test/fixtures/nightly/nightly-8xH100.md carries its embedded JSON, which the app reads at full
 * precision: serving_llama8B_tp1_sharegpt_qps_inf has Mean TTFT 240.66389142535627 ms (the table
 * shows 240.664) and serving_llama8B_tp1_sharegpt_qps_1 18.35688839200884 ms (18.3569). Runs set
 * round values where a change is worked out, so every percentage below is exact.
 */
export const QPS_INF = 'serving_llama8B_tp1_sharegpt_qps_inf';
export const QPS_1 = 'serving_llama8B_tp1_sharegpt_qps_1';
export const H100 = '8×H100';

type Changes = Readonly<Record<string, Readonly<Record<string, number | null>>>>;

interface RunSpec {
  readonly id: string;
  readonly label?: string;
  readonly date?: string;
  /** Metric values to set, by test name. */
  readonly changes?: Changes;
  /** Tests to leave out. */
  readonly without?: readonly string[];
}

/** The 8×H100 nightly page, parsed as the app parses it, made into another run. */
export function h100Run(spec: RunSpec): Dataset {
  const text = readFixture('nightly/nightly-8xH100.md');
  const outcome = parseResultsText(text, 'nightly-8xH100.md');
  if (!outcome.ok) throw new Error(outcome.error.message);
  const base = createDataset(outcome.value, { kind: 'file', name: 'nightly-8xH100.md' }, text);
  const changes = spec.changes ?? {};
  const results = base.results
    .filter((result) => !(spec.without ?? []).includes(result.testName))
    .map((result): BenchmarkResult => {
      const change = changes[result.testName];
      return change === undefined
        ? result
        : { ...plainResult(result), metrics: { ...result.metrics, ...change } };
    });
  return {
    ...base,
    id: spec.id,
    label: spec.label ?? spec.id,
    results,
    ...(spec.date === undefined ? {} : { meta: { ...base.meta, date: spec.date } }),
  };
}

export function viewOf(
  datasets: readonly Dataset[],
  hidden: HiddenValues = NOTHING_HIDDEN,
): ResultsView {
  return deriveResultsView(buildResultIndex(datasets), hidden, '');
}

export function h100Group(datasets: readonly Dataset[], hidden?: HiddenValues): HistoryGpuGroup {
  const group = historySource(viewOf(datasets, hidden)).groups.find((entry) => entry.gpu === H100);
  if (group === undefined) throw new Error('no 8×H100 history');
  return group;
}

export function testKeyOf(group: HistoryGpuGroup, testName: string): string {
  const test = historyTestChoices(group, 'ttft_mean')
    .concat(historyTestChoices(group, 'latency_mean'))
    .concat(historyTestChoices(group, 'request_throughput'))
    .find((choice) => choice.label === testName);
  if (test === undefined) throw new Error(`no test ${testName}`);
  return test.key;
}

export function options(change: Partial<HistoryOptions>): HistoryOptions {
  return { metricKey: 'ttft_mean', order: [], baselineId: null, testKey: null, ...change };
}

/** Three nightlies of 8×H100, loaded out of date order, and the bundled 8×H200 run. */
export function threeNightlies(): Dataset[] {
  const run = (id: string, label: string, date: string, ttft: number): Dataset =>
    h100Run({ id, label, date, changes: { [QPS_INF]: { ttft_mean: ttft } } });
  return [
    run('a', 'Nightly 20', '2024-09-20T02:00:00', 250),
    run('b', 'Nightly 18', '2024-09-18T02:00:00', 200),
    run('c', 'Nightly 19', '2024-09-19T02:00:00', 190),
    seedDataset('H200'),
  ];
}
