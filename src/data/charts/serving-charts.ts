import { describeMetric, type MetricDirection } from '../metrics';
import type { ResultsView } from '../result-index';
import { chartGpus, type ChartGpu } from './chart-gpus';
import {
  forEachVisible,
  MarkSum,
  servingTestFamily,
  testLabel,
  type MarkValue,
} from './mark-values';
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

interface PanelSums {
  readonly label: string;
  /** gpu code → qps → sums of the plotted metric and of the achieved rate. */
  readonly gpus: Map<number, Map<number, { value: MarkSum; achieved: MarkSum }>>;
}

/** Serving sums per test family, GPU and QPS, in reading order of the families. */
function servingSums(view: ResultsView, metricKey: string): Map<string, PanelSums> {
  const panels = new Map<string, PanelSums>();
  // Many rows share a test name: work out each name's family once.
  const familyOf = new Map<string, string>();
  forEachVisible(view, 'serving', (result, dataset, gpuCode) => {
    if (result.qps === null || Number.isNaN(result.qps)) return;
    let family = familyOf.get(result.testName);
    if (family === undefined) {
      family = servingTestFamily(result.testName);
      familyOf.set(result.testName, family);
    }
    let panel = panels.get(family);
    if (panel === undefined) {
      panel = { label: testLabel(result), gpus: new Map() };
      panels.set(family, panel);
    }
    let byQps = panel.gpus.get(gpuCode);
    if (byQps === undefined) {
      byQps = new Map();
      panel.gpus.set(gpuCode, byQps);
    }
    let sums = byQps.get(result.qps);
    if (sums === undefined) {
      sums = { value: new MarkSum(), achieved: new MarkSum() };
      byQps.set(result.qps, sums);
    }
    sums.value.add(result.metrics[metricKey], result.testName, dataset);
    sums.achieved.add(result.metrics.request_throughput, result.testName, dataset);
  });
  return panels;
}

/**
 * The serving chart: one small chart per test family (model), one line per visible GPU of the
 * chosen metric against offered QPS, with each line's saturation point from its achieved req/s.
 */
export function servingChart(view: ResultsView, metricKey: string): ServingChartData {
  const gpus = chartGpus(view.index);
  const used = new Set<number>();
  const panels: ServingPanel[] = [];
  for (const [key, sums] of servingSums(view, metricKey)) {
    const lines: ServingLine[] = [];
    const qpsSeen: number[] = [];
    for (const [code, byQps] of [...sums.gpus].sort((a, b) => a[0] - b[0])) {
      const gpu = gpus[code];
      if (gpu === undefined) continue;
      const points = new Map<number, MarkValue>();
      const achieved: { qps: number; achieved: number }[] = [];
      for (const qps of orderQps(byQps.keys())) {
        const entry = byQps.get(qps);
        const mark = entry?.value.value() ?? null;
        if (mark !== null) points.set(qps, mark);
        const rate = entry?.achieved.value() ?? null;
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
