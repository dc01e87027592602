// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { overview } from '../../../src/data/decisions/overview';
import { servingConfigs } from '../../../src/data/decisions/serving-configs';
import { handDataset, result, seedView, viewOf } from '../charts/chart-fixtures';

function overviewOf(view = seedView()) {
  return overview(view, servingConfigs(view));
}

describe('the overview of the bundled nightlies', () => {
  it('has a group per model and a card per GPU', () => {
    const models = overviewOf();
    expect(models.map((m) => m.model)).toEqual(['Llama 3 70B', 'Llama 3.1 8B', 'Mixtral 8x7B']);
    for (const model of models) {
      expect(model.cards.map((c) => c.gpu)).toEqual(['8×A100-SXM4-80GB', '8×H100', '8×H200']);
    }
  });

  it('gives each card its headline numbers', () => {
    const card = overviewOf()[1]?.cards[2]; // Llama 3.1 8B on 8×H200
    expect(card?.gpu).toBe('8×H200');
    expect(card?.throughput).toBeCloseTo(25.6716, 4); // throughput_llama8B_tp1
    expect(card?.peakServing?.value).toBeCloseTo(28.8288, 4); // serving at inf
    expect(card?.peakServing?.load).toBe(Infinity);
    expect(card?.ttftLowLoad).toMatchObject({ load: 1 });
    expect(card?.ttftLowLoad?.value).toBeCloseTo(15.7798, 4); // median TTFT at QPS 1
    expect(card?.itlLowLoad?.value).toBeCloseTo(6.44447, 4); // median ITL at QPS 1
    expect(card?.latency).toBeCloseTo(833.272, 3); // latency_llama8B_tp1 mean
    expect(card?.tp).toBe(1);
  });

  it('names the best GPU per model by throughput per GPU used', () => {
    const best = Object.fromEntries(overviewOf().map((m) => [m.model, m.best?.gpu]));
    // 70B: 10.6882 (H200) > 9.13468 (H100) > 5.20635 (A100); 8B: 25.6716 (H200) > 21.6201;
    // Mixtral: 9.0138 (H100) > 8.64563 (H200) > 5.56502 (A100).
    expect(best).toEqual({
      'Llama 3 70B': '8×H200',
      'Llama 3.1 8B': '8×H200',
      'Mixtral 8x7B': '8×H100',
    });
  });

  it('follows the filters, and names no best GPU with one left', () => {
    const models = overviewOf(seedView({ gpu: ['8×H200', '8×A100-SXM4-80GB'] }));
    expect(models[2]?.cards.map((c) => c.gpu)).toEqual(['8×H100']);
    expect(models[2]?.best).toBeNull();
    // Without QPS 1, the lowest load tested is 4: 8×H100 Llama 3.1 8B median TTFT 15.92 ms.
    const card = overviewOf(seedView({ qps: ['1'] }))[1]?.cards[1];
    expect(card?.ttftLowLoad?.load).toBe(4);
    expect(card?.ttftLowLoad?.value).toBeCloseTo(15.9192, 4);
  });

  it('shows a card for serving results alone, without throughput or latency', () => {
    const models = overviewOf(
      viewOf([
        handDataset('s', [
          result('serving', 's', 'B200', { request_throughput: 3, ttft_median: 20 }, { qps: 2 }),
        ]),
      ]),
    );
    const card = models[0]?.cards[0];
    expect(card).toMatchObject({
      gpu: '8×B200',
      throughput: null,
      latency: null,
      throughputPerGpu: null,
    });
    expect(card?.peakServing).toEqual({ value: 3, load: 2 });
    expect(card?.ttftLowLoad).toEqual({ value: 20, load: 2 });
    expect(card?.itlLowLoad).toBeNull();
  });
});
