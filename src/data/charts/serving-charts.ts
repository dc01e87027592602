import { describeMetric, type MetricDirection } from '../metrics';
import type { ResultsView } from '../results/results-view';
import { chartGpus, type ChartGpu } from './chart-gpus';
import { servingPairSums, type MarkValue } from './mark-values';
import { groupsWithinBudget, MAX_SMALL_CHARTS } from './point-budget';
import { orderQps } from './qps-axis';
import { saturationQps } from './saturation';

/** One GPU's line in one small chart: its value at each offered QPS, and where it saturates. */
export interface ServingLine {
  readonly gpu: ChartGpu;
  /** Keyed by offered QPS (Infinity for all at once). */
  readonly points: ReadonlyMap<number, MarkValue>;
  /** The QPS where achieved req/s first falls below 90% of offered; null when it never does. */
  readonly saturation: number | null;
}

/** One small chart: a serving test family (model, TP, prompt dataset) across QPS. */
export interface ServingPanel {
  readonly key: string;
  readonly label: string;
  /** The QPS values of this panel, ascending with ∞ last. */
  readonly qpsAxis: readonly number[];
  readonly lines: readonly ServingLine[];
}

export interface ServingChartData {
  readonly metricKey: string;
  readonly label: string;
  readonly unit: string;
  readonly direction: MetricDirection;
  readonly gpus: readonly ChartGpu[];
  readonly panels: readonly ServingPanel[];
  /** Panels left out (beyond the small-chart limit or the point budget). */
  readonly omittedPanels: number;
}

/**
 * The serving chart: one small chart per test family (model), one line per visible GPU of the
 * chosen metric against offered QPS, with each line's saturation point from its achieved req/s.
 */
export function servingChart(view: ResultsView, metricKey: string): ServingChartData {
  const gpus = chartGpus(view.index);
  const used = new Set<number>();
  const panels: ServingPanel[] = [];
  for (const [key, sums] of servingPairSums(view, metricKey, 'request_throughput')) {
    const lines: ServingLine[] = [];
    const qpsSeen: number[] = [];
    for (const [code, byQps] of [...sums.gpus].sort((a, b) => a[0] - b[0])) {
      const gpu = gpus[code];
      if (gpu === undefined) continue;
      const points = new Map<number, MarkValue>();
      const achieved: { qps: number; achieved: number }[] = [];
      for (const qps of orderQps(byQps.keys())) {
        const entry = byQps.get(qps);
        const mark = entry?.first.value() ?? null;
        if (mark !== null) points.set(qps, mark);
        const rate = entry?.second.value() ?? null;
        if (rate !== null) achieved.push({ qps, achieved: rate.value });
      }
      if (points.size === 0) continue;
      qpsSeen.push(...points.keys());
      used.add(code);
      lines.push({ gpu, points, saturation: saturationQps(achieved) });
    }
    if (lines.length > 0)
      panels.push({ key, label: sums.label, qpsAxis: orderQps(qpsSeen), lines });
  }
  const shownGpus = gpus.filter((_, code) => used.has(code));
  const widest = Math.max(1, ...panels.map((panel) => panel.qpsAxis.length));
  const fit = Math.min(
    MAX_SMALL_CHARTS,
    groupsWithinBudget(panels.length, Math.max(1, shownGpus.length) * widest),
  );
  const info = describeMetric(metricKey);
  return {
    metricKey,
    label: info.label,
    unit: info.unit,
    direction: info.direction,
    gpus: shownGpus,
    panels: panels.slice(0, fit),
    omittedPanels: panels.length - Math.min(fit, panels.length),
  };
}
