import type { ResultsView } from '../results/results-view';
import type { MarkValue } from './mark-values';
import { orderQps } from './qps-axis';
import { saturationQps, type LoadPoint } from './saturation';
import { plottedMetric, servingSmallMultiplesSteps } from './small-multiples';
import { runSteps, type Steps } from '../results/steps';
import type { ChartPanel, EngineSeries, PlottedMetric, SmallMultiples } from './small-multiples';

/** One GPU's line of one engine in one small chart: its value at each QPS, and where it saturates. */
export interface ServingLine extends EngineSeries {
  /** Keyed by offered QPS (Infinity for all at once). */
  readonly points: ReadonlyMap<number, MarkValue>;
  /**
   * The QPS where requests start to queue (see SATURATION_RULE); null when no rate shows it or
   * the runs have no values to judge it by.
   */
  readonly saturation: number | null;
}

/** One small chart: a serving test family (model, TP, prompt dataset) across QPS. */
export interface ServingPanel extends ChartPanel {
  /** The QPS values of this panel, ascending with ∞ last. */
  readonly qpsAxis: readonly number[];
  readonly lines: readonly ServingLine[];
}

export interface ServingChartData extends PlottedMetric, SmallMultiples<ServingPanel> {}

const ACHIEVED_RATE = 'request_throughput';
/** What saturation is judged by besides the achieved rate (see saturationQps). */
const LOAD_KEYS = ['ttft_median', 'ttft_mean', 'num_requests', 'e2el_median'] as const;

/**
 * The serving chart: one small chart per test family (model), one line per visible GPU of the
 * chosen metric against offered QPS, with each line's saturation point from its TTFT and
 * achieved req/s.
 */
export function servingChart(view: ResultsView, metricKey: string): ServingChartData {
  return runSteps(servingChartSteps(view, metricKey));
}

/** `servingChart` as steps (see steps.ts). */
export function* servingChartSteps(view: ResultsView, metricKey: string): Steps<ServingChartData> {
  const charts = yield* servingSmallMultiplesSteps(view, [metricKey, ACHIEVED_RATE, ...LOAD_KEYS], {
    series: (identity, byQps) => {
      const points = new Map<number, MarkValue>();
      const loads: LoadPoint[] = [];
      for (const qps of orderQps(byQps.keys())) {
        const entry = byQps.get(qps);
        if (entry === undefined) continue;
        const mark = entry.first.value();
        if (mark !== null) points.set(qps, mark);
        const { more } = entry;
        loads.push({
          qps,
          ttftMedian: more.ttft_median.mean(),
          ttftMean: more.ttft_mean.mean(),
          achieved: entry.second.value()?.value ?? null,
          requests: more.num_requests.mean(),
          e2elMedian: more.e2el_median.mean(),
        });
      }
      if (points.size === 0) return null;
      const line: ServingLine = { ...identity, points, saturation: saturationQps(loads) };
      return line;
    },
    panel: (family, lines): ServingPanel => ({
      ...family,
      qpsAxis: orderQps(lines.flatMap((line) => [...line.points.keys()])),
      lines,
    }),
    // Every GPU's line across the widest QPS axis.
    marksPerPanel: (panels, gpus) =>
      Math.max(1, gpus.length) * Math.max(1, ...panels.map((panel) => panel.qpsAxis.length)),
  });
  return { ...plottedMetric(metricKey), ...charts };
}

/**
 * Whether the chart plots the achieved rate, which the offered rate can be drawn against (both in
 * req/s): the gap between the two is where a GPU stops keeping up.
 */
export function plotsAchievedRate(data: Pick<ServingChartData, 'metricKey'>): boolean {
  return data.metricKey === ACHIEVED_RATE;
}

/**
 * The top the value axis (from 0) must reach: the largest value of any line, and with the offered
 * rate drawn, the largest finite offered QPS too (∞ has no place on a rate axis).
 */
export function servingValueTop(panel: ServingPanel, withOffered: boolean): number {
  let top = 0;
  for (const line of panel.lines)
    for (const mark of line.points.values()) top = Math.max(top, mark.value);
  if (withOffered) {
    for (const qps of panel.qpsAxis) if (Number.isFinite(qps)) top = Math.max(top, qps);
  }
  return top;
}
