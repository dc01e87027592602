/** The words around the History chart: its summary, why it is empty, and its table cells. */
import { formatChange } from '../compare/metric-verdict';
import { formatMetricValue, metricHeader } from '../format';
import { metricInWords, plural } from '../charts/chart-summaries';
import {
  historyHasLines,
  type HistoryData,
  type HistoryPoint,
  type HistoryRun,
} from './history-data';
import { formatHistoryDate, type HistoryOrdering } from './history-order';
import type { HistoryEmptyReason } from './history-source';

/** The change of a point as a table cell: `Baseline`, `+12.3% (worse)`, `-4.0% (better)`, `—`. */
export function historyChangeText(point: HistoryPoint): string {
  if (point.isBaseline) return 'Baseline';
  const change = formatChange(point.changePct);
  if (point.changePct === null || point.worse === null || change === '0.0%') return change;
  return `${change} (${point.worse ? 'worse' : 'better'})`;
}

const ORDER_WORDS: Readonly<Record<HistoryOrdering, string>> = {
  date: 'in date order',
  user: 'in the order set',
  mixed: 'dated runs in date order, the others in the order set',
};

/**
 * The chart's text alternative: `Mean TTFT (ms, lower is better) of 3 tests on 8×H100 across 4
 * datasets, in date order; baseline nightly-a.md. Largest drift +12.3% (worse):
 * serving_llama8B_tp1_sharegpt_qps_inf in nightly-c.md.`
 */
export function historySummary(data: HistoryData): string {
  const metric = metricInWords(data);
  if (!historyHasLines(data)) {
    return `No two datasets on ${data.gpu} have ${data.label} values for the same test.`;
  }
  const tests =
    data.omittedSeries === 0
      ? plural(data.series.length, 'test')
      : `the first ${data.series.length} of ${plural(data.series.length + data.omittedSeries, 'test')}`;
  const head = `${metric} of ${tests} on ${data.gpu} across ${plural(data.runs.length, 'dataset')}, ${ORDER_WORDS[data.ordering]}`;
  const baseline = data.baseline === null ? '' : `; baseline ${data.baseline.run.label}`;
  if (data.drift === null) {
    return data.compared === 0
      ? `${head}${baseline}. No change from the baseline can be worked out: it has none of these values.`
      : `${head}${baseline}. Every value equals the baseline's.`;
  }
  const verdict =
    data.drift.worse === null || data.drift.changePct === 0
      ? ''
      : ` (${data.drift.worse ? 'worse' : 'better'})`;
  return `${head}${baseline}. Largest drift ${formatChange(data.drift.changePct)}${verdict}: ${data.drift.series.label} in ${data.drift.run.label}.`;
}

const ORDER_PHRASES: Readonly<Record<HistoryOrdering, string>> = {
  date: 'in the order of the dates their files give',
  user: 'in the order set below (these files give no date)',
  mixed: 'runs with a date in date order, the others where they are set below',
};

/** How the chart's description says the runs are ordered, pointing at the order list below it. */
export function historyOrderPhrase(ordering: HistoryOrdering): string {
  return ORDER_PHRASES[ordering];
}

/** Why a history of a GPU has no line to draw (see historyHasLines), for one test or all. */
export function historyNoLinesText(
  data: Pick<HistoryData, 'gpu' | 'label'>,
  testKey: string | null,
): string {
  return `Fewer than two datasets on ${data.gpu} have ${data.label} values for ${testKey === null ? 'these tests' : 'this test'}.`;
}

/** A run as a tooltip heads it: `Nightly 19 · 2024-09-19 02:00 · Baseline`. */
export function historyRunHeading(run: HistoryRun, baselineId: string | null): string {
  const parts = [run.label];
  if (run.date !== null) parts.push(formatHistoryDate(run.date));
  if (run.id === baselineId) parts.push('Baseline');
  return parts.join(' · ');
}

/** Why there is no history, in words a person can act on. */
export function historyEmptyText(reason: HistoryEmptyReason): string {
  const what =
    'A history needs at least two datasets with results of the same tests on the same GPU, such as nightlies of different dates or a series of PR runs.';
  if (reason === 'no-results') return `${what} No results match the filters.`;
  if (reason === 'no-shared-tests') {
    return `${what} Datasets share a GPU here, but no test that the filters show. Widen the filters or load runs of the same tests.`;
  }
  return `${what} Each GPU's visible results come from one dataset. Load another run of a GPU (Load results), or show hidden datasets.`;
}

/** A value with its unit for the table: `240.66 ms`, `—` when missing. */
export function historyValueText(metricKey: string, value: number | null, unit: string): string {
  const text = formatMetricValue(metricKey, value);
  return value === null || unit === '' ? text : `${text} ${unit}`;
}

/** A metric's option text: `Mean TTFT (ms)`. */
export function historyMetricLabel(key: string): string {
  return metricHeader(key);
}
