// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { ParsedResults } from '../../../src/data/results/result-model';
import { fixture, named, parseFixture, parsedOrFail, refusedOrFail } from './fixtures';
import { parseResultsText } from '../../../src/data/formats/parse-results';

const SWEEP_FORMAT = { id: 'vllm-sweep-json', label: 'vllm bench sweep JSON' };
const BASE = 'serving_Llama-3.1-8B-Instruct_qps_inf_concurrency_64';

describe('vllm bench sweep serve: summary.json, a list of runs', () => {
  // Read in each test, not once for the file: a mutation run changes the code per test.
  let parsed: ParsedResults;
  beforeEach(() => {
    parsed = parseFixture('sweep/summary.json');
  });

  it('is read as a sweep, each run named by the parameter that differs and its run number', () => {
    expect(parsed.format).toEqual(SWEEP_FORMAT);
    expect(parsed.results.map((result) => result.testName)).toEqual([
      `${BASE}_max_num_seqs_128_run_0`,
      `${BASE}_max_num_seqs_128_run_1`,
      `${BASE}_max_num_seqs_256_run_0`,
    ]);
  });

  it('keeps the sweep parameters and the run number as attributes, not metrics', () => {
    const run = named(parsed, `${BASE}_max_num_seqs_128_run_1`);
    expect(run.attributes).toMatchObject({ run_number: '1', max_num_seqs: '128' });
    expect(run.metrics['x:max_num_seqs']).toBeUndefined();
    expect(run.metrics['x:run_number']).toBeUndefined();
  });

  it('reads each run’s serve results', () => {
    expect(named(parsed, `${BASE}_max_num_seqs_128_run_1`).metrics).toMatchObject({
      request_throughput: 16,
      // 200 requests ÷ 16 req/s = 12.5 s
      elapsed_time: 12.5,
      ttft_median: 110,
      e2el_p99: 1790,
    });
    expect(named(parsed, `${BASE}_max_num_seqs_256_run_0`).metrics.request_throughput).toBe(25);
  });
});

describe('vllm bench sweep serve: one run’s file and the warm-up', () => {
  it('reads run=0.json as a sweep run named by its run number', () => {
    const parsed = parseFixture('sweep/run=0.json');
    expect(parsed.format).toEqual(SWEEP_FORMAT);
    expect(parsed.results.map((result) => result.testName)).toEqual([`${BASE}_run_0`]);
    expect(parsed.results[0]?.attributes.max_num_seqs).toBe('128');
    expect(parsed.results[0]?.concurrency).toBe(64);
  });

  it('leaves warmup.json (run_number -1) out, saying it is a warm-up', () => {
    const error = refusedOrFail(parseResultsText(fixture('sweep/warmup.json'), 'warmup.json'));
    expect(error.kind).toBe('no-rows');
    expect(error.hint).toBe(
      'Left out the run: a warm-up record ("run_number": -1), not a measured run.',
    );
  });
});

describe('vllm bench sweep serve: how runs are named and read', () => {
  /** run=0.json with other fields: one run of a sweep. */
  function run(fields: Record<string, unknown>): Record<string, unknown> {
    return { ...(JSON.parse(fixture('sweep/run=0.json')) as Record<string, unknown>), ...fields };
  }
  function readList(runs: readonly unknown[]): ParsedResults {
    return parsedOrFail(parseResultsText(JSON.stringify(runs), 'summary.json'));
  }

  it('skips an entry of the list that is not a run, saying which', () => {
    const parsed = readList([run({ run_number: 0 }), null, run({ run_number: 1 })]);
    expect(parsed.format).toEqual(SWEEP_FORMAT);
    expect(parsed.results.map((result) => result.attributes.run_number)).toEqual(['0', '1']);
    // Named by their run numbers alone: the entry that is not a run has no parameters to differ.
    expect(parsed.results.map((result) => result.testName)).toEqual([
      `${BASE}_run_0`,
      `${BASE}_run_1`,
    ]);
    expect(parsed.warnings).toEqual([
      'Skipped run 2 of the list: it is not a vllm bench serve result.',
    ]);
  });

  it('names a run by its benchmark name alone, not by the key that holds it', () => {
    const parsed = readList([run({ _benchmark_name: 'short' }), run({ _benchmark_name: 'long' })]);
    expect(parsed.results.map((result) => result.testName)).toEqual([
      `${BASE}_short_run_0`,
      `${BASE}_long_run_0`,
    ]);
  });

  it('leaves a parameter out of the name of a run that has no value for it', () => {
    const parsed = readList([
      run({ max_num_batched_tokens: null }),
      run({ max_num_batched_tokens: 256, run_number: 1 }),
    ]);
    expect(parsed.results.map((result) => result.testName)).toEqual([
      `${BASE}_run_0`,
      `${BASE}_max_num_batched_tokens_256_run_1`,
    ]);
    expect(parsed.results[1]?.attributes.max_num_batched_tokens).toBe('256');
  });

  it('takes a kebab-case copy of a serve key for that key, not for a parameter', () => {
    // The sweep passes --max-concurrency to the benchmark, which writes max_concurrency too.
    const parsed = readList([
      run({ max_concurrency: 32, 'max-concurrency': 32 }),
      run({ max_concurrency: 64, 'max-concurrency': 64 }),
    ]);
    expect(parsed.results.map((result) => result.testName)).toEqual([
      'serving_Llama-3.1-8B-Instruct_qps_inf_concurrency_32_run_0',
      'serving_Llama-3.1-8B-Instruct_qps_inf_concurrency_64_run_0',
    ]);
    expect(parsed.results[0]?.attributes).not.toHaveProperty('max-concurrency');
  });

  it('names a run without a run number by its parameters alone', () => {
    const parsed = parsedOrFail(
      parseResultsText(JSON.stringify(run({ run_number: null })), 'run=0.json'),
    );
    expect(parsed.results.map((result) => result.testName)).toEqual([BASE]);
    expect(parsed.results[0]?.attributes).not.toHaveProperty('run_number');
  });
});
