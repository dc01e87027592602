// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseTestName, type TestNameParts } from '../../../src/data/formats/test-name';

const NOTHING: TestNameParts = {
  suite: null,
  model: null,
  engine: null,
  tp: null,
  pp: null,
  dp: null,
  dataset: null,
  variant: null,
  qps: null,
  concurrency: null,
  inputLen: null,
  outputLen: null,
  complete: false,
};

describe('parseTestName on the name forms of vLLM CI', () => {
  it('reads a latency name: suite, model token and TP', () => {
    expect(parseTestName('latency_llama8B_tp1')).toEqual({
      ...NOTHING,
      suite: 'latency',
      model: 'llama8B',
      tp: 1,
      complete: true,
    });
  });

  it('reads a throughput name whose model token holds digits and an x', () => {
    expect(parseTestName('throughput_mixtral8x7B_tp2')).toEqual({
      ...NOTHING,
      suite: 'throughput',
      model: 'mixtral8x7B',
      tp: 2,
      complete: true,
    });
  });

  it('reads an old nightly name’s engine prefix and version apart from the model', () => {
    // vllm_055: vLLM 0.5.5's nightly run of llama8B
    expect(parseTestName('vllm_055_llama8B_tp1_sharegpt_qps_2')).toEqual({
      ...NOTHING,
      model: 'llama8B',
      engine: 'vLLM',
      tp: 1,
      dataset: 'sharegpt',
      qps: 2,
    });
    expect(parseTestName('serving_sglang_053post1_llama70B_tp4_sharegpt_qps_inf')).toMatchObject({
      suite: 'serving',
      model: 'llama70B',
      engine: 'SGLang',
      qps: Infinity,
      complete: true,
    });
    // A prefix without a version, and a model that only looks like an engine name, stay apart.
    expect(parseTestName('serving_trt_llama8B_tp1_sharegpt_qps_4')).toMatchObject({
      model: 'llama8B',
      engine: 'TensorRT-LLM',
    });
    expect(parseTestName('latency_vllm_tp1')).toMatchObject({ model: 'vllm', engine: null });
  });

  it('reads qps_inf as an infinite request rate', () => {
    expect(parseTestName('serving_llama70B_tp4_sharegpt_qps_inf')).toEqual({
      ...NOTHING,
      suite: 'serving',
      model: 'llama70B',
      tp: 4,
      dataset: 'sharegpt',
      qps: Infinity,
      complete: true,
    });
  });

  it('reads the spec-decode variant and keeps it out of the dataset', () => {
    expect(parseTestName('serving_llama70B_tp4_sharegpt_specdecode_qps_2')).toEqual({
      ...NOTHING,
      suite: 'serving',
      model: 'llama70B',
      tp: 4,
      dataset: 'sharegpt',
      variant: 'specdecode',
      qps: 2,
      complete: true,
    });
  });

  it('reads the newest form with a concurrency', () => {
    expect(parseTestName('serving_llama8B_tp1_sharegpt_qps_16_concurrency_32')).toEqual({
      ...NOTHING,
      suite: 'serving',
      model: 'llama8B',
      tp: 1,
      dataset: 'sharegpt',
      qps: 16,
      concurrency: 32,
      complete: true,
    });
  });

  it('reads input and output lengths and a hyphenated model token', () => {
    expect(parseTestName('serving_qwen3-32B_tp2_random_128_128_qps_8_concurrency_16')).toEqual({
      ...NOTHING,
      suite: 'serving',
      model: 'qwen3-32B',
      tp: 2,
      dataset: 'random',
      qps: 8,
      concurrency: 16,
      inputLen: 128,
      outputLen: 128,
      complete: true,
    });
  });

  it('tells input from output length by position', () => {
    expect(parseTestName('serving_llama8B_tp1_random_1024_256_qps_4')).toMatchObject({
      dataset: 'random',
      inputLen: 1024,
      outputLen: 256,
      complete: true,
    });
  });
});

describe('parseTestName on odd names', () => {
  it('keeps what it can read from a name with an unknown prefix, and says it is incomplete', () => {
    expect(parseTestName('prefill_llama8B_tp1')).toMatchObject({
      suite: null,
      tp: 1,
      complete: false,
    });
  });

  it('reads a serving name without its qps part as incomplete, qps unknown', () => {
    expect(parseTestName('serving_llama8B_tp1_sharegpt')).toEqual({
      ...NOTHING,
      suite: 'serving',
      model: 'llama8B',
      tp: 1,
      dataset: 'sharegpt',
      complete: false,
    });
  });

  it('reads the empty string as nothing at all', () => {
    expect(parseTestName('')).toEqual(NOTHING);
  });

  it('reads a name without a tpN token as incomplete, with TP unknown', () => {
    expect(parseTestName('latency_llama8B')).toEqual({
      ...NOTHING,
      suite: 'latency',
      model: 'llama8B',
      complete: false,
    });
    expect(parseTestName('serving_llama8B_sharegpt_qps_4')).toMatchObject({
      suite: 'serving',
      tp: null,
      qps: 4,
      complete: false,
    });
  });

  it('does not take a tpN right after the prefix for a model', () => {
    expect(parseTestName('latency_tp2')).toEqual({
      ...NOTHING,
      suite: 'latency',
      tp: 2,
      complete: false,
    });
  });

  it('keeps tp0 out of the model token', () => {
    expect(parseTestName('latency_llama8B_tp0')).toMatchObject({
      suite: 'latency',
      model: 'llama8B',
    });
  });

  it('never reads a TP of five digits or more as a TP', () => {
    expect(parseTestName('latency_llama8B_tp123456789012345678901')).toMatchObject({
      suite: 'latency',
      tp: null,
      complete: false,
    });
  });

  it('reads a huge QPS and concurrency as the numbers written', () => {
    expect(
      parseTestName('serving_llama8B_tp1_sharegpt_qps_1000000_concurrency_65536'),
    ).toMatchObject({ qps: 1_000_000, concurrency: 65_536, complete: true });
  });

  it('does not read a ten-digit token as a length', () => {
    const parts = parseTestName('serving_llama8B_tp1_random_1234567890_128_qps_1');
    expect(parts.inputLen).toBeNull();
    expect(parts.outputLen).toBeNull();
    expect(parts.complete).toBe(false);
  });

  it('reads a lone number after the dataset as not understood, not as complete', () => {
    expect(parseTestName('serving_llama8B_tp1_random_128_qps_1')).toMatchObject({
      dataset: 'random',
      inputLen: null,
      outputLen: null,
      qps: 1,
      complete: false,
    });
  });

  it('reads three numbers after the dataset as not understood', () => {
    expect(parseTestName('serving_llama8B_tp1_random_128_128_128_qps_1')).toMatchObject({
      inputLen: null,
      outputLen: null,
      complete: false,
    });
  });

  it('reads a qps that is not a number as unknown and the name as incomplete', () => {
    expect(parseTestName('serving_llama8B_tp1_sharegpt_qps_fast')).toMatchObject({
      qps: null,
      complete: false,
    });
  });

  it('reads a fractional qps', () => {
    expect(parseTestName('serving_llama8B_tp1_sharegpt_qps_0.5')).toMatchObject({
      qps: 0.5,
      complete: true,
    });
  });

  it('reads tokens after tpN in a latency name as not understood', () => {
    expect(parseTestName('latency_llama8B_tp1_sharegpt')).toMatchObject({
      suite: 'latency',
      model: 'llama8B',
      tp: 1,
      complete: false,
    });
  });

  it('keeps a model token that holds underscores whole', () => {
    expect(parseTestName('latency_deepseek_r1_tp8')).toMatchObject({
      model: 'deepseek_r1',
      tp: 8,
      complete: true,
    });
  });

  it('reads a pipeline-parallel token after tpN', () => {
    expect(parseTestName('serving_llama70B_tp4_pp2_sharegpt_qps_1')).toMatchObject({
      model: 'llama70B',
      tp: 4,
      pp: 2,
      dp: null,
      dataset: 'sharegpt',
      qps: 1,
      complete: true,
    });
  });

  it('reads a data-parallel token after tpN and ppN', () => {
    expect(parseTestName('serving_llama70B_tp4_pp2_dp2_sharegpt_qps_1')).toMatchObject({
      tp: 4,
      pp: 2,
      dp: 2,
      dataset: 'sharegpt',
      complete: true,
    });
    expect(parseTestName('serving_llama8B_tp1_dp4_sharegpt_qps_1')).toMatchObject({
      pp: null,
      dp: 4,
      dataset: 'sharegpt',
    });
  });

  it('ignores spaces around the name', () => {
    expect(parseTestName('  latency_llama8B_tp1 \n')).toMatchObject({
      suite: 'latency',
      model: 'llama8B',
      tp: 1,
      complete: true,
    });
  });

  it('is case-sensitive about the suite prefix, as CI writes it', () => {
    expect(parseTestName('Latency_llama8B_tp1').suite).toBeNull();
  });
});
