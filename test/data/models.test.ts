// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { modelLabel } from '../../src/data/models';

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
    expect(modelLabel('meta-llama/Llama-3.1-8B-Instruct')).toBe('meta-llama/Llama-3.1-8B-Instruct');
  });

  it('matches tokens exactly, case included', () => {
    expect(modelLabel('Llama8B')).toBe('Llama8B');
  });

  it('names a result without a model as an unknown model rather than an empty label', () => {
    expect(modelLabel('')).toBe('Unknown model');
  });
});
