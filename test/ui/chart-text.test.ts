// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { axisTitle, formatTick, joinNotices, valueScale } from '../../src/ui/chart-text';

describe('value axis', () => {
  it('reaches a round top above the largest value with round ticks', () => {
    // The seed's largest mean latency is 4,023.16 ms (A100, Llama 3 70B): a quarter of it with 2%
    // headroom is about 1,026, so the step is 2,000 and the top 6,000.
    expect(valueScale(4023.1602351491647)).toEqual({
      domain: [0, 6000],
      ticks: [0, 2000, 4000, 6000],
    });
    // The largest achieved rate is 28.83 req/s (H200, Llama 3.1 8B, all at once): step 10.
    expect(valueScale(28.828767850421375)).toEqual({ domain: [0, 30], ticks: [0, 10, 20, 30] });
    expect(valueScale(0.9)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('still draws an axis when there is nothing to show', () => {
    expect(valueScale(0).domain).toEqual([0, 1]);
  });

  it('titles an axis with unit and direction', () => {
    expect(axisTitle('Mean latency', 'ms', 'lower')).toBe('Mean latency (ms) · lower is better');
    expect(axisTitle('Requests', '', 'neutral')).toBe('Requests');
    expect(formatTick(1046.9)).toBe('1,050');
  });
});

describe('chart notices', () => {
  it('join the notices that apply, and are null when none does', () => {
    expect(joinNotices(['3 tests left out.', false, '', 'Points thinned.'])).toBe(
      '3 tests left out. Points thinned.',
    );
    expect(joinNotices([false, ''])).toBeNull();
    expect(joinNotices([])).toBeNull();
  });
});
