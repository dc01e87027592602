/**
 * Noise thresholds of a comparison: how far a metric may move, in percent of the baseline, before
 * it counts as a change, with overrides per metric key and per key ending.
 */

/** The noise threshold, in percent, when nothing else is chosen. */
export const DEFAULT_THRESHOLD = 5;

/** The largest threshold a link may set; anything above is junk, not a choice. */
export const MAX_THRESHOLD = 1000;

/**
 * How far a metric may move, in percent of the baseline, before it counts as a change. The most
 * specific rule wins: an exact metric key, then the longest matching key ending, then `default`.
 *
 * `{ default: 5, perMetric: { ttft_p99: 10 }, perSuffix: { _p99: 8 } }` allows 10% on P99 TTFT,
 * 8% on every other `…_p99` metric and 5% on the rest. Tail percentiles are noisier than means,
 * which is why a whole statistic can be loosened in one entry.
 */
export interface ThresholdSpec {
  readonly default: number;
  /** By exact metric key (`ttft_p99`). */
  readonly perMetric?: Readonly<Record<string, number>>;
  /** By how a metric key ends (`_p99`, `_mean`, `_throughput`); the longest match wins. */
  readonly perSuffix?: Readonly<Record<string, number>>;
}

/**
 * A threshold a person could mean: a percentage from 0 to MAX_THRESHOLD. The range leaves out
 * NaN and ±Infinity too, as no comparison with them holds.
 */
export function isValidThreshold(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= MAX_THRESHOLD;
}

/**
 * A threshold typed into a field: the number when it is a valid threshold, null when the text is
 * empty or not one (`abc`, `-1`, above MAX_THRESHOLD), so the field can keep it as typed.
 */
export function parseThreshold(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return isValidThreshold(value) ? value : null;
}

function validEntries(record: Readonly<Record<string, number>> | undefined): [string, number][] {
  if (record === undefined) return [];
  return Object.entries(record).filter(
    (entry): entry is [string, number] => entry[0] !== '' && isValidThreshold(entry[1]),
  );
}

/**
 * A number or a spec → a spec with only usable entries: an invalid default becomes
 * DEFAULT_THRESHOLD and invalid overrides are dropped, so a bad value never silences a verdict.
 */
export function normalizeThresholds(input: number | ThresholdSpec | undefined): ThresholdSpec {
  if (input === undefined) return { default: DEFAULT_THRESHOLD };
  if (typeof input === 'number') {
    return { default: isValidThreshold(input) ? input : DEFAULT_THRESHOLD };
  }
  const perMetric = validEntries(input.perMetric);
  const perSuffix = validEntries(input.perSuffix);
  return {
    default: isValidThreshold(input.default) ? input.default : DEFAULT_THRESHOLD,
    ...(perMetric.length === 0 ? {} : { perMetric: Object.fromEntries(perMetric) }),
    ...(perSuffix.length === 0 ? {} : { perSuffix: Object.fromEntries(perSuffix) }),
  };
}

/** The threshold (percent) that applies to one metric key under a spec. */
export function thresholdFor(key: string, spec: ThresholdSpec): number {
  // Object.hasOwn: a key such as `constructor` must not find Object.prototype's member.
  const exact =
    spec.perMetric !== undefined && Object.hasOwn(spec.perMetric, key)
      ? spec.perMetric[key]
      : undefined;
  if (isValidThreshold(exact)) return exact;
  let best: { length: number; value: number } | null = null;
  for (const [suffix, value] of validEntries(spec.perSuffix)) {
    if (key.endsWith(suffix) && (best === null || suffix.length > best.length)) {
      best = { length: suffix.length, value };
    }
  }
  if (best !== null) return best.value;
  return isValidThreshold(spec.default) ? spec.default : DEFAULT_THRESHOLD;
}

const PERCENT_NUMBER = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 3,
  useGrouping: false,
});

/** `±5%`: a threshold as the headings, captions and rules state it. */
export function formatThreshold(threshold: number): string {
  return `±${PERCENT_NUMBER.format(threshold)}%`;
}
