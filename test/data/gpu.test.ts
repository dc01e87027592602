// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gpuLabel, gpuTypeFromName, normalizeGpu } from '../../src/data/gpu';

const EIGHT_H100 = 'H100\nH100\nH100\nH100\nH100\nH100\nH100\nH100';

describe('normalizeGpu', () => {
  it('counts the lines of the newline-joined list CI writes in its JSON', () => {
    expect(normalizeGpu(EIGHT_H100)).toEqual({ type: 'H100', count: 8 });
  });

  it('reads the list the same with Windows line ends and a trailing line end', () => {
    expect(normalizeGpu('H100\r\nH100\r\nH100\r\nH100\r\n')).toEqual({ type: 'H100', count: 4 });
  });

  it('reads the 8xH100 form of later tables, with x or ×', () => {
    expect(normalizeGpu('8xH100')).toEqual({ type: 'H100', count: 8 });
    expect(normalizeGpu('8×H100')).toEqual({ type: 'H100', count: 8 });
    expect(normalizeGpu('8XH100')).toEqual({ type: 'H100', count: 8 });
    expect(normalizeGpu('8 x H100')).toEqual({ type: 'H100', count: 8 });
  });

  it('keeps hyphens in a counted type', () => {
    expect(normalizeGpu('8xA100-SXM4-80GB')).toEqual({ type: 'A100-SXM4-80GB', count: 8 });
  });

  it('reads a full NVIDIA device name as its short type, count unknown', () => {
    expect(normalizeGpu('NVIDIA H100 80GB HBM3')).toEqual({ type: 'H100', count: null });
    expect(normalizeGpu('NVIDIA A100-SXM4-80GB')).toEqual({ type: 'A100-SXM4-80GB', count: null });
  });

  it('counts a list of full device names', () => {
    expect(normalizeGpu('NVIDIA H200\nNVIDIA H200')).toEqual({ type: 'H200', count: 2 });
  });

  it('reads an AMD Instinct name as its model', () => {
    expect(normalizeGpu('AMD Instinct MI300X')).toEqual({ type: 'MI300X', count: null });
  });

  it('keeps Gaudi and CPU values as written', () => {
    expect(normalizeGpu('gaudi2-hpu')).toEqual({ type: 'gaudi2-hpu', count: null });
    expect(normalizeGpu('cpu')).toEqual({ type: 'cpu', count: null });
    expect(normalizeGpu('8xgaudi2-hpu')).toEqual({ type: 'gaudi2-hpu', count: 8 });
  });

  it('keeps every type of a mixed list, in first-seen order', () => {
    expect(normalizeGpu('H100\nA100\nH100')).toEqual({ type: 'H100+A100', count: 3 });
  });

  it('reads a single short type with its count unknown', () => {
    expect(normalizeGpu(' H100 ')).toEqual({ type: 'H100', count: null });
  });

  it('returns null for empty and blank text', () => {
    expect(normalizeGpu('')).toBeNull();
    expect(normalizeGpu('   ')).toBeNull();
    expect(normalizeGpu('\n\r\n')).toBeNull();
  });

  it('returns null for values that are not text', () => {
    expect(normalizeGpu(8)).toBeNull();
    expect(normalizeGpu(null)).toBeNull();
    expect(normalizeGpu(undefined)).toBeNull();
    expect(normalizeGpu(['H100'])).toBeNull();
    expect(normalizeGpu({ type: 'H100' })).toBeNull();
  });
});

describe('gpuTypeFromName', () => {
  it('keeps the word after the vendor, as CI does', () => {
    expect(gpuTypeFromName('NVIDIA H100 80GB HBM3')).toBe('H100');
    expect(gpuTypeFromName('NVIDIA A100-SXM4-80GB')).toBe('A100-SXM4-80GB');
    expect(gpuTypeFromName('nvidia L4')).toBe('L4');
    expect(gpuTypeFromName('AMD Instinct MI300X')).toBe('MI300X');
  });

  it('reads Kubernetes product labels, words joined by hyphens, as the same GPU', () => {
    // nvidia.com/gpu.product values, as llm-d reports name accelerators.
    expect(gpuTypeFromName('NVIDIA-H100-80GB-HBM3')).toBe('H100');
    expect(gpuTypeFromName('NVIDIA-H200-141GB-HBM3e')).toBe('H200');
    expect(gpuTypeFromName('NVIDIA-A100-SXM4-80GB')).toBe('A100-SXM4-80GB');
    expect(gpuTypeFromName('AMD-Instinct-MI300X')).toBe('MI300X');
    expect(gpuTypeFromName('nvidia-')).toBe('nvidia-');
  });

  it('keeps names without a known vendor as written', () => {
    expect(gpuTypeFromName('H100')).toBe('H100');
    expect(gpuTypeFromName('gaudi2-hpu')).toBe('gaudi2-hpu');
    expect(gpuTypeFromName('Ascend910B')).toBe('Ascend910B');
  });

  it('keeps a bare vendor word rather than returning nothing', () => {
    expect(gpuTypeFromName('NVIDIA')).toBe('NVIDIA');
  });
});

describe('gpuLabel', () => {
  it('writes a counted GPU as count×type', () => {
    expect(gpuLabel({ type: 'H100', count: 8 })).toBe('8×H100');
    expect(gpuLabel({ type: 'A100-SXM4-80GB', count: 8 })).toBe('8×A100-SXM4-80GB');
  });

  it('writes the type alone when the count is unknown', () => {
    expect(gpuLabel({ type: 'MI300X', count: null })).toBe('MI300X');
  });

  it('names a missing GPU as unknown', () => {
    expect(gpuLabel(null)).toBe('Unknown GPU');
  });

  it('labels the CI list and the 8xH100 form the same', () => {
    expect(gpuLabel(normalizeGpu(EIGHT_H100))).toBe(gpuLabel(normalizeGpu('8xH100')));
  });
});
