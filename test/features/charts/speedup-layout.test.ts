// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { matrixLayout } from '../../../src/features/charts/speedup-layout';

describe('speedup matrix layout', () => {
  it('gives the labels 45% of a wide box, between 180 and 380 px', () => {
    expect(matrixLayout(1200, 18, 2)).toMatchObject({ labelWidth: 380, cellWidth: 150 });
    expect(matrixLayout(600, 18, 2)).toMatchObject({ labelWidth: 270, cellWidth: 150 });
    expect(matrixLayout(420, 18, 2)).toMatchObject({ labelWidth: 189, cellWidth: 115 });
  });

  it('narrows the label column on phones so the matrix fits its box unscaled', () => {
    // A 375 px phone leaves the matrix about 317 px; a 320 px phone about 270 px.
    for (const width of [270, 300, 317, 340, 372]) {
      const layout = matrixLayout(width, 18, 2);
      expect(layout.width, `at ${width}px`).toBe(width);
      expect(layout.labelWidth + 2 * layout.cellWidth).toBeLessThanOrEqual(width);
      expect(layout.cellWidth).toBeGreaterThanOrEqual(72);
    }
    expect(matrixLayout(270, 18, 2).labelWidth).toBe(126);
    expect(matrixLayout(270, 18, 3).labelWidth).toBe(96);
  });

  it('grows wider than its box (which scrolls) only when the columns alone do not fit', () => {
    const layout = matrixLayout(317, 18, 4);
    expect(layout.labelWidth).toBe(96);
    expect(layout.width).toBe(96 + 4 * 72);
  });
});
