// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHAR_WIDTH, charsThatFit, shortenMiddle, wrapLabel } from '../../src/ui/wrap-label';

/** The width (px) that holds exactly `chars` characters at 12 px. */
const chars = (count: number): number => count * 12 * CHAR_WIDTH + 0.01;

describe('charsThatFit', () => {
  it('counts whole characters, at least one', () => {
    expect(charsThatFit(chars(10), 12)).toBe(10);
    expect(charsThatFit(chars(10) - 1, 12)).toBe(9);
    expect(charsThatFit(0, 12)).toBe(1);
  });
});

describe('wrapLabel', () => {
  it('keeps a label that fits on one line as it is', () => {
    expect(wrapLabel('Llama 3 70B · TP4', chars(17), 12)).toEqual({
      text: 'Llama 3 70B · TP4',
      lines: ['Llama 3 70B · TP4'],
      shortened: false,
    });
  });

  it('breaks at the · between parts first, dropping the dot', () => {
    expect(wrapLabel('Achieved throughput (req/s) · higher is better', chars(30), 12)).toEqual({
      text: 'Achieved throughput (req/s) · higher is better',
      lines: ['Achieved throughput (req/s)', 'higher is better'],
      shortened: false,
    });
  });

  it('breaks a part too long for a line between words, joining the next part where it fits', () => {
    // The 375 px bar charts: about ten characters a category.
    expect(wrapLabel('Llama 3 70B · TP4', chars(10), 12).lines).toEqual(['Llama 3', '70B · TP4']);
    expect(wrapLabel('Llama 3.1 8B · TP1', chars(10), 12).lines).toEqual(['Llama 3.1', '8B · TP1']);
    expect(wrapLabel('Mixtral 8x7B · TP2', chars(10), 12).lines).toEqual(['Mixtral', '8x7B · TP2']);
  });

  it('cuts what does not fit in the lines allowed with an ellipsis and says so', () => {
    const wrapped = wrapLabel('Llama 3 70B · TP4 · sharegpt · concurrency 16', chars(12), 12);
    expect(wrapped.lines).toEqual(['Llama 3 70B', 'TP4…']);
    expect(wrapped.shortened).toBe(true);
    expect(wrapped.text).toBe('Llama 3 70B · TP4 · sharegpt · concurrency 16');
    // One line allowed (slanted labels).
    expect(wrapLabel('Llama 3 70B · TP4', chars(8), 12, 1)).toEqual({
      text: 'Llama 3 70B · TP4',
      lines: ['Llama 3…'],
      shortened: true,
    });
  });

  it('cuts a word longer than a line', () => {
    const wrapped = wrapLabel('DeepSeek-V3-0324-FP8 · TP8', chars(10), 12);
    expect(wrapped.lines).toEqual(['DeepSeek-…', 'TP8']);
    expect(wrapped.shortened).toBe(true);
    for (const line of wrapped.lines) expect(line.length).toBeLessThanOrEqual(10);
  });

  it('never makes a line longer than the width', () => {
    const label = 'Serving · Llama 3.1 8B · TP1 · sharegpt · QPS 16';
    for (let count = 1; count <= label.length; count += 1) {
      const { lines } = wrapLabel(label, chars(count), 12, 3);
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.max(1, count));
    }
  });

  it('tidies white space', () => {
    expect(wrapLabel('  Llama   3 ', chars(20), 12).lines).toEqual(['Llama 3']);
  });
});

describe('shortenMiddle', () => {
  it('keeps a label that fits', () => {
    expect(shortenMiddle('Latency · Llama 3 70B · TP4', chars(27), 12)).toBe(
      'Latency · Llama 3 70B · TP4',
    );
  });

  it('keeps the last part, so rows that differ only there stay apart', () => {
    const one = shortenMiddle('Serving · Llama 3 70B · TP4 · sharegpt · QPS 1', chars(24), 12);
    const all = shortenMiddle('Serving · Llama 3 70B · TP4 · sharegpt · QPS inf', chars(24), 12);
    expect(one).toBe('Serving · Llama… · QPS 1');
    expect(all).toBe('Serving · Lla… · QPS inf');
    expect(one).toHaveLength(24);
    expect(all).toHaveLength(24);
  });

  it('cuts the end when the last part would take most of the room', () => {
    expect(shortenMiddle('Latency · Llama 3.1 8B · concurrency 16', chars(20), 12)).toBe(
      'Latency · Llama 3.1…',
    );
    expect(shortenMiddle('Throughput of Llama', chars(10), 12)).toBe('Throughpu…');
  });
});
