// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import { fixture, only, parseFixture, parsedOrFail, refusedOrFail } from '../fixtures';
import { expectMetrics } from './expect-metrics';

describe('trtllm-bench report JSON', () => {
  it('reads a streaming run as an offline throughput result of TensorRT-LLM', () => {
    const parsed = parseFixture('trtllm-bench/report-streaming.json');
    expect(parsed.format).toEqual({ id: 'trtllm-bench', label: 'trtllm-bench report JSON' });
    expect(parsed.warnings).toEqual([]);
    const result = only(parsed);
    expect(result.suite).toBe('throughput');
    expect(result.engine).toBe('TensorRT-LLM');
    expect(result.model).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(result.testName).toBe('throughput_Llama-3.1-8B-Instruct_tp2');
    expect([result.tp, result.pp]).toEqual([2, 1]);
    // machine.name "NVIDIA H100 80GB HBM3" → H100; world_size 2 GPUs.
    expect(result.gpu).toEqual({ type: 'H100', count: 2 });
    // avg_input_length 1024.0 → 1024; avg_output_length 127.6 rounds to 128.
    expect([result.inputLen, result.outputLen]).toEqual([1024, 128]);
    expect([result.qps, result.concurrency]).toEqual([null, null]);
    expect(result.attributes).toEqual({
      trtllm_version: '1.0.0rc4',
      backend: 'Pytorch',
      dtype: 'bfloat16',
    });
    expectMetrics(result.metrics, {
      request_throughput: 40.8163,
      output_throughput: 5208.16,
      token_throughput: 47003.27,
      elapsed_time: 24.5, // total_latency_ms 24500 ÷ 1000 = 24.5 s
      'x:Output throughput per user mean (tok/s)': 9.12,
      'x:Output throughput per GPU mean (tok/s)': 2604.08,
      e2el_mean: 14210.5, // request_latency_percentiles_ms.average, already ms
      e2el_median: 14100.25, // p50
      e2el_p90: 21003.5,
      e2el_p95: 22410.0,
      e2el_p99: 23990.75,
      ttft_mean: 3105.2,
      ttft_median: 2950.4,
      ttft_p90: 5120.0,
      ttft_p95: 5480.6,
      ttft_p99: 5901.3,
      tpot_mean: 87.6,
      tpot_median: 86.9,
      tpot_p90: 101.3,
      tpot_p95: 104.8,
      tpot_p99: 112.05,
      num_requests: 1000,
      'x:Average concurrent requests mean (requests)': 612.4,
    });
    const sources = parsed.meta?.sources ?? {};
    expect(sources.elapsed_time).toBe('performance.total_latency_ms ÷ 1000 (ms → s)');
    expect(sources.ttft_median).toBe('streaming_metrics.ttft_percentiles.p50');
    expect(sources.token_throughput).toBe('performance.system_total_throughput_tok_s');
    // The percentiles' own average, not the separate avg_* beside them.
    expect(sources.e2el_mean).toBe('performance.request_latency_percentiles_ms.average');
    expect(sources.tpot_p99).toBe('streaming_metrics.tpot_percentiles.p99');
    expect(sources.num_requests).toBe('request_info.num_requests');
  });

  it('falls back to the averages alone when a run wrote no percentiles', () => {
    const report = JSON.parse(fixture('trtllm-bench/report-streaming.json')) as {
      performance: Record<string, unknown>;
      streaming_metrics: Record<string, unknown>;
    };
    delete report.performance.request_latency_percentiles_ms;
    delete report.streaming_metrics.ttft_percentiles;
    delete report.streaming_metrics.tpot_percentiles;
    const parsed = parsedOrFail(parseResultsText(JSON.stringify(report), 'report.json'));
    const { metrics } = only(parsed);
    // avg_request_latency_ms, avg_ttft_ms and avg_tpot_ms, already in ms; no median or tail.
    expect([metrics.e2el_mean, metrics.ttft_mean, metrics.tpot_mean]).toEqual([
      14210.5, 3105.2, 87.6,
    ]);
    const latencies = Object.keys(metrics).filter((key) => /^(?:e2el|ttft|tpot)_/.test(key));
    expect(latencies.sort()).toEqual(['e2el_mean', 'tpot_mean', 'ttft_mean']);
    const sources = parsed.meta?.sources ?? {};
    expect([sources.e2el_mean, sources.ttft_mean, sources.tpot_mean]).toEqual([
      'performance.avg_request_latency_ms',
      'streaming_metrics.avg_ttft_ms',
      'streaming_metrics.avg_tpot_ms',
    ]);
  });

  it('is not taken for a trtllm-bench report without its engine or world_info section', () => {
    const report = JSON.parse(fixture('trtllm-bench/report-streaming.json')) as object;
    for (const section of ['engine', 'world_info']) {
      // JSON leaves out a key whose value is undefined.
      const text = JSON.stringify({ ...report, [section]: undefined });
      const error = refusedOrFail(parseResultsText(text, 'report.json'));
      expect(error.message, section).toBe(
        'This JSON is not a benchmark results file this dashboard reads.',
      );
    }
  });

  it('reads an older run without streaming and without p90: no TTFT, no TPOT, no GPU', () => {
    const parsed = parseFixture('trtllm-bench/report-no-streaming-older.json');
    const result = only(parsed);
    // PP 2 is part of the name, as CI's grammar writes it after TP.
    expect(result.testName).toBe('throughput_Llama-3.1-70B_tp4_pp2');
    expect([result.tp, result.pp, result.gpu]).toEqual([4, 2, null]);
    expect(result.attributes.quantization).toBe('FP8');
    expectMetrics(result.metrics, {
      request_throughput: 4.0,
      output_throughput: 2048.0,
      token_throughput: 10240.0,
      elapsed_time: 125, // 125000 ms ÷ 1000
      'x:Output throughput per user mean (tok/s)': 8.5,
      'x:Output throughput per GPU mean (tok/s)': 256.0, // 2048 ÷ world_size 8
      e2el_mean: 60250.0,
      e2el_median: 60000.0,
      e2el_p95: 110000.0,
      e2el_p99: 120500.0,
      num_requests: 500,
      'x:Average concurrent requests mean (requests)': 250.0,
    });
  });

  it('says what it recognised when the performance section holds nothing it can use', () => {
    const text = fixture('trtllm-bench/report-no-streaming-older.json').replace(
      /"performance": \{[^]*?\n {2}\}/,
      '"performance": {"note": "interrupted"}',
    );
    const error = refusedOrFail(parseResultsText(text, 'report.json'));
    expect(error.kind).toBe('no-rows');
    expect(error.message).toContain('trtllm-bench report without any throughput or latency');
  });
});
