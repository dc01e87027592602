import { describeMetric } from '../metrics';
import type { ResultsView } from '../results/results-view';
import { chartGpus, type ChartGpu } from './chart-gpus';
import { servingPairSums, type MarkValue } from './mark-values';
import { paretoFrontier } from './pareto';
import { MAX_SMALL_CHARTS, POINT_BUDGET, groupsWithinBudget, thinPoints } from './point-budget';

/** One GPU at one offered QPS: its achieved rate (x) and the chosen latency (y). */
export interface TradeOffPoint {
  readonly qps: number;
  readonly x: number;
  readonly y: number;
  readonly xMark: MarkValue;
  readonly yMark: MarkValue;
}

export interface TradeOffSeries {
  readonly gpu: ChartGpu;
  /** Ascending by offered QPS, ∞ last. */
  readonly points: readonly TradeOffPoint[];
  /** The points no other point of this GPU beats on both axes, by x ascending. */
  readonly frontier: readonly TradeOffPoint[];
}

export interface TradeOffPanel {
  readonly key: string;
  readonly label: string;
  readonly series: readonly TradeOffSeries[];
}

export interface TradeOffData {
  readonly xKey: string;
  readonly xLabel: string;
  readonly xUnit: string;
  readonly yKey: string;
  readonly yLabel: string;
  readonly yUnit: string;
  readonly gpus: readonly ChartGpu[];
  readonly panels: readonly TradeOffPanel[];
  readonly omittedPanels: number;
  /** Points left out of dense series (the frontier is always kept). */
  readonly thinnedPoints: number;
}

const X_KEY = 'request_throughput';

/**
 * The trade-off chart: per test family (model), each visible GPU's serving runs as points of
 * achieved req/s (x) against the chosen latency (y), with the GPU's Pareto frontier. Runs without
 * both values are left out; several runs of one GPU and QPS are averaged.
 */
export function tradeOffChart(view: ResultsView, yKey: string): TradeOffData {
  const gpus = chartGpus(view.index);
  const families = servingPairSums(view, X_KEY, yKey);

  const used = new Set<number>();
  const panels: TradeOffPanel[] = [];
  for (const [key, family] of families) {
    const series: TradeOffSeries[] = [];
    for (const [code, byQps] of [...family.gpus].sort((a, b) => a[0] - b[0])) {
      const gpu = gpus[code];
      if (gpu === undefined) continue;
      const points: TradeOffPoint[] = [];
      for (const [qps, sums] of [...byQps].sort((a, b) => a[0] - b[0])) {
        const xMark = sums.first.value();
        const yMark = sums.second.value();
        if (xMark === null || yMark === null) continue;
        points.push({ qps, x: xMark.value, y: yMark.value, xMark, yMark });
      }
      if (points.length === 0) continue;
      used.add(code);
      series.push({ gpu, points, frontier: paretoFrontier(points) });
    }
    if (series.length > 0) panels.push({ key, label: family.label, series });
  }

  const marksPerPanel = Math.max(
    1,
    ...panels.map((panel) => panel.series.reduce((sum, s) => sum + s.points.length, 0)),
  );
  const fit = Math.min(MAX_SMALL_CHARTS, groupsWithinBudget(panels.length, marksPerPanel));
  // A single dense panel may still exceed the budget: thin each series, keeping its frontier.
  let thinnedPoints = 0;
  const shown = panels.slice(0, fit).map((panel) => {
    const total = panel.series.reduce((sum, s) => sum + s.points.length, 0);
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
  const x = describeMetric(X_KEY);
  const y = describeMetric(yKey);
  return {
    xKey: X_KEY,
    xLabel: 'Achieved throughput',
    xUnit: x.unit,
    yKey,
    yLabel: y.label,
    yUnit: y.unit,
    gpus: gpus.filter((_, code) => used.has(code)),
    panels: shown,
    omittedPanels: panels.length - shown.length,
    thinnedPoints,
  };
}
