/**
 * What the serving and trade-off charts share: a metric per axis, one small chart (panel) per
 * serving test family with one series per GPU and engine (engines measured on the same test meet
 * in one panel, told apart by line style), and the cap on how many panels are drawn.
 */
import { describeMetric, type MetricDirection } from '../metrics';
import type { ResultsView } from '../results/results-view';
import { chartGpus, type ChartGpu } from './chart-gpus';
import { VLLM } from '../engines';
import { enginesOf } from './engine-dash';
import { servingPairSumsSteps, type QpsPairSums } from './mark-values';
import { runSteps, type Steps } from '../results/steps';
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
  /** The family, and its engines unless only vLLM (`… · sharegpt · vLLM vs SGLang`). */
  readonly label: string;
  /** The engines with a series in the panel, vLLM first (see engine-dash.ts for their styles). */
  readonly engines: readonly (string | null)[];
}

/** A series' identity beside its GPU: the engine it measured. */
export interface EngineSeries {
  readonly gpu: ChartGpu;
  readonly engine: string | null;
}

/** A series' key, unique in its panel: the GPU's, and the engine's when it is not vLLM. */
export function seriesKeyOf(series: EngineSeries): string {
  return series.engine === VLLM ? series.gpu.key : `${series.gpu.key}|${series.engine ?? '—'}`;
}

/** A series' name for people: its GPU, and its engine unless vLLM (`8×H100 · SGLang`). */
export function seriesLabelOf(series: EngineSeries): string {
  return series.engine === VLLM
    ? series.gpu.label
    : `${series.gpu.label} · ${series.engine ?? 'engine not stated'}`;
}

/** A family's label with its engines, unless they are vLLM alone. */
function panelLabel(family: string, engines: readonly (string | null)[]): string {
  if (engines.length === 1 && engines[0] === VLLM) return family;
  return `${family} · ${engines.map((engine) => engine ?? 'engine not stated').join(' vs ')}`;
}

/** Small charts, one per test family, each with a series per GPU. */
export interface SmallMultiples<P extends ChartPanel> {
  /** GPUs with a series in some panel, in label order. */
  readonly gpus: readonly ChartGpu[];
  readonly panels: readonly P[];
  /** Panels left out (beyond the small-chart limit or the point budget). */
  readonly omittedPanels: number;
  /**
   * The engines of the panels drawn, vLLM first: each has one line style over the whole chart
   * (engineDash), so SGLang is dashed in every panel where vLLM is solid.
   */
  readonly engines: readonly (string | null)[];
}

/** How servingSmallMultiples builds a chart's series and panels, and what a panel costs. */
export interface SmallMultiplesBuild<S, P extends ChartPanel, K extends string = never> {
  /** A GPU's series of one engine from its sums of the metrics per offered QPS; null for none. */
  readonly series: (identity: EngineSeries, byQps: QpsPairSums<K>) => S | null;
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
  keys: readonly [string, string, ...K[]],
  build: SmallMultiplesBuild<S, P, K>,
): SmallMultiples<P> {
  return runSteps(servingSmallMultiplesSteps(view, keys, build));
}

/** `servingSmallMultiples` as steps (see steps.ts): the sums are made a step at a time. */
export function* servingSmallMultiplesSteps<S, P extends ChartPanel, K extends string = never>(
  view: ResultsView,
  [firstKey, secondKey, ...moreKeys]: readonly [string, string, ...K[]],
  build: SmallMultiplesBuild<S, P, K>,
): Steps<SmallMultiples<P>> {
  const sums = yield* servingPairSumsSteps(view, firstKey, secondKey, moreKeys);
  const gpus = chartGpus(view.index);
  const used = new Set<number>();
  const panels: P[] = [];
  for (const [key, family] of sums) {
    const engines = enginesOf([...family.series.values()]);
    const series: S[] = [];
    const drawn = new Set<string | null>();
    // GPU by GPU, each GPU's engines in the panel's engine order.
    const ordered = [...family.series.values()].sort(
      (a, b) => a.gpuCode - b.gpuCode || engines.indexOf(a.engine) - engines.indexOf(b.engine),
    );
    for (const { gpuCode, engine, byQps } of ordered) {
      const gpu = gpus[gpuCode];
      const built = gpu === undefined ? null : build.series({ gpu, engine }, byQps);
      if (built === null) continue;
      used.add(gpuCode);
      drawn.add(engine);
      series.push(built);
    }
    if (series.length === 0) continue;
    const shown = engines.filter((engine) => drawn.has(engine));
    panels.push(
      build.panel({ key, label: panelLabel(family.label, shown), engines: shown }, series),
    );
  }
  const shownGpus = gpus.filter((_, code) => used.has(code));
  const marks = build.marksPerPanel(panels, shownGpus);
  const fit = Math.min(MAX_SMALL_CHARTS, groupsWithinBudget(panels.length, marks));
  const shown = panels.slice(0, fit);
  const engines = enginesOf(shown.flatMap((panel) => panel.engines.map((engine) => ({ engine }))));
  return { gpus: shownGpus, panels: shown, omittedPanels: panels.length - shown.length, engines };
}
