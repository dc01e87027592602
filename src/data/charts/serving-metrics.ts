import { describeMetric } from '../metrics';
import type { LatencyStat } from './bar-charts';

/**
 * The serving metrics a chart can plot against QPS, limited to what the loaded data has: latency
 * quantities (TTFT, ITL, TPOT, E2E latency) with a statistic, the achieved request rate, and a
 * token rate when present.
 */

export type ServingQuantity = 'ttft' | 'itl' | 'tpot' | 'e2el';

const QUANTITIES: readonly ServingQuantity[] = ['ttft', 'itl', 'tpot', 'e2el'];
const STATS: readonly LatencyStat[] = ['mean', 'median', 'p99'];
const TOKEN_RATES: readonly string[] = [
  'output_throughput',
  'total_token_throughput',
  'token_throughput',
];

export interface ServingMetricChoice {
  /** `ttft`, `itl`, … for a latency quantity; the metric key itself for a rate. */
  readonly id: string;
  /** What the picker shows: `TTFT`, `Achieved req/s`, `Output tok/s`. */
  readonly label: string;
  /** The statistics the data has for a latency quantity; empty for a rate. */
  readonly stats: readonly LatencyStat[];
}

const QUANTITY_LABELS: Readonly<Record<ServingQuantity, string>> = {
  ttft: 'TTFT',
  itl: 'ITL',
  tpot: 'TPOT',
  e2el: 'E2E latency',
};

/** The choices present in the serving suite's metric keys, latency quantities first. */
export function servingMetricChoices(metricKeys: readonly string[]): ServingMetricChoice[] {
  const present = new Set(metricKeys);
  const choices: ServingMetricChoice[] = [];
  for (const quantity of QUANTITIES) {
    const stats = STATS.filter((stat) => present.has(`${quantity}_${stat}`));
    if (stats.length > 0) choices.push({ id: quantity, label: QUANTITY_LABELS[quantity], stats });
  }
  if (present.has('request_throughput')) {
    choices.push({ id: 'request_throughput', label: 'Achieved req/s', stats: [] });
  }
  const tokenRate = TOKEN_RATES.find((key) => present.has(key));
  if (tokenRate !== undefined) {
    choices.push({ id: tokenRate, label: `${describeMetric(tokenRate).label} (tok/s)`, stats: [] });
  }
  return choices;
}

/** The latency choices only (for the trade-off's y axis). */
export function latencyChoices(metricKeys: readonly string[]): ServingMetricChoice[] {
  return servingMetricChoices(metricKeys).filter((choice) => choice.stats.length > 0);
}

/**
 * The metric key a choice and statistic stand for: `ttft` + `p99` → `ttft_p99`; a rate is its own
 * key. A statistic the choice lacks falls back to its first one.
 */
export function servingMetricKey(choice: ServingMetricChoice, stat: LatencyStat): string {
  if (choice.stats.length === 0) return choice.id;
  const used = choice.stats.includes(stat) ? stat : (choice.stats[0] ?? 'mean');
  return `${choice.id}_${used}`;
}

/**
 * The metric key a chart plots: that of the choice in effect and its statistic, or `fallback`
 * when the data offers no choice at all.
 */
export function plottedServingKey(
  choice: ServingMetricChoice | undefined,
  stat: LatencyStat,
  fallback: string,
): string {
  return choice === undefined ? fallback : servingMetricKey(choice, stat);
}

/** A serving metric key to pick, with its statistic in its name: `P99 TTFT`, `Achieved req/s`. */
export interface ServingMetricOption {
  readonly value: string;
  readonly label: string;
}

/** Every serving metric key the data offers, each statistic of a latency quantity on its own. */
export function servingMetricOptions(metricKeys: readonly string[]): ServingMetricOption[] {
  return servingMetricChoices(metricKeys).flatMap((choice) =>
    choice.stats.length === 0
      ? [{ value: choice.id, label: choice.label }]
      : choice.stats.map((stat) => {
          const key = servingMetricKey(choice, stat);
          return { value: key, label: describeMetric(key).label };
        }),
  );
}

/** The option in effect: the one chosen while the data offers it, else the first, else `fallback`. */
export function optionInEffect(
  options: readonly ServingMetricOption[],
  chosen: string,
  fallback: string,
): string {
  return options.some((option) => option.value === chosen)
    ? chosen
    : (options[0]?.value ?? fallback);
}
