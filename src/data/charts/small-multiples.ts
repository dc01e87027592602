/**
 * What the serving and trade-off charts share: a metric per axis, one small chart (panel) per
 * serving test family with one series per GPU, and the cap on how many panels are drawn.
 */
import { describeMetric, type MetricDirection } from '../metrics';
import type { ResultsView } from '../results/results-view';
import { chartGpus, type ChartGpu } from './chart-gpus';
import { servingPairSums, type QpsPairSums } from './mark-values';
import { groupsWithinBudget, MAX_SMALL_CHARTS } from './point-budget';

/** A metric as a chart plots it: its key, what the axis and table call it, its unit and direction. */
export interface PlottedMetric {
  readonly metricKey: string;
  /** Axis and table header, e.g. `Mean latency` or `Throughput per GPU`. */
  readonly label: string;
  readonly unit: string;
  readonly direction: MetricDirection;
}

/** A metric as described (see describeMetric), under another label where the chart names it so. */
export function plottedMetric(metricKey: string, label?: string): PlottedMetric {
  const info = describeMetric(metricKey);
  return { metricKey, label: label ?? info.label, unit: info.unit, direction: info.direction };
}

/** One small chart: a serving test family (model, TP, prompt dataset). */
export interface ChartPanel {
  readonly key: string;
  readonly label: string;
}

/** Small charts, one per test family, each with a series per GPU. */
export interface SmallMultiples<P extends ChartPanel> {
  /** GPUs with a series in some panel, in label order. */
  readonly gpus: readonly ChartGpu[];
  readonly panels: readonly P[];
  /** Panels left out (beyond the small-chart limit or the point budget). */
  readonly omittedPanels: number;
}

/** How servingSmallMultiples builds a chart's series and panels, and what a panel costs. */
export interface SmallMultiplesBuild<S, P extends ChartPanel, K extends string = never> {
  /** A GPU's series from its sums of the metrics per offered QPS; null for none. */
  readonly series: (gpu: ChartGpu, byQps: QpsPairSums<K>) => S | null;
  /** A test family's panel from its series (at least one), in GPU label order. */
  readonly panel: (family: ChartPanel, series: S[]) => P;
  /** The marks one panel is counted at against the point budget, given every panel and GPU. */
  readonly marksPerPanel: (panels: readonly P[], gpus: readonly ChartGpu[]) => number;
}

/**
 * Visible serving results as one panel per test family (model), in reading order, each with a
 * series per GPU built from the GPU's sums per offered QPS of two metrics (`first`, `second`)
 * and of any further keys (under `more`). A GPU with no series in a family is left out of its
 * panel, a family without any series has no panel, and the panels drawn are the first ones, at
 * most MAX_SMALL_CHARTS and as many as the point budget allows (at least one, so the chart never
 * goes blank). `gpus` are those with a series in some panel, drawn or not.
 */
export function servingSmallMultiples<S, P extends ChartPanel, K extends string = never>(
  view: ResultsView,
  [firstKey, secondKey, ...moreKeys]: readonly [string, string, ...K[]],
  build: SmallMultiplesBuild<S, P, K>,
): SmallMultiples<P> {
  const gpus = chartGpus(view.index);
  const used = new Set<number>();
  const panels: P[] = [];
  for (const [key, family] of servingPairSums(view, firstKey, secondKey, moreKeys)) {
    const series: S[] = [];
    for (const [code, byQps] of [...family.gpus].sort((a, b) => a[0] - b[0])) {
      const gpu = gpus[code];
      const built = gpu === undefined ? null : build.series(gpu, byQps);
      if (built === null) continue;
      used.add(code);
      series.push(built);
    }
    if (series.length > 0) panels.push(build.panel({ key, label: family.label }, series));
  }
  const shownGpus = gpus.filter((_, code) => used.has(code));
  const marks = build.marksPerPanel(panels, shownGpus);
  const fit = Math.min(MAX_SMALL_CHARTS, groupsWithinBudget(panels.length, marks));
  const shown = panels.slice(0, fit);
  return { gpus: shownGpus, panels: shown, omittedPanels: panels.length - shown.length };
}
