// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  chartGpus,
  gpuColorVariable,
  paletteSlot,
  visibleChartGpus,
} from '../../../src/data/charts/chart-gpus';
import { buildResultIndex } from '../../../src/data/results/result-index';
import { handDataset, result, seedDatasets, seedView } from './chart-fixtures';

describe('GPU colours', () => {
  it('gives the seed GPUs palette slots 1, 2, 3 in label order', () => {
    const gpus = chartGpus(buildResultIndex(seedDatasets()));
    expect(gpus.map((gpu) => [gpu.label, gpu.key, gpu.slot])).toEqual([
      ['8×A100-SXM4-80GB', 'g0', 1],
      ['8×H100', 'g1', 2],
      ['8×H200', 'g2', 3],
    ]);
    expect(gpuColorVariable(2)).toBe('--gpu-2');
  });

  it('keeps 8×H200 on slot 3 when 8×H100 is unchecked', () => {
    const visible = visibleChartGpus(seedView({ gpu: ['8×H100'] }), ['latency']);
    expect(visible.map((gpu) => [gpu.label, gpu.slot])).toEqual([
      ['8×A100-SXM4-80GB', 1],
      ['8×H200', 3],
    ]);
  });

  it('reuses the eight colours from the ninth GPU on', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const dataset = handDataset(
      'nine',
      names.map((name) => result('latency', 'latency_llama8B_tp1', name, { latency_mean: 1 })),
    );
    const slots = chartGpus(buildResultIndex([dataset])).map((gpu) => gpu.slot);
    expect(slots).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 1]);
  });

  it('gives series by index the palette in order, then again from its first colour', () => {
    // Eight colours: index 7 is the eighth, 8 the first again, 16 the first a third time.
    expect([0, 1, 7, 8, 9, 16].map(paletteSlot)).toEqual([1, 2, 8, 1, 2, 1]);
  });

  it('returns no GPU for a suite whose rows are all filtered out', () => {
    const everyModel = ['llama8B', 'llama70B', 'mixtral8x7B'];
    expect(visibleChartGpus(seedView({ model: everyModel }), ['serving'])).toEqual([]);
  });
});
