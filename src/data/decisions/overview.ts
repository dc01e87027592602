/**
 * The overview's scorecards: per model and GPU, the headline numbers of the latest run — the
 * throughput test's rate, the serving rate at saturation (the highest achieved over the tested
 * loads), median TTFT and ITL at the lowest load tested, and the latency test's mean — and per
 * model the best GPU by throughput per GPU used.
 */
import { gpuLabel } from '../gpu';
import { modelKey, modelLabel } from '../models';
import type { ResultsView } from '../results/results-view';
import type { BenchmarkResult } from '../results/result-model';
import { latestByGroups } from './latest-results';
import { gpusUsed, metricOf, setupLabel, type ServingConfig } from './serving-configs';

export interface LoadValue {
  readonly value: number;
  /** The load it was measured at (QPS or concurrency; Infinity: all at once). */
  readonly load: number;
}

export interface Scorecard {
  readonly key: string;
  readonly model: string;
  readonly gpu: string;
  /** The GPU, and the engine unless vLLM (`8×H100 · SGLang`): what the card is named by. */
  readonly setup: string;
  readonly tp: number | null;
  /** The throughput test's req/s. */
  readonly throughput: number | null;
  /** The highest achieved serving req/s and the load it came at. */
  readonly peakServing: LoadValue | null;
  /** Median TTFT and ITL (ms) at the lowest tested load. */
  readonly ttftLowLoad: LoadValue | null;
  readonly itlLowLoad: LoadValue | null;
  /** The latency test's mean (ms). */
  readonly latency: number | null;
  /** Throughput test req/s ÷ GPUs used: what the best GPU is chosen by. */
  readonly throughputPerGpu: number | null;
}

export interface ModelOverview {
  readonly model: string;
  readonly cards: readonly Scorecard[];
  /** The card with the highest throughput per GPU used; null with fewer than two to choose from. */
  readonly best: Scorecard | null;
}

/** What a card is for: the filter groups whose values make `cardKey`. */
const CARD_GROUPS = ['model', 'tp', 'gpu', 'engine'] as const;

function cardKey(result: Pick<BenchmarkResult, 'model' | 'tp' | 'gpu' | 'engine'>): string {
  return `${modelKey(result.model)}|${String(result.tp)}|${setupLabel(result)}`;
}

function atLowestLoad(config: ServingConfig | undefined, key: string): LoadValue | null {
  const first = config?.loads[0];
  if (first === undefined) return null;
  const value = metricOf(first.result, key);
  return value === null ? null : { value, load: first.load };
}

function peakOf(config: ServingConfig | undefined): LoadValue | null {
  let peak: LoadValue | null = null;
  for (const { load, result } of config?.loads ?? []) {
    const value = metricOf(result, 'request_throughput');
    if (value !== null && (peak === null || value > peak.value)) peak = { value, load };
  }
  return peak;
}

/** The overview of the visible results: one group per model, one scorecard per GPU (and TP). */
export function overview(view: ResultsView, configs: readonly ServingConfig[]): ModelOverview[] {
  const latency = latestByGroups(view, 'latency', CARD_GROUPS, cardKey);
  const throughput = latestByGroups(view, 'throughput', CARD_GROUPS, cardKey);
  const serving = new Map<string, ServingConfig>();
  for (const config of configs) {
    const key = cardKey(
      config.loads[0]?.result ?? { model: '', tp: null, gpu: null, engine: null },
    );
    const held = serving.get(key);
    // Of several prompt datasets, the configuration tested at the most loads speaks for the card.
    if (held === undefined || config.loads.length > held.loads.length) serving.set(key, config);
  }
  const cards = new Map<string, { result: BenchmarkResult; key: string }>();
  for (const [key, result] of [...latency, ...throughput]) cards.set(key, { result, key });
  for (const [key, config] of serving) {
    const first = config.loads[0];
    if (first !== undefined && !cards.has(key)) cards.set(key, { result: first.result, key });
  }
  const byModel = new Map<string, Scorecard[]>();
  const sorted = [...cards.values()].sort(
    (a, b) =>
      modelLabel(a.result.model).localeCompare(modelLabel(b.result.model)) ||
      (a.result.tp ?? 0) - (b.result.tp ?? 0) ||
      setupLabel(a.result).localeCompare(setupLabel(b.result)),
  );
  for (const { key, result } of sorted) {
    const config = serving.get(key);
    const tested = throughput.get(key);
    const tput = tested === undefined ? null : metricOf(tested, 'request_throughput');
    const latencyTest = latency.get(key);
    const gpus = gpusUsed(result);
    const card: Scorecard = {
      key,
      model: modelLabel(result.model),
      gpu: gpuLabel(result.gpu),
      setup: setupLabel(result),
      tp: result.tp,
      throughput: tput,
      peakServing: peakOf(config),
      ttftLowLoad: atLowestLoad(config, 'ttft_median'),
      itlLowLoad: atLowestLoad(config, 'itl_median'),
      latency: latencyTest === undefined ? null : metricOf(latencyTest, 'latency_mean'),
      throughputPerGpu: tput === null || gpus === null ? null : tput / gpus,
    };
    const list = byModel.get(card.model) ?? [];
    list.push(card);
    byModel.set(card.model, list);
  }
  return [...byModel].map(([model, list]) => ({ model, cards: list, best: bestCard(list) }));
}

function bestCard(cards: readonly Scorecard[]): Scorecard | null {
  const rated = cards.filter((card) => card.throughputPerGpu !== null);
  if (rated.length < 2) return null;
  return rated.reduce((best, card) =>
    (card.throughputPerGpu ?? 0) > (best.throughputPerGpu ?? 0) ? card : best,
  );
}
