// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { alignResults } from '../../../src/data/compare/align-results';
import {
  compareSideLabel,
  compareSideOptions,
  readCompareSide,
  sameCompareSide,
  singleGpuPair,
  sideResults,
  sidesIgnoreGpu,
  type CompareSide,
} from '../../../src/data/compare/compare-sides';
import { a100, h100, h200, result } from './compare-fixtures';

describe('compare sides', () => {
  it('reads a dataset id or gpu:<label>', () => {
    expect(readCompareSide('0a1b2c3d-4k')).toEqual({ kind: 'dataset', id: '0a1b2c3d-4k' });
    expect(readCompareSide('gpu:8×H200')).toEqual({ kind: 'gpu', gpu: '8×H200' });
    expect(readCompareSide('gpu:')).toBeNull();
    expect(readCompareSide('')).toBeNull();
  });

  it('finds a side’s results among the loaded datasets', () => {
    const datasets = [h100, h200, a100];
    expect(sideResults({ kind: 'dataset', id: h200.id }, datasets)).toEqual(h200.results);
    expect(sideResults({ kind: 'dataset', id: 'not loaded' }, datasets)).toEqual([]);
    const a100s = sideResults({ kind: 'gpu', gpu: '8×A100-SXM4-80GB' }, datasets);
    expect(a100s).toHaveLength(18);
    // Two loaded runs of one GPU: both are the side, the first of each test is compared.
    const twice = sideResults({ kind: 'gpu', gpu: '8×H100' }, [h100, h100]);
    expect(twice).toHaveLength(36);
    const rows = alignResults(twice, h100.results);
    expect(rows).toHaveLength(18);
    expect(rows.every((row) => row.duplicatesIgnored.baseline === 1)).toBe(true);
  });

  it('ignores the GPU when a side is a GPU and names sides for people', () => {
    const gpu: CompareSide = { kind: 'gpu', gpu: '8×H100' };
    const dataset: CompareSide = { kind: 'dataset', id: h200.id };
    expect(sidesIgnoreGpu(gpu, dataset)).toBe(true);
    expect(sidesIgnoreGpu(dataset, gpu)).toBe(true);
    expect(sidesIgnoreGpu(dataset, { kind: 'dataset', id: h100.id })).toBe(false);
    expect(compareSideLabel(gpu, [h100])).toBe('8×H100');
    expect(compareSideLabel(dataset, [h100, h200])).toBe('Nightly · 8×H200');
    expect(compareSideLabel({ kind: 'dataset', id: 'gone' }, [h100])).toBe('gone');
  });

  it('knows two sides are one when they name the same dataset or the same GPU', () => {
    const gpu: CompareSide = { kind: 'gpu', gpu: '8×H100' };
    expect(sameCompareSide(gpu, { kind: 'gpu', gpu: '8×H100' })).toBe(true);
    expect(sameCompareSide(gpu, { kind: 'gpu', gpu: '8×H200' })).toBe(false);
    expect(sameCompareSide({ kind: 'dataset', id: 'a' }, { kind: 'dataset', id: 'a' })).toBe(true);
    expect(sameCompareSide(gpu, null)).toBe(false);
    expect(sameCompareSide(null, gpu)).toBe(false);
    expect(sameCompareSide(null, null)).toBe(false);
  });

  it('offers every dataset by label, then every GPU as a side', () => {
    const options = compareSideOptions(
      [{ id: 'x1', label: 'Nightly' }],
      [{ value: '8×H100', label: '8×H100' }],
    );
    expect(options).toEqual({
      datasets: [{ value: 'x1', label: 'Nightly' }],
      gpus: [{ value: 'gpu:8×H100', label: 'GPU: 8×H100' }],
    });
  });

  it('suggests comparing GPUs only when each side ran on one GPU', () => {
    const on = (type: string) => result({ gpu: { type, count: 8 }, metrics: {} });
    expect(singleGpuPair([on('H100'), on('H100')], [on('H200')])).toEqual({
      baseline: '8×H100',
      candidate: '8×H200',
    });
    expect(singleGpuPair([on('H100'), on('A100')], [on('H200')])).toBeNull();
    expect(singleGpuPair([on('H100')], [on('H200'), on('A100')])).toBeNull();
    expect(singleGpuPair([], [on('H200')])).toBeNull();
  });
});
