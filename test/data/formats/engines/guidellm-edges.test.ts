// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { GUIDELLM_READER } from '../../../../src/data/formats/engines/guidellm';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import { rawContext } from '../../../../src/data/formats/raw-result';
import { fixture, only, parseFixture, parsedOrFail, refusedOrFail } from '../fixtures';

type Benchmark = Record<string, unknown> & {
  scheduler_metrics: Record<string, unknown>;
  config: { strategy: Record<string, unknown> };
};
type Report = Record<string, unknown> & { benchmarks: Benchmark[] };

/** A benchmark at a constant rate that states only its duration. */
function constantRate(rate: number): Record<string, unknown> {
  return {
    type_: 'generative_benchmark',
    config: { strategy: { type_: 'constant', rate } },
    duration: 60,
  };
}

describe('GuideLLM reports: which benchmarks are read', () => {
  let report: Report;
  let first: Benchmark;

  beforeEach(() => {
    report = JSON.parse(fixture('guidellm/benchmarks-v0.5.json')) as Report;
    const [benchmark] = report.benchmarks;
    if (benchmark === undefined) throw new Error('no benchmark');
    first = benchmark;
  });

  function read(fileName = 'benchmarks.json') {
    return parseResultsText(JSON.stringify(report), fileName);
  }

  it('reads only the generative benchmarks of a report that mixes in another kind', () => {
    report.benchmarks = [{ ...first, type_: 'semantic_benchmark' }, first];
    const parsed = parsedOrFail(read());
    expect(parsed.format.id).toBe('guidellm');
    expect(parsed.warnings).toEqual([]);
    expect(only(parsed).testName).toBe('serving_Llama-3.1-8B-Instruct_qps_inf_concurrency_8');
  });

  it('does not take a report without any generative benchmark for GuideLLM', () => {
    report.benchmarks = [{ ...first, type_: 'semantic_benchmark' }];
    const error = refusedOrFail(read());
    expect(error.message).toBe('This JSON is not a benchmark results file this dashboard reads.');
  });

  it('knows a report by its first 50 benchmarks', () => {
    const others = Array.from({ length: 50 }, () => ({ ...first, type_: 'semantic_benchmark' }));
    report.benchmarks = [...others, first];
    const error = refusedOrFail(read());
    expect(error.message).toBe('This JSON is not a benchmark results file this dashboard reads.');
  });

  it('names each rate from the report, never from a CI test name the file happens to carry', () => {
    const result = only(parsedOrFail(read('serving_llama8B_tp1_sharegpt_qps_4.json')));
    expect(result.testName).toBe('serving_Llama-3.1-8B-Instruct_qps_inf_concurrency_8');
    expect([result.qps, result.concurrency, result.dataset]).toEqual([Infinity, 8, null]);
  });

  it('dates a run by its scheduler’s start rather than the benchmark’s own start time', () => {
    // scheduler_metrics.start_time 1746003600 = 2025-04-30 09:00:00 UTC; the benchmark's own
    // start_time stays 1746000000.01 (08:00:00).
    first.scheduler_metrics.start_time = 1746003600;
    expect(parsedOrFail(read()).meta?.date).toBe('2025-04-30T09:00:00');
  });

  it('states no load for a strategy it does not know, even one that carries a rate', () => {
    first.config.strategy = { type_: 'trace', rate: 3, max_concurrency: 4 };
    const result = only(parsedOrFail(read()));
    expect([result.qps, result.concurrency]).toEqual([null, null]);
  });

  it('says where the rates, totals and duration were read', () => {
    const sources = parsedOrFail(read()).meta?.sources ?? {};
    expect(sources.request_throughput).toBe('metrics.requests_per_second.successful.mean');
    expect(sources.total_token_throughput).toBe('metrics.tokens_per_second.successful.mean');
    expect(sources.num_requests).toBe('metrics.request_totals.successful');
    expect(sources.failed_requests).toBe('metrics.request_totals.errored');
    expect(sources.elapsed_time).toBe('duration');
  });
});

describe('GuideLLM reports: limits and refusals', () => {
  it('names the v0.3 totals beside the metrics by their own place', () => {
    const sources = parseFixture('guidellm/benchmarks-v0.3.json').meta?.sources ?? {};
    expect(sources.num_requests).toBe('request_totals.successful');
    expect(sources.failed_requests).toBe('request_totals.errored');
  });

  it('reads the first 1000 benchmarks of a longer report and says so', () => {
    const benchmarks = Array.from({ length: 1001 }, (_, index) => constantRate(index + 1));
    const parsed = parsedOrFail(parseResultsText(JSON.stringify({ benchmarks }), 'b.json'));
    expect(parsed.warnings).toEqual([
      'The report holds 1001 benchmarks; the first 1000 were read.',
    ]);
    expect(parsed.results).toHaveLength(1000);
    expect(parsed.results.at(-1)?.qps).toBe(1000);
  });

  it('reads a report of exactly 1000 benchmarks whole, without a warning', () => {
    const benchmarks = Array.from({ length: 1000 }, (_, index) => constantRate(index + 1));
    const parsed = parsedOrFail(parseResultsText(JSON.stringify({ benchmarks }), 'b.json'));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.results).toHaveLength(1000);
  });

  it('knows a report only by an object with a generative benchmark', () => {
    expect(GUIDELLM_READER.looksLike(null)).toBe(false);
    expect(GUIDELLM_READER.looksLike([{ type_: 'generative_benchmark' }])).toBe(false);
    expect(GUIDELLM_READER.looksLike({ benchmarks: [{ type_: 'generative_benchmark' }] })).toBe(
      true,
    );
  });

  it('refuses a value without a list of benchmarks when asked to read it', () => {
    for (const value of [null, { benchmarks: 'none' }]) {
      const error = refusedOrFail(GUIDELLM_READER.read(value, rawContext(null, null)));
      expect([error.kind, error.message]).toEqual(['not-results', 'This is no GuideLLM report.']);
    }
  });
});
