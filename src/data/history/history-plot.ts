/** What the History chart plots: one row per run, and the round-ticked axis of changes. */
import { changePercent } from '../compare/metric-verdict';
import type { RunBand } from '../regression/series-statistics';
import type { HistoryData, HistoryPoint, HistorySeries } from './history-data';

/** What the y axis shows: the values, or each value's change from the baseline in percent. */
export type HistoryScale = 'value' | 'change';

/**
 * One row per run for the line chart: `position`, per series `dataKey` → number or null, and
 * `band` → the run's noise band [low, high] on the scale plotted, or null.
 */
export type HistoryChartRow = Readonly<
  Record<string, number | null | readonly [number, number]>
> & {
  readonly position: number;
};

/** The one test whose noise band is drawn, and its bands by dataset id. */
export interface PlottedBands {
  readonly series: HistorySeries;
  readonly bands: ReadonlyMap<string, RunBand>;
}

/**
 * A run's band on the scale plotted: the values, or their change from the test's baseline value
 * in percent (null without a baseline value).
 */
export function bandOnScale(
  band: RunBand | undefined,
  baselineValue: number | null,
  scale: HistoryScale,
): readonly [number, number] | null {
  if (band === undefined) return null;
  if (scale === 'value') return [band.low, band.high];
  const low = changePercent(baselineValue, band.low);
  const high = changePercent(baselineValue, band.high);
  return low === null || high === null ? null : [low, high];
}

/** The rows a line chart plots (nulls are gaps: lines are not drawn through them). */
export function historyChartRows(
  data: HistoryData,
  scale: HistoryScale,
  plotted: PlottedBands | null = null,
): HistoryChartRow[] {
  return data.runs.map((run) => {
    const row: Record<string, number | null | readonly [number, number]> = {
      position: run.position,
    };
    for (const line of data.series) {
      const point = line.points[run.position];
      row[line.dataKey] = (scale === 'value' ? point?.value : point?.changePct) ?? null;
    }
    if (plotted !== null) {
      row.band = bandOnScale(plotted.bands.get(run.id), plotted.series.baselineValue, scale);
    }
    return row as HistoryChartRow;
  });
}

/** Every band edge of the chart's rows (on the scale they were made for), for the axis to reach. */
export function bandEdgeValues(rows: readonly HistoryChartRow[]): number[] {
  return rows.flatMap((row) => {
    const band = row.band;
    return typeof band === 'object' && band !== null ? band : [];
  });
}

/**
 * The largest value of any test in any run, the top the value axis (from 0) must reach. Over
 * every test, shown or not, so turning a line off in the legend keeps the axis still.
 */
export function historyValueTop(data: {
  readonly series: readonly { readonly points: readonly Pick<HistoryPoint, 'value'>[] }[];
}): number {
  let top = 0;
  for (const line of data.series) {
    for (const point of line.points) if (point.value !== null) top = Math.max(top, point.value);
  }
  return top;
}

/** A y axis: its domain and round ticks. */
export interface HistoryAxis {
  readonly domain: [number, number];
  readonly ticks: number[];
}

/**
 * The change axis (percent): always through 0, the baseline's level, with round ticks (steps of
 * 1, 2, 2.5 or 5 × 10^k, about four of them) reaching past the largest rise and fall shown.
 * Without any change it spans −1% to +1%, so flat lines sit in the middle, not on an edge.
 */
export function historyChangeAxis(
  data: HistoryData,
  shown: readonly HistorySeries[],
  extra: readonly number[] = [],
): HistoryAxis {
  let low = Math.min(0, ...extra);
  let high = Math.max(0, ...extra);
  for (const line of shown) {
    for (const point of line.points) {
      if (point.changePct === null) continue;
      low = Math.min(low, point.changePct);
      high = Math.max(high, point.changePct);
    }
  }
  if (data.runs.length === 0 || (low === 0 && high === 0)) {
    return { domain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1] };
  }
  const rough = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) =>
    Number(((first + i) * step).toPrecision(12)),
  );
  return { domain: [ticks[0] ?? low, ticks[ticks.length - 1] ?? high], ticks };
}
