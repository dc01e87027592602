/** Results and datasets made up for the sort tests. */
import type {
  BenchmarkResult,
  Dataset,
  MetricValues,
} from '../../../src/data/results/result-model';

/** A latency result of llama8B on 8×H100 with the given name, metrics and TP. */
export function latencyResult(
  testName: string,
  metrics: MetricValues,
  tp: number | null = 1,
): BenchmarkResult {
  return {
    suite: 'latency',
    testName,
    model: 'llama8B',
    tp,
    pp: null,
    dp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: null,
    variant: null,
    qps: null,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    engine: null,
    metrics,
    attributes: {},
  };
}

/** Generated results as one loaded dataset. */
export function datasetOf(results: readonly BenchmarkResult[]): Dataset {
  return {
    id: 'generated',
    label: 'generated.json',
    source: { kind: 'file', name: 'generated.json' },
    format: { id: 'vllm-markdown', label: 'vLLM markdown V4' },
    results,
    warnings: [],
  };
}
