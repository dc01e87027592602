/**
 * Statistics a serve record's summary lacks, computed from its per-request arrays (seconds):
 * `ttfts`, `latencies` (E2E), `itls` (one gap per streamed chunk) and, with `output_lens`, TPOT
 * per request as vLLM computes it, `(latency − ttft) ÷ (output tokens − 1)`. Failed requests
 * stay in the arrays with zeros, so they are left out: those with a non-empty `errors` entry, or,
 * in a file without `errors`, those whose time is 0.
 */
import { mean } from './serve-repairs';
import { own, percentileOfSorted, type JsonRecord } from './shared';

/** The statistics vLLM's summary writes by default, computed when the summary lacks them. */
const DEFAULT_STATS = ['mean', 'median', 'std', 'p99'] as const;
/** More values than this in one array are not read (a file may be hostile). */
const MAX_VALUES = 10_000_000;

export interface ComputedStatistics {
  readonly values: ReadonlyMap<string, number>;
  /** Where they came from: the array, the unit conversion and how many values. */
  readonly source: string;
}

/** Per request: whether it failed, when the file says (`errors`, one entry per request). */
function failedRequests(object: JsonRecord, length: number): readonly boolean[] | null {
  const errors = own(object, 'errors');
  if (!Array.isArray(errors) || errors.length !== length) return null;
  return (errors as readonly unknown[]).map((error) => typeof error === 'string' && error !== '');
}

/** A finite number at an index of an array, or null. */
function numberAt(list: readonly unknown[], index: number): number | null {
  const value = list[index];
  return Number.isFinite(value) ? (value as number) : null;
}

function arrayOf(object: JsonRecord, key: string): readonly unknown[] | null {
  const value = own(object, key);
  return Array.isArray(value) && value.length <= MAX_VALUES ? (value as readonly unknown[]) : null;
}

/**
 * Values in seconds (sorted in place) → statistics in ms as vLLM computes them: numpy's mean,
 * median, population std and each of `percentiles` (`p99`, linear interpolation). Other tools'
 * per-request files are summarised with it too, so a statistic means the same whatever wrote it.
 */
export function statisticsOf(
  seconds: number[],
  percentiles: readonly number[] = [99],
): Map<string, number> {
  const sorted = seconds.sort((a, b) => a - b);
  const average = mean(sorted);
  let squares = 0;
  for (const value of sorted) squares += (value - average) ** 2;
  const statistics: [string, number][] = [
    ['mean', average * 1000],
    ['median', (percentileOfSorted(sorted, 50) ?? 0) * 1000],
    ['std', Math.sqrt(squares / sorted.length) * 1000],
    ...percentiles.map((p): [string, number] => [
      `p${p}`,
      (percentileOfSorted(sorted, p) ?? 0) * 1000,
    ]),
  ];
  // Huge values overflow to Infinity: such a statistic is missing, not infinite.
  return new Map(statistics.filter(([, value]) => Number.isFinite(value)));
}

/** One value per successful request, read by `valueAt`, with how many failed were left out. */
function perRequest(
  length: number,
  failed: readonly boolean[] | null,
  valueAt: (index: number) => number | null,
): { values: number[]; leftOut: number } {
  const values: number[] = [];
  let leftOut = 0;
  for (let i = 0; i < length; i += 1) {
    if (failed?.[i] === true) {
      leftOut += 1;
      continue;
    }
    const value = valueAt(i);
    // Without `errors`, a failed request shows only as its 0: no request takes no time.
    if (failed === null && value === 0) leftOut += 1;
    else if (value !== null) values.push(value);
  }
  return { values, leftOut };
}

/** `n = 4 requests (1 failed left out)`: how many values a statistic was computed from. */
export function requestsNote(count: number, leftOut: number): string {
  const failed = leftOut === 0 ? '' : ` (${leftOut} failed left out)`;
  return `n = ${count} request${count === 1 ? '' : 's'}${failed}`;
}

/**
 * For each quantity whose summary lacks a default statistic and whose array the file kept: the
 * statistics computed from the array (only the missing ones are used). Never throws.
 */
export function statisticsFromArrays(
  object: JsonRecord,
  recorded: ReadonlyMap<string, ReadonlyMap<string, number | null>>,
): Map<string, ComputedStatistics> {
  const computed = new Map<string, ComputedStatistics>();
  const lacks = (quantity: string): boolean =>
    DEFAULT_STATS.some((stat) => recorded.get(quantity)?.has(stat) !== true);
  const ttfts = arrayOf(object, 'ttfts');
  const latencies = arrayOf(object, 'latencies');

  const fromList = (quantity: string, key: string, list: readonly unknown[] | null): void => {
    if (list === null || !lacks(quantity)) return;
    const { values, leftOut } = perRequest(list.length, failedRequests(object, list.length), (i) =>
      numberAt(list, i),
    );
    if (values.length === 0) return;
    computed.set(quantity, {
      values: statisticsOf(values),
      source: `${key} × 1000 (s → ms), ${requestsNote(values.length, leftOut)}`,
    });
  };
  fromList('ttft', 'ttfts', ttfts);
  fromList('e2el', 'latencies', latencies);

  const itls = arrayOf(object, 'itls');
  if (itls !== null && lacks('itl')) {
    const failed = failedRequests(object, itls.length);
    const gaps: number[] = [];
    let requests = 0;
    perRequest(itls.length, failed, (i) => {
      const gapsOfRequest = itls[i];
      if (!Array.isArray(gapsOfRequest)) return null;
      requests += 1;
      for (const gap of gapsOfRequest as readonly unknown[]) {
        if (Number.isFinite(gap) && gaps.length < MAX_VALUES) gaps.push(gap as number);
      }
      return null;
    });
    if (gaps.length > 0) {
      computed.set('itl', {
        values: statisticsOf(gaps),
        source: `itls × 1000 (s → ms), n = ${gaps.length} chunk gaps of ${requests} requests`,
      });
    }
  }

  const outputLens = arrayOf(object, 'output_lens');
  if (ttfts !== null && latencies !== null && outputLens !== null && lacks('tpot')) {
    const length = Math.min(ttfts.length, latencies.length, outputLens.length);
    const { values, leftOut } = perRequest(length, failedRequests(object, length), (i) => {
      const ttft = numberAt(ttfts, i);
      const latency = numberAt(latencies, i);
      // Without an output length, or with one token, there is no gap between tokens to divide by.
      const tokens = numberAt(outputLens, i) ?? 0;
      if (ttft === null || latency === null || tokens <= 1) return null;
      return (latency - ttft) / (tokens - 1);
    });
    if (values.length > 0) {
      computed.set('tpot', {
        values: statisticsOf(values),
        source: `(latencies − ttfts) ÷ (output_lens − 1) × 1000 (s → ms), ${requestsNote(values.length, leftOut)}`,
      });
    }
  }
  return computed;
}
