// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { distinctEngines, metricSources } from '../../../src/data/results/provenance';
import { result } from '../charts/chart-fixtures';

describe('provenance', () => {
  it('lists each recorded source under its metric’s header, in the reader’s order', () => {
    expect(
      metricSources({
        sources: {
          ttft_median: 'results_ttft_s_quantiles_p50 × 1000 (s → ms)',
          request_throughput: 'results_num_completed_requests_per_min ÷ 60',
        },
      }),
    ).toEqual([
      { metric: 'Median TTFT (ms)', source: 'results_ttft_s_quantiles_p50 × 1000 (s → ms)' },
      { metric: 'Throughput (req/s)', source: 'results_num_completed_requests_per_min ÷ 60' },
    ]);
    expect(metricSources(undefined)).toEqual([]);
    expect(metricSources({ date: '2026-01-01' })).toEqual([]);
  });

  it('names each engine once, in first-seen order, and says when a file names none', () => {
    const rows = [
      result('serving', 'a', 'H100', {}, { engine: 'SGLang' }),
      result('serving', 'b', 'H100', {}, { engine: null }),
      result('serving', 'c', 'H100', {}, { engine: 'SGLang' }),
      result('serving', 'd', 'H100', {}, { engine: 'vLLM' }),
    ];
    expect(distinctEngines(rows)).toEqual(['SGLang', 'Not stated', 'vLLM']);
  });
});
