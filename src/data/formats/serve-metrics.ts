/**
 * The result keys of a serve record → the dashboard's metrics: scalars (`request_throughput`,
 * `duration` → `elapsed_time`), statistics of TTFT/TPOT/ITL/E2E in ms (`p99.9_ttft_ms`) or in
 * seconds without the suffix (`median_ttft`, rows derived from serve files), speculative-decoding
 * counters under readable names, and every other field kept as an `x:` extra or a text attribute.
 */
import { isJsonObject } from './python-json';
import { extraMetricKey } from '../metrics';
import {
  MAX_EXTRA_FIELDS,
  byPercentile,
  capText,
  finiteOf,
  own,
  percentileWord,
  scalarText,
  type JsonRecord,
} from './shared';
import { statisticsFromArrays } from './serve-arrays';

/** Result keys with a scalar metric of their own, in the order metrics are kept. */
export const SCALAR_KEYS: readonly (readonly [string, string])[] = [
  ['request_throughput', 'request_throughput'],
  ['request_goodput', 'request_goodput'],
  ['input_throughput', 'input_throughput'],
  ['output_throughput', 'output_throughput'],
  ['total_token_throughput', 'total_token_throughput'],
  ['total_input_tokens', 'total_input_tokens'],
  ['total_output_tokens', 'total_output_tokens'],
  ['completed', 'num_requests'],
  ['failed', 'failed_requests'],
  ['max_output_tokens_per_s', 'max_output_tokens_per_s'],
  ['max_concurrent_requests', 'max_concurrent_requests'],
  ['duration', 'elapsed_time'],
];

/**
 * Speculative-decoding results by their readable extra names, units in parentheses:
 * the acceptance rate is a percent (0–100), the length `1 + accepted ÷ drafts` tokens per step.
 */
const SPEC_DECODE_NAMES: ReadonlyMap<string, string> = new Map([
  ['spec_decode_acceptance_rate', 'Spec decode acceptance rate (%)'],
  ['spec_decode_acceptance_length', 'Spec decode acceptance length (tokens/step)'],
  ['spec_decode_num_drafts', 'Spec decode drafts'],
  ['spec_decode_draft_tokens', 'Spec decode draft tokens (tokens)'],
  ['spec_decode_accepted_tokens', 'Spec decode accepted tokens (tokens)'],
]);

export const QUANTITIES = ['ttft', 'tpot', 'itl', 'e2el'] as const;
/** `mean_ttft_ms`, `p99.9_itl_ms`; without `_ms` (`median_ttft`, `p99_e2el`) in seconds. */
const STATISTIC_KEY = /^(mean|median|std|p\d{1,3}(?:\.\d{1,6})?)_(ttft|tpot|itl|e2el)(_ms)?$/;

/** Result keys of newer vintages that are not metrics the dashboard names. */
const OTHER_RESULT_KEYS: ReadonlySet<string> = new Set([
  'request_goodput:',
  'rtfx',
  'endpoint_type',
  'label',
  'type',
  'spec_decode_per_position_acceptance_rates',
]);

/** True for a key of the results part of a serve record. */
export function isResultKey(key: string): boolean {
  return (
    STATISTIC_KEY.test(key) ||
    key.startsWith('spec_decode_') ||
    OTHER_RESULT_KEYS.has(key) ||
    SCALAR_KEYS.some(([fileKey]) => fileKey === key)
  );
}

export interface ServeMetrics {
  readonly metrics: Record<string, number | null>;
  /** Text fields the dashboard does not interpret, kept as attributes. */
  readonly textExtras: [string, string][];
}

/** `p99.0` → `p99`, `mean` → `mean`; null for a percentile that is not one. */
function statWord(stat: string): string | null {
  if (!stat.startsWith('p')) return stat;
  const word = percentileWord(stat.slice(1));
  return word === null ? null : `p${word}`;
}

/** Ascending: mean, median, std, then percentiles by number. */
function byStat(a: string, b: string): number {
  const order = ['mean', 'median', 'std'];
  const ai = order.indexOf(a);
  const bi = order.indexOf(b);
  if (ai !== -1 || bi !== -1) return (ai === -1 ? 3 : ai) - (bi === -1 ? 3 : bi);
  return byPercentile(a.slice(1), b.slice(1));
}

/**
 * A serve record's result keys → metrics in one fixed order (so results of one file share their
 * shape) and its other text fields. Keys in `consumed` are read elsewhere. Conversions and
 * values computed from per-request arrays are noted in `sources` by metric key.
 */
export function readServeMetrics(
  object: JsonRecord,
  consumed: ReadonlySet<string>,
  where: string,
  warnings: string[],
  sources: Record<string, string>,
): ServeMetrics {
  // Statistics by quantity, then by stat; ms keys beat seconds keys for the same statistic.
  const statistics = new Map<string, Map<string, number | null>>();
  const inSeconds = new Map<string, string>();
  const extras: [string, number | null][] = [];
  const textExtras: [string, string][] = [];
  let dropped = 0;

  for (const [key, value] of Object.entries(object)) {
    if (consumed.has(key) || Array.isArray(value) || isJsonObject(value)) continue;
    const statistic = STATISTIC_KEY.exec(key);
    const stat = statistic === null ? null : statWord(statistic[1] ?? '');
    if (statistic !== null && stat !== null) {
      const quantity = statistic[2] ?? '';
      const metricKey = `${quantity}_${stat}`;
      const byQuantity = statistics.get(quantity) ?? new Map<string, number | null>();
      statistics.set(quantity, byQuantity);
      const milliseconds = statistic[3] !== undefined;
      if (!milliseconds && byQuantity.has(stat) && !inSeconds.has(metricKey)) continue;
      const number = finiteOf(value);
      byQuantity.set(
        stat,
        milliseconds ? number : finiteOf(number === null ? null : number * 1000),
      );
      if (milliseconds) inSeconds.delete(metricKey);
      else inSeconds.set(metricKey, key);
      continue;
    }
    if (extras.length + textExtras.length >= MAX_EXTRA_FIELDS) {
      dropped += 1;
      continue;
    }
    const name = SPEC_DECODE_NAMES.get(key) ?? capText(key, `${where}: a field name`, warnings);
    if (typeof value === 'number' || value === null) {
      extras.push([name, finiteOf(value)]);
      if (name !== key) sources[extraMetricKey(name)] = key;
    } else {
      const text = scalarText(value);
      if (text !== null) textExtras.push([name, capText(text, `${where}: "${name}"`, warnings)]);
    }
  }
  if (dropped > 0) warnings.push(`${where}: ${dropped} more fields were not kept.`);
  for (const [metricKey, key] of inSeconds) sources[metricKey] = `${key} × 1000 (s → ms)`;

  const metrics: Record<string, number | null> = {};
  for (const [fileKey, metricKey] of SCALAR_KEYS) {
    let value = own(object, fileKey);
    if (fileKey === 'request_goodput' && (value === undefined || value === null)) {
      // 2025 files spell it with a trailing colon.
      const colon = own(object, 'request_goodput:');
      if (colon !== undefined) value = colon;
    }
    if (value === undefined) continue;
    metrics[metricKey] = finiteOf(value);
  }
  const computed = statisticsFromArrays(object, statistics);
  for (const quantity of QUANTITIES) {
    const byQuantity = statistics.get(quantity);
    const fromArrays = computed.get(quantity);
    const stats = new Set([...(byQuantity?.keys() ?? []), ...(fromArrays?.values.keys() ?? [])]);
    for (const stat of [...stats].sort(byStat)) {
      const key = `${quantity}_${stat}`;
      const recorded = byQuantity?.get(stat);
      if (recorded !== undefined) {
        metrics[key] = recorded;
      } else if (fromArrays !== undefined) {
        metrics[key] = fromArrays.values.get(stat) ?? null;
        sources[key] = `${stat} of ${fromArrays.source}`;
      }
    }
  }
  for (const [name, value] of extras) metrics[extraMetricKey(name)] = value;
  return { metrics, textExtras };
}
