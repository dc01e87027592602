import type { MarkValue } from '../data/charts/mark-values';
import { formatMetricValue } from '../data/format';
import { directionText, type MetricDirection } from '../data/metrics';

/** A value with its unit, as tooltips and data tables show it: `1,046.91 ms`. */
export function valueWithUnit(metricKey: string, value: number, unit: string): string {
  const text = formatMetricValue(metricKey, value);
  return unit === '' ? text : `${text} ${unit}`;
}

function listed(items: readonly string[], limit = 3): string {
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}

/** Where a mark's value comes from: `latency_llama8B_tp1 · Nightly · 8×H100`, or the mean of several. */
export function markSource(mark: MarkValue): string {
  const tests = listed(mark.testNames);
  if (mark.count === 1) return `${tests} · ${mark.datasets[0] ?? ''}`;
  return `mean of ${mark.count} results · ${tests} · ${listed(mark.datasets)}`;
}

/** The datasets of a mark, for a data-table cell. */
export function markDatasets(mark: MarkValue): string {
  return listed(mark.datasets);
}

/** An axis title with unit and direction: `Mean latency (ms) · lower is better`. */
export function axisTitle(label: string, unit: string, direction: MetricDirection): string {
  const withUnit = unit === '' ? label : `${label} (${unit})`;
  const better = directionText(direction);
  return better === '' ? withUnit : `${withUnit} · ${better}`;
}

const TICK = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** Axis tick numbers: three significant digits with grouping (`1,050`, `0.985`). */
export function formatTick(value: unknown): string {
  return typeof value === 'number' ? TICK.format(value) : String(value);
}

/** A value axis from 0: a round top at or above the largest value, and round ticks up to it. */
export interface ValueScale {
  readonly domain: [number, number];
  readonly ticks: number[];
}

/**
 * Round ticks from 0 to at least `max` (steps of 1, 2, 2.5 or 5 × 10^k, about four of them), so
 * an axis with a fixed domain still reads 0, 500, 1,000, … rather than 0, 1,237, 2,474.
 */
export function valueScale(max: number): ValueScale {
  const value = max > 0 && Number.isFinite(max) ? max * 1.02 : 1;
  const rough = value / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const count = Math.ceil(value / step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { domain: [0, ticks[count] ?? value], ticks };
}

/** A chart's notices as one text, the ones that apply (not false or empty); null when none do. */
export function joinNotices(notices: readonly (string | false)[]): string | null {
  const text = notices.filter((notice) => notice !== false && notice !== '').join(' ');
  return text === '' ? null : text;
}
