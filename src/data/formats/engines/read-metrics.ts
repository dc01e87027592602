/**
 * What the readers of other tools' files share: metrics collected with where each was read
 * (source key, unit conversion, formula), statistic objects such as `{avg, p50, p99, unit}` read
 * into `<quantity>_<stat>` keys, units turned into the dashboard's, and the result and outcome
 * built from what a file states.
 */
import { extraMetricKey } from '../../metrics';
import type {
  BenchmarkResult,
  DetectedFormat,
  ParseOutcome,
  Suite,
} from '../../results/result-model';
import { isJsonObject } from '../python-json';
import { buildMeta, successOutcome } from '../outcome';
import { finishRawResult, type RawContext, type StatedFacts } from '../raw-result';
import {
  NO_ATTRIBUTES,
  capText,
  countOf,
  emptyRecord,
  finiteOf,
  numberOf,
  own,
  ownObject,
  scalarText,
  textOf,
  type JsonRecord,
} from '../shared';

/** Metrics of one result and, by metric key, where each was read. Both have no prototype. */
export interface ReadMetrics {
  readonly metrics: Record<string, number | null>;
  readonly sources: Record<string, string>;
}

/** An empty collection of metrics and sources, both without a prototype. */
export function newReadMetrics(): ReadMetrics {
  return {
    metrics: Object.create(null) as Record<string, number | null>,
    sources: Object.create(null) as Record<string, string>,
  };
}

/** A value (null when the file had the key but no finite number) kept with its source. */
export function putMetric(
  into: ReadMetrics,
  key: string,
  value: number | null,
  source: string,
): void {
  // A value that is not a finite number (a YAML `.inf`, an overflow) was not measured.
  into.metrics[key] = Number.isFinite(value) ? value : null;
  into.sources[key] = source;
}

/** How a file's unit becomes the dashboard's: a factor and the note written beside the source. */
export interface Scale {
  readonly factor: number;
  readonly note: string;
}

/** Already in the dashboard's unit. */
export const AS_WRITTEN: Scale = { factor: 1, note: '' };
const S_TO_MS: Scale = { factor: 1000, note: ' × 1000 (s → ms)' };
const US_TO_MS: Scale = { factor: 0.001, note: ' ÷ 1000 (µs → ms)' };
const NS_TO_MS: Scale = { factor: 1e-6, note: ' ÷ 1,000,000 (ns → ms)' };
/** Requests per minute → per second. */
export const PER_MIN_TO_PER_S: Scale = { factor: 1 / 60, note: ' ÷ 60 (req/min → req/s)' };

/** `s`, `sec`, `seconds`, `s/token`… → the word of the time unit, without the `/token`. */
function timeWord(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/\s*\/\s*(?:token|tok)s?$/, '');
}

/** A time unit as a tool writes it → to milliseconds, or null when it is no time unit. */
export function toMilliseconds(unit: string | null): Scale | null {
  if (unit === null) return null;
  const word = timeWord(unit);
  if (word === 'ms' || word === 'msec' || word === 'milliseconds') return AS_WRITTEN;
  if (word === 's' || word === 'sec' || word === 'secs' || word === 'seconds') return S_TO_MS;
  if (word === 'us' || word === 'µs' || word === 'microseconds') return US_TO_MS;
  if (word === 'ns' || word === 'nanoseconds') return NS_TO_MS;
  return null;
}

/** A time unit → to seconds (the dashboard's unit of elapsed time), or null. */
export function toSeconds(unit: string | null): Scale | null {
  const ms = toMilliseconds(unit);
  if (ms === null) return null;
  if (ms === S_TO_MS) return AS_WRITTEN;
  // ms → s is ÷ 1000 alone; µs and ns are first brought to ms.
  return { factor: ms.factor / 1000, note: `${ms.note} ÷ 1000 (ms → s)` };
}

/** True for a rate unit per second (`requests/sec`, `tokens/s`, `queries/s`, `tokens/sec/user`). */
export function perSecond(unit: string | null): boolean {
  return /\/\s*(?:s|sec|secs|second|seconds)\s*(?:\/|$)/i.test(unit ?? '');
}

/**
 * The load: a request rate, or none (+∞) when requests are capped by concurrency alone, as
 * vLLM writes `--request-rate inf --max-concurrency N`.
 */
export function loadOf(
  rate: unknown,
  concurrency: unknown,
): { qps: number | null; concurrency: number | null } {
  const cap = countOf(concurrency);
  const qps = numberOf(rate) ?? 0;
  if (qps > 0) return { qps, concurrency: cap };
  return { qps: cap === null ? null : Infinity, concurrency: cap };
}

/** A mean length in tokens as a whole number of tokens, or null. */
export function meanLength(value: unknown): number | null {
  // No number rounds as 0 tokens, which is no length.
  return countOf(Math.round(finiteOf(value) ?? 0));
}

/** A value at a dotted path of own properties (`percentiles.p99`), or undefined. */
export function ownPath(record: JsonRecord, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (!isJsonObject(value)) return undefined;
    value = own(value, key);
  }
  return value;
}

/** A finite number scaled, or null. */
function scaled(value: unknown, scale: Scale): number | null {
  const number = finiteOf(value);
  if (number === null) return null;
  const result = number * scale.factor;
  return Number.isFinite(result) ? result : null;
}

/** Reads one scalar at `path` into `key` when the file has it; true when it did. */
export function readScalar(
  into: ReadMetrics,
  key: string,
  record: JsonRecord,
  path: string,
  scale: Scale = AS_WRITTEN,
  sourceName = path,
): boolean {
  const value = ownPath(record, path);
  if (value === undefined) return false;
  putMetric(into, key, scaled(value, scale), `${sourceName}${scale.note}`);
  return true;
}

/** Scalars to read: the file path, the metric key, and how the unit converts when it does. */
export type ScalarPaths = readonly (readonly [path: string, key: string, scale?: Scale])[];

/** Every scalar of `paths` the record has, its source named `${prefix}${path}`. */
export function readScalars(
  into: ReadMetrics,
  record: JsonRecord,
  prefix: string,
  paths: ScalarPaths,
): void {
  for (const [path, key, scale] of paths) {
    readScalar(into, key, record, path, scale, `${prefix}${path}`);
  }
}

/** A statistic's file path beside the dashboard's stat word (`mean`, `median`, `p99.9`). */
export type StatPaths = readonly (readonly [path: string, stat: string])[];

/**
 * A tool's paths of the usual statistics, in the dashboard's order: mean, median, standard
 * deviation, P90, P95, P99 and P99.9. The percentiles are `percentiles` + `p90` (`p90`,
 * `quantiles_p90`, `percentiles.p90`); a tool without a standard deviation or a P99.9 leaves
 * them out.
 */
export function statPaths(paths: {
  readonly mean: string;
  readonly median: string;
  readonly std?: string;
  readonly percentiles: string;
  readonly p999?: string;
}): StatPaths {
  const { mean, median, std, percentiles, p999 } = paths;
  return [
    [mean, 'mean'],
    [median, 'median'],
    ...(std === undefined ? [] : [[std, 'std'] as const]),
    ...(['p90', 'p95', 'p99'] as const).map((p) => [`${percentiles}${p}`, p] as const),
    ...(p999 === undefined ? [] : [[p999, 'p99.9'] as const]),
  ];
}

/** The metric key of a quantity's statistic: `ttft_p99` or an extra such as `x:… P99 (ms)`. */
export type KeyOf = (stat: string) => string;

/** The dashboard's own key of a latency statistic: `ttft_p99`, `e2el_median`. */
export function dashboardKey(quantity: 'ttft' | 'tpot' | 'itl' | 'e2el'): KeyOf {
  return (stat) => `${quantity}_${stat}`;
}

function statLabel(stat: string): string {
  return stat === 'mean' || stat === 'median' || stat === 'std' ? stat : stat.toUpperCase();
}

/** A quantity the dashboard has no key for, kept as an extra that says what it is. */
export function extraKey(label: string, unit: string): KeyOf {
  return (stat) => extraMetricKey(`${label} ${statLabel(stat)} (${unit})`);
}

/**
 * The statistics of one quantity: each of `paths` found in `record` is kept under `keyOf(stat)`,
 * scaled, its source named `${prefix}${path}`. Returns how many were found.
 */
export function readStats(
  into: ReadMetrics,
  keyOf: KeyOf,
  record: JsonRecord,
  paths: StatPaths,
  scale: Scale,
  prefix: string,
  note = '',
): number {
  let found = 0;
  for (const [path, stat] of paths) {
    const value = ownPath(record, path);
    if (value === undefined) continue;
    putMetric(into, keyOf(stat), scaled(value, scale), `${prefix}${path}${scale.note}${note}`);
    found += 1;
  }
  return found;
}

/** Statistic objects by file key: the metric key of each statistic, and a note on its meaning. */
export type StatEntries = readonly (readonly [key: string, keyOf: KeyOf, note?: string])[];

/** Statistic objects of one kind: where their unit is written and how it converts. */
export interface StatGroup {
  readonly entries: StatEntries;
  readonly unitKey: 'unit' | 'units';
  readonly scaleOf: (unit: string | null) => Scale | null;
  readonly paths: StatPaths;
}

/** Rates per second as written; anything else is not a rate this dashboard shows. */
export function perSecondRate(unit: string | null): Scale | null {
  return perSecond(unit) ? AS_WRITTEN : null;
}

/**
 * Each statistic object of `group` in `record`, read in the unit it states; one whose unit is
 * not of the group's kind is left out with a warning.
 */
export function readStatGroup(
  into: ReadMetrics,
  record: JsonRecord,
  prefix: string,
  group: StatGroup,
  warnings: string[],
): void {
  for (const [key, keyOf, note = ''] of group.entries) {
    const statistics = ownObject(record, key);
    if (statistics === null) continue;
    const unit = unitOf(statistics, group.unitKey);
    const scale = group.scaleOf(unit);
    if (scale === null) {
      warnings.push(
        `${prefix}${key} is in "${unit ?? ''}", not a unit it can be: it was left out.`,
      );
      continue;
    }
    readStats(into, keyOf, statistics, group.paths, scale, `${prefix}${key}.`, note);
  }
}

/** The unit a statistic object states under `unitKey` (`unit`, `units`), or null. */
export function unitOf(record: JsonRecord | null, unitKey: string): string | null {
  return record === null ? null : textOf(own(record, unitKey));
}

/** Text fields a file states (version, backend, dtype) as attributes; absent ones left out. */
export function attributesOf(
  fields: readonly (readonly [name: string, value: unknown])[],
  warnings: string[],
): Readonly<Record<string, string>> {
  const record = emptyRecord();
  let stated = false;
  for (const [name, value] of fields) {
    const text = scalarText(value);
    if (text === null) continue;
    record[name] = capText(text, `The ${name}`, warnings);
    stated = true;
  }
  return stated ? Object.freeze(record) : NO_ATTRIBUTES;
}

/** True when any metric holds a dashboard latency (TTFT, TPOT, ITL, E2E) or throughput. */
export function hasCoreMetric(read: ReadMetrics): boolean {
  return Object.keys(read.metrics).some(
    (key) =>
      /^(?:ttft|tpot|itl|e2el)_/.test(key) || key.endsWith('_throughput') || key === 'elapsed_time',
  );
}

/**
 * One result of another tool's file: named from what it states, its engine the one the file
 * names or null (a client measures whatever server it was pointed at), never a guessed vLLM.
 */
export function engineResult(
  suite: Suite,
  stated: StatedFacts,
  read: ReadMetrics,
  context: RawContext,
  useFileName: boolean,
  attributes: Readonly<Record<string, string>> = NO_ATTRIBUTES,
): BenchmarkResult {
  const result = finishRawResult(suite, stated, read.metrics, attributes, context, useFileName);
  // A copy only where the engine differs (not stated, where the finish assumes vLLM).
  return result.engine === stated.engine ? result : { ...result, engine: stated.engine };
}

/** Results of one file → its outcome, with the date and where each metric was read as meta. */
export function engineOutcome(
  format: DetectedFormat,
  results: readonly BenchmarkResult[],
  context: RawContext,
  date: string | null,
  sources: readonly ReadMetrics[],
): ParseOutcome {
  const merged = Object.create(null) as Record<string, string>;
  for (const read of sources) {
    for (const [key, source] of Object.entries(read.sources)) merged[key] ??= source;
  }
  const hasSources = Object.keys(merged).length > 0;
  return successOutcome(
    format,
    results,
    context.warnings,
    buildMeta({ date, sources: hasSources ? merged : null }),
  );
}

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/;

/**
 * When a run was made, as meta writes it (ISO without zone): from unix seconds (shown in UTC) or
 * an ISO text (its own clock time kept). Null for anything else or an impossible time.
 */
export function runDate(value: unknown): string | null {
  if (typeof value === 'number') {
    // Before 2000 or after 2100 is no benchmark's start time.
    if (!(value > 946_684_800 && value < 4_102_444_800)) return null;
    return new Date(value * 1000).toISOString().slice(0, 19);
  }
  if (typeof value !== 'string') return null;
  const match = ISO_PREFIX.exec(value.trim());
  if (match === null) return null;
  const text = match[0].replace(' ', 'T');
  return Number.isNaN(Date.parse(`${text}Z`)) ? null : text;
}
