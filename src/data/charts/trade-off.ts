import type { ResultsView } from '../results/results-view';
import type { MarkValue } from './mark-values';
import { paretoFrontier } from './pareto';
import { POINT_BUDGET, thinPoints } from './point-budget';
import { plottedMetric, servingSmallMultiplesSteps } from './small-multiples';
import { runSteps, type Steps } from '../results/steps';
import type { ChartPanel, EngineSeries, PlottedMetric, SmallMultiples } from './small-multiples';

/** One GPU at one offered QPS: its achieved rate (x) and the chosen latency (y). */
export interface TradeOffPoint {
  readonly qps: number;
  readonly x: number;
  readonly y: number;
  readonly xMark: MarkValue;
  readonly yMark: MarkValue;
}

export interface TradeOffSeries extends EngineSeries {
  /** Ascending by offered QPS, ∞ last. */
  readonly points: readonly TradeOffPoint[];
  /** The points no other point of this GPU beats on both axes, by x ascending. */
  readonly frontier: readonly TradeOffPoint[];
}

export interface TradeOffPanel extends ChartPanel {
  readonly series: readonly TradeOffSeries[];
}

export interface TradeOffData extends SmallMultiples<TradeOffPanel> {
  /** The achieved request rate: higher is better. */
  readonly x: PlottedMetric;
  /** The chosen latency: lower is better. */
  readonly y: PlottedMetric;
  /** Points left out of dense series (the frontier is always kept). */
  readonly thinnedPoints: number;
}

const X_KEY = 'request_throughput';

function pointCount(series: readonly TradeOffSeries[]): number {
  return series.reduce((sum, s) => sum + s.points.length, 0);
}

/**
 * The trade-off chart: per test family (model), each visible GPU's serving runs as points of
 * achieved req/s (x) against the chosen latency (y), with the GPU's Pareto frontier. Runs without
 * both values are left out; several runs of one GPU and QPS are averaged.
 */
export function tradeOffChart(view: ResultsView, yKey: string): TradeOffData {
  return runSteps(tradeOffChartSteps(view, yKey));
}

/** `tradeOffChart` as steps (see steps.ts). */
export function* tradeOffChartSteps(view: ResultsView, yKey: string): Steps<TradeOffData> {
  const { gpus, panels, omittedPanels, engines } = yield* servingSmallMultiplesSteps(
    view,
    [X_KEY, yKey],
    {
      series: (identity, byQps) => {
        const points: TradeOffPoint[] = [];
        for (const [qps, sums] of [...byQps].sort((a, b) => a[0] - b[0])) {
          const xMark = sums.first.value();
          const yMark = sums.second.value();
          if (xMark === null || yMark === null) continue;
          points.push({ qps, x: xMark.value, y: yMark.value, xMark, yMark });
        }
        if (points.length === 0) return null;
        const series: TradeOffSeries = { ...identity, points, frontier: paretoFrontier(points) };
        return series;
      },
      panel: (family, series): TradeOffPanel => ({ ...family, series }),
      // The densest panel's points.
      marksPerPanel: (all) => Math.max(1, ...all.map((panel) => pointCount(panel.series))),
    },
  );
  // A single dense panel may still exceed the budget: thin each series, keeping its frontier.
  let thinnedPoints = 0;
  const shown = panels.map((panel): TradeOffPanel => {
    const total = pointCount(panel.series);
    if (total <= POINT_BUDGET) return panel;
    return {
      ...panel,
      series: panel.series.map((s) => {
        const limit = Math.max(2, Math.floor((POINT_BUDGET * s.points.length) / total));
        const onFrontier = new Set(s.frontier);
        const points = thinPoints(s.points, limit, (point) => onFrontier.has(point));
        thinnedPoints += s.points.length - points.length;
        return { ...s, points };
      }),
    };
  });
  return {
    // The frontier is of more x and less y, whatever the metrics' own descriptions say.
    x: { ...plottedMetric(X_KEY, 'Achieved throughput'), direction: 'higher' },
    y: { ...plottedMetric(yKey), direction: 'lower' },
    gpus,
    panels: shown,
    omittedPanels,
    engines,
    thinnedPoints,
  };
}

/**
 * The top each axis (from 0) must reach: the largest achieved rate and latency of any GPU in the
 * panel, drawn or not, so turning a GPU off in the legend keeps the axes still.
 */
export function tradeOffTops(panel: TradeOffPanel): { readonly x: number; readonly y: number } {
  let x = 0;
  let y = 0;
  for (const entry of panel.series) {
    for (const point of entry.points) {
      x = Math.max(x, point.x);
      y = Math.max(y, point.y);
    }
  }
  return { x, y };
}

/** One point of a panel, with its series (GPU and engine). */
export interface TradeOffPanelPoint {
  readonly series: TradeOffSeries;
  readonly point: TradeOffPoint;
}

/** Every point of some series, in the order the keyboard walks them: GPU by GPU, QPS ascending. */
export function tradeOffPanelPoints(series: readonly TradeOffSeries[]): TradeOffPanelPoint[] {
  return series.flatMap((entry) => entry.points.map((point) => ({ series: entry, point })));
}
