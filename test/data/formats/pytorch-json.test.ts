// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { fixture, only, parseFixture, parsedOrFail } from './fixtures';

const FORMAT = { id: 'pytorch-benchmark-json', label: 'PyTorch benchmark JSON' };

describe('PyTorch benchmark JSON', () => {
  it('reads a latency run: one record whose values are every iteration, in seconds', () => {
    const parsed = parseFixture('pytorch/latency_llama8B_tp1.pytorch.json');
    expect(parsed.format).toEqual(FORMAT);
    expect(only(parsed)).toMatchObject({
      suite: 'latency',
      testName: 'latency_llama8B_tp1',
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: 1,
      pp: 1,
      dp: null,
      inputLen: 32,
      outputLen: 128,
    });
    // Same 15 iterations as the latency fixture: mean 1046.95333… ms, P99 1048.174 ms.
    expect(only(parsed).metrics.latency_mean).toBeCloseTo(1046.9533333333334, 9);
    expect(only(parsed).metrics.latency_median).toBeCloseTo(1046.9, 9);
    expect(only(parsed).metrics.latency_p99).toBeCloseTo(1048.174, 9);
  });

  it('reads a throughput run from its two records', () => {
    const parsed = parseFixture('pytorch/throughput_llama8B_tp1.pytorch.json');
    expect(only(parsed)).toMatchObject({
      suite: 'throughput',
      testName: 'throughput_llama8B_tp1',
      tp: 1,
      dataset: 'sharegpt',
      metrics: {
        request_throughput: 21.620062820024827,
        token_throughput: 9348.731364006935,
        elapsed_time: 9.25066692288965,
        num_requests: 200,
        total_tokens: 86482,
      },
    });
  });

  it('reads a serve run from its twelve records and the result they repeat, "inf" as infinity', () => {
    const parsed = parseFixture('pytorch/serving_llama8B_tp1_sharegpt_qps_inf.pytorch.json');
    const result = only(parsed);
    expect(result).toMatchObject({
      suite: 'serving',
      testName: 'serving_llama8B_tp1_sharegpt_qps_inf',
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: 1,
      dataset: 'sharegpt',
      qps: Infinity,
      concurrency: null,
      // random_input_len has a default even for ShareGPT: it is not this test's length.
      inputLen: null,
    });
    expect(result.metrics).toEqual({
      request_throughput: 24.186907198204548,
      request_goodput: null,
      output_throughput: 4709.432700562407,
      total_token_throughput: 9868.379071403446,
      total_input_tokens: 42659,
      total_output_tokens: 38942,
      num_requests: 200,
      elapsed_time: 8.268936510197818,
      ttft_mean: 240.66389142535627,
      ttft_median: 238.22169471532106,
      ttft_std: 34.18452087325409,
      ttft_p99: 306.2498870212585,
      tpot_mean: 12.386095532566497,
      tpot_median: 11.983104311354,
      tpot_std: 2.71308801574661,
      tpot_p99: 23.441208386891415,
      itl_mean: 11.513655710447507,
      itl_median: 11.463219299912453,
      itl_std: 3.023661457108321,
      itl_p99: 21.981134973466403,
    });
    expect(parsed.meta).toEqual({ date: '2025-04-01T02:03:11' });
  });

  it('reads runs concatenated into one list as one result each, skipping what is no record', () => {
    const latency = JSON.parse(fixture('pytorch/latency_llama8B_tp1.pytorch.json')) as unknown[];
    const throughput = JSON.parse(
      fixture('pytorch/throughput_llama8B_tp1.pytorch.json'),
    ) as unknown[];
    const text = JSON.stringify([...latency, { benchmark: 'x' }, ...throughput]);
    const parsed = parsedOrFail(parseResultsText(text, 'all.pytorch.json'));
    expect(parsed.results.map((result) => [result.suite, result.testName])).toEqual([
      ['latency', 'latency_Llama-3.1-8B-Instruct_tp1'],
      ['throughput', 'throughput_Llama-3.1-8B-Instruct_tp1'],
    ]);
    expect(parsed.warnings).toEqual(['Skipped record 2: it is not a PyTorch benchmark record.']);
  });
});
