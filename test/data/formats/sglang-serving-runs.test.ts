// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { parsedOrFail, refusedOrFail } from './fixtures';

/** One bench_serving run on ShareGPT at 2 requests/s, without the keys a test adds. */
const RUN = {
  backend: 'sglang',
  dataset_name: 'sharegpt',
  request_rate: 2,
  duration: 10.0,
  completed: 50,
  request_throughput: 5.0,
};

/** The run without some of its keys. */
function runWithout(...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(RUN).filter(([key]) => !keys.includes(key)));
}

function read(fields: Record<string, unknown>, run: Record<string, unknown> = RUN) {
  return parsedOrFail(parseResultsText(JSON.stringify({ ...run, ...fields })));
}

describe('SGLang bench_serving, which runs are SGLang’s', () => {
  it('knows a run by its mean or median end-to-end latency as well as by total_throughput', () => {
    const byMean = read({ mean_e2e_latency_ms: 400.0 });
    expect(byMean.format.label).toBe('SGLang bench_serving JSON');
    expect(byMean.results[0]?.metrics.e2el_mean).toBe(400);
    const byMedian = read({ median_e2e_latency_ms: 380.0 });
    expect(byMedian.format.label).toBe('SGLang bench_serving JSON');
    expect(byMedian.meta?.sources?.e2el_median).toBe('median_e2e_latency_ms');
  });

  it('knows a run by request_throughput without completed, and none without either', () => {
    const throughputOnly = read({ total_throughput: 900.0 }, runWithout('completed'));
    expect(throughputOnly.format.id).toBe('sglang-bench-serving');
    expect(throughputOnly.results[0]?.metrics.total_token_throughput).toBe(900);
    const neither = runWithout('completed', 'request_throughput');
    const error = refusedOrFail(
      parseResultsText(JSON.stringify({ ...neither, total_throughput: 900.0 })),
    );
    expect(error.kind).toBe('not-results');
  });
});

describe('SGLang bench_serving, what a run states', () => {
  it('names vLLM for the vllm-chat client, and no engine without a backend', () => {
    const chat = read({ backend: 'vllm-chat', total_throughput: 900.0 });
    expect(chat.results[0]?.engine).toBe('vLLM');
    const none = read({ total_throughput: 900.0 }, runWithout('backend'));
    expect(none.results[0]?.engine).toBeNull();
  });

  it('takes the model path over the served name, and TP, PP and DP from the server info', () => {
    const parsed = read({
      total_throughput: 900.0,
      server_info: {
        model_path: '/models/Qwen2.5-7B-Instruct',
        served_model_name: 'qwen',
        tp_size: 4,
        pp_size: 2,
        dp_size: 2,
      },
    });
    const run = parsed.results[0];
    expect(run?.model).toBe('/models/Qwen2.5-7B-Instruct');
    expect([run?.tp, run?.pp, run?.dp]).toEqual([4, 2, 2]);
  });

  it('says where a measured concurrency came from only when the run has one', () => {
    const parsed = read({ total_throughput: 900.0 });
    expect(parsed.meta?.sources).toEqual({ total_token_throughput: 'total_throughput' });
  });

  it('calls a file’s one run "the result" when it cuts its text', () => {
    const parsed = read({ total_throughput: 900.0, tag: 't'.repeat(201) });
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/^the result: "tag" was 201 characters long/),
    ]);
  });
});
