// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import type { ParsedResults } from '../../../../src/data/results/result-model';
import { fixture, only, parseFixture, parsedOrFail, refusedOrFail } from '../fixtures';
import { expectMetrics } from './expect-metrics';

const FIXTURE = 'llm-d/benchmark-report-v0.2.yaml';

function expectReport(parsed: ParsedResults): void {
  expect(parsed.format).toEqual({ id: 'llm-d-report', label: 'llm-d Benchmark Report v0.2' });
  expect(parsed.warnings).toEqual([]);
  expect(parsed.meta?.date).toBe('2025-11-05T18:00:42');
  const result = only(parsed);
  expect(result.engine).toBe('vLLM'); // the inference engine's tool: vllm
  expect(result.model).toBe('meta-llama/Llama-3.1-70B-Instruct');
  expect([result.tp, result.pp, result.dp]).toEqual([4, 1, 1]);
  // 4 accelerators per replica × 2 replicas; NVIDIA-H100-80GB-HBM3 is CI's H100.
  expect(result.gpu).toEqual({ type: 'H100', count: 8 });
  // rate_qps 16; concurrency .inf is no cap.
  expect([result.qps, result.concurrency]).toEqual([16, null]);
  expect([result.inputLen, result.outputLen]).toEqual([2048, 256]);
  expect(result.testName).toBe('serving_Llama-3.1-70B-Instruct_tp4_qps_16');
  expect(result.attributes).toEqual({ load_tool: 'inference-perf', load_tool_version: '0.3.0' });
  expectMetrics(result.metrics, {
    // units s: × 1000
    ttft_mean: 184.2,
    ttft_median: 175.1,
    ttft_std: 61.1,
    ttft_p90: 268.2,
    ttft_p95: 301.5,
    ttft_p99: 389.8,
    'ttft_p99.9': 471.1,
    // units s/token: × 1000
    tpot_mean: 32.1,
    tpot_median: 31.6,
    tpot_std: 4.2,
    tpot_p90: 37.2,
    tpot_p95: 39.1,
    tpot_p99: 43.8,
    'tpot_p99.9': 47.5,
    // units ms/token: as written
    itl_mean: 32.4,
    itl_median: 30.2,
    itl_std: 9.8,
    itl_p90: 41.7,
    itl_p95: 48.3,
    itl_p99: 77.9,
    'itl_p99.9': 112.6,
    'x:NTPOT incl. first token mean (ms)': 32.9,
    'x:NTPOT incl. first token median (ms)': 32.3,
    e2el_mean: 8375.1,
    e2el_median: 8286.7,
    e2el_std: 1120.4,
    e2el_p90: 9771.3,
    e2el_p95: 10241.9,
    e2el_p99: 11304.5,
    'e2el_p99.9': 12008.7,
    request_throughput: 15.93,
    output_throughput: 4063.8,
    input_throughput: 32624.6,
    total_token_throughput: 36688.4,
    failed_requests: 12,
    num_requests: 9584, // 9600 total − 12 failures − 4 incomplete
  });
  const sources = parsed.meta?.sources ?? {};
  expect(sources.ttft_median).toBe('latency.time_to_first_token.p50 × 1000 (s → ms)');
  expect(sources.itl_mean).toBe('latency.inter_token_latency.mean');
  expect(sources.num_requests).toBe('requests.total − requests.failures − requests.incomplete');
}

describe('llm-d Benchmark Report v0.2', () => {
  it('reads the YAML report: stack identity, load, latencies in their stated units', () => {
    expectReport(parseFixture(FIXTURE));
  });

  it('reads the same report written as JSON alike', () => {
    const json = JSON.stringify(parseYaml(fixture(FIXTURE)), (_key, value: unknown) =>
      value === Infinity ? 'inf' : value,
    );
    expectReport(parsedOrFail(parseResultsText(json, 'report.json')));
  });

  it('says what it recognised when the aggregate holds nothing it can use', () => {
    const text = "version: '0.2'\nrun:\n  uid: a\nresults:\n  request_performance: {}\n";
    const error = refusedOrFail(parseResultsText(text, 'report.yaml'));
    expect(error.kind).toBe('no-rows');
    expect(error.message).toBe(
      'This is an llm-d Benchmark Report without any latency or throughput under results.request_performance.aggregate.',
    );
  });

  it('reads failures written as .inf as not measured, never as infinite failed requests', () => {
    // Found by the property test: `failures: .inf` made failed_requests Infinity.
    const text = fixture(FIXTURE).replace(/failures: \d+/, 'failures: .inf');
    const { metrics } = only(parsedOrFail(parseResultsText(text, 'benchmark-report-v0.2.yaml')));
    expect(metrics.failed_requests).toBeUndefined();
    // Without a count of failures, completed requests cannot be worked out.
    expect(metrics.num_requests).toBeUndefined();
    expect(metrics.request_throughput).toBe(15.93);
  });
});

describe('a JSON file no reader knows', () => {
  it("is refused with a hint that lists the other tools' formats read", () => {
    const error = refusedOrFail(parseResultsText('{"hello": 1}', 'hello.json'));
    expect(error.message).toBe('This JSON is not a benchmark results file this dashboard reads.');
    for (const tool of ['trtllm-bench', 'AIPerf', 'GenAI-Perf', 'GuideLLM', 'LLMPerf', 'llm-d']) {
      expect(error.hint).toContain(tool);
    }
  });
});

describe('an llm-d report’s version and stack', () => {
  it('is read with the version as the number an unquoted YAML 0.2 becomes, or 0.2.1', () => {
    const unquoted = fixture(FIXTURE).replace("version: '0.2'", 'version: 0.2');
    expect(parsedOrFail(parseResultsText(unquoted, 'report.yaml')).format.id).toBe('llm-d-report');
    const patch = fixture(FIXTURE).replace("version: '0.2'", "version: '0.2.1'");
    expect(parsedOrFail(parseResultsText(patch, 'report.yaml')).format.id).toBe('llm-d-report');
    const other = fixture(FIXTURE).replace("version: '0.2'", "version: '0.1'");
    expect(parseResultsText(other, 'report.yaml').ok).toBe(false);
  });

  it('takes the engine from a v0.2 stack component with GPUs and no kind', () => {
    // v0.2 has no `kind`: the inference engine is the component with accelerators.
    const noKinds = fixture(FIXTURE).replace(/\n\s+kind: [a-z_]+/g, '');
    const result = only(parsedOrFail(parseResultsText(noKinds, 'report.yaml')));
    expect(result.engine).toBe('vLLM');
    expect([result.tp, result.gpu]).toEqual([4, { type: 'H100', count: 8 }]);
  });
});
