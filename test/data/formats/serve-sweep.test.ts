// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { ParsedResults } from '../../../src/data/results/result-model';
import { named, parseFixture, refusedOrFail } from './fixtures';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { fixture } from './fixtures';

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
    expect(error.hint).toContain('a warm-up record ("run_number": -1)');
  });
});
