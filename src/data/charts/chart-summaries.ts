import { formatMetricValue } from '../format';
import { directionText } from '../metrics';
import type { BarChartData } from './bar-charts';
import type { ServingChartData } from './serving-charts';
import type { PlottedMetric } from './small-multiples';
import type { SpeedupMatrix } from './speedup';
import type { TradeOffData } from './trade-off';
import { qpsText } from './qps-axis';

/**
 * One-paragraph text alternatives of the charts: what is plotted, over what, and the finding a
 * sighted reader takes from the picture. The "Show data" tables carry every value.
 */

/** A count and its noun as a sentence says it: `1 test`, `1,200 tests`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** A metric in a sentence, with its unit and direction: `Mean latency (ms, lower is better)`. */
export function metricInWords({
  label,
  unit,
  direction,
}: Omit<PlottedMetric, 'metricKey'>): string {
  const parts = [unit, directionText(direction)].filter((part) => part !== '');
  return parts.length === 0 ? label : `${label} (${parts.join(', ')})`;
}

/** Formats a speedup ratio as the matrix shows it: `1.19×`. */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** "Mean latency (ms, lower is better) for 3 tests on 3 GPUs. Best in most tests: 8×H200 (3 of 3)." */
export function barChartSummary(data: BarChartData): string {
  if (data.groups.length === 0) return `No ${data.label.toLowerCase()} values match the filters.`;
  const head = `${metricInWords(data)} for ${plural(data.groups.length, 'test')} on ${plural(data.gpus.length, 'GPU')}.`;
  if (data.gpus.length < 2 || data.direction === 'neutral') return head;
  const wins = new Map<string, number>();
  for (const group of data.groups) {
    let best: { label: string; value: number } | null = null;
    for (const gpu of data.gpus) {
      const bar = group.bars.get(gpu.key);
      if (bar === undefined) continue;
      const better =
        best === null ||
        (data.direction === 'lower' ? bar.value < best.value : bar.value > best.value);
      if (better) best = { label: gpu.label, value: bar.value };
    }
    if (best !== null) wins.set(best.label, (wins.get(best.label) ?? 0) + 1);
  }
  const word = data.direction === 'lower' ? 'Lowest' : 'Highest';
  const ranked = [...wins].sort((a, b) => b[1] - a[1]);
  const list = ranked.map(([label, count]) => `${label} in ${count} of ${data.groups.length}`);
  return `${head} ${word} per test: ${list.join('; ')}.`;
}

/** What is plotted against QPS, and where each GPU saturates in each small chart. */
export function servingSummary(data: ServingChartData): string {
  if (data.panels.length === 0) return 'No serving values match the filters.';
  const head = `${metricInWords(data)} against offered QPS for ${plural(data.panels.length, 'model configuration')} on ${plural(data.gpus.length, 'GPU')}.`;
  const saturation = data.panels.map((panel) => {
    const points = panel.lines.map((line) =>
      line.saturation === null
        ? `${line.gpu.label} shows none`
        : `${line.gpu.label} at QPS ${qpsText(line.saturation)}`,
    );
    return `${panel.label}: ${points.join(', ')}`;
  });
  return `${head} Saturation, where requests start to queue: ${saturation.join('; ')}.`;
}

/** The axes, and per model the GPU reaching the highest achieved rate with its latency there. */
export function tradeOffSummary(data: TradeOffData): string {
  if (data.panels.length === 0) return 'No serving runs with both values match the filters.';
  const head = `${metricInWords(data.x)} against ${metricInWords(data.y)} for ${plural(data.panels.length, 'model configuration')} on ${plural(data.gpus.length, 'GPU')}, with each GPU's Pareto frontier.`;
  const tops = data.panels.map((panel) => {
    let top: { gpu: string; x: number; y: number } | null = null;
    for (const series of panel.series) {
      for (const point of series.points) {
        if (top === null || point.x > top.x)
          top = { gpu: series.gpu.label, x: point.x, y: point.y };
      }
    }
    if (top === null) return panel.label;
    return `${panel.label}: ${top.gpu}, ${formatMetricValue(data.x.metricKey, top.x)} ${data.x.unit} at ${formatMetricValue(data.y.metricKey, top.y)} ${data.y.unit}`;
  });
  return `${head} Highest achieved throughput: ${tops.join('; ')}.`;
}

/** The geometric-mean speedup of every GPU over the baseline. */
export function speedupSummary(matrix: SpeedupMatrix): string {
  if (matrix.baseline === null) return 'No results match the filters.';
  if (matrix.candidates.length === 0) {
    return `Only ${matrix.baseline.label} is shown; there is no other GPU to compare with it.`;
  }
  const means = matrix.candidates.map((gpu) => {
    const mean = matrix.geometricMeans.get(gpu.key);
    if (mean === undefined) return `${gpu.label}: no common tests`;
    const word = mean.value > 1 ? 'faster' : mean.value < 1 ? 'slower' : 'the same';
    return `${gpu.label} ${formatRatio(mean.value)} (${word}, over ${plural(mean.count, 'test')})`;
  });
  return `Speedup over ${matrix.baseline.label}, geometric mean per GPU, above 1× means faster: ${means.join('; ')}.`;
}
