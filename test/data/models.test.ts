// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { modelKey, modelLabel, modelShortName } from '../../src/data/models';

describe('modelLabel', () => {
  it.each([
    ['llama8B', 'Llama 3.1 8B'],
    ['llama70B', 'Llama 3 70B'],
    ['mixtral8x7B', 'Mixtral 8x7B'],
  ])('shows the CI token %s as %s', (token, label) => {
    expect(modelLabel(token)).toBe(label);
  });

  it('shows an unknown token as written', () => {
    expect(modelLabel('qwen3-32B')).toBe('qwen3-32B');
  });

  it('names a model the way CI does whether a file gives its token, its id or its path', () => {
    // CI's llama8B is Llama 3.1 8B Instruct, llama70B Llama 3 70B Instruct, mixtral8x7B Mixtral
    // 8x7B Instruct v0.1: their Hugging Face names with or without the `Meta-` prefix.
    expect(modelKey('meta-llama/Llama-3.1-8B-Instruct')).toBe('llama8B');
    expect(modelKey('meta-llama/Meta-Llama-3.1-8B-Instruct')).toBe('llama8B');
    expect(modelKey('/models/meta-llama/Llama-3.1-8B-Instruct/')).toBe('llama8B');
    expect(modelKey('meta-llama/Meta-Llama-3-70B-Instruct')).toBe('llama70B');
    expect(modelKey('mistralai/Mixtral-8x7B-Instruct-v0.1')).toBe('mixtral8x7B');
    expect(modelLabel('meta-llama/Llama-3.1-8B-Instruct')).toBe('Llama 3.1 8B');
    // Another size or version is another model.
    expect(modelKey('meta-llama/Llama-3.1-70B-Instruct')).toBe('Llama-3.1-70B-Instruct');
  });

  it('reduces other ids and local paths to the model’s name', () => {
    expect(modelKey('Qwen/Qwen2.5-7B-Instruct')).toBe('Qwen2.5-7B-Instruct');
    expect(modelKey('/data/models/Qwen2.5-7B-Instruct')).toBe('Qwen2.5-7B-Instruct');
    expect(modelLabel('C:\\models\\Qwen2.5-7B-Instruct\\')).toBe('Qwen2.5-7B-Instruct');
    expect(modelShortName('llama8B')).toBe('llama8B');
    expect(modelShortName('///')).toBe('///');
    expect(modelKey('')).toBe('');
  });

  it('reads past spaces around a name and a blank last segment', () => {
    expect(modelKey(' meta-llama/Llama-3.1-8B-Instruct ')).toBe('llama8B');
    expect(modelShortName('Qwen/ Qwen2.5-7B-Instruct ')).toBe('Qwen2.5-7B-Instruct');
    expect(modelShortName('/data/models/Qwen2.5-7B-Instruct/ /')).toBe('Qwen2.5-7B-Instruct');
  });

  it('matches tokens exactly, case included', () => {
    expect(modelLabel('Llama8B')).toBe('Llama8B');
  });

  it('names a result without a model as an unknown model rather than an empty label', () => {
    expect(modelLabel('')).toBe('Unknown model');
  });
});
