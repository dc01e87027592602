import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { gpuColor, themeSide, useChartPalette } from '../../src/ui/use-chart-palette';

function PaletteProbe() {
  const palette = useChartPalette();
  return (
    <p>
      <span data-testid="text">{palette.text}</span>
      <span data-testid="gpu-1">{gpuColor(palette, 1)}</span>
      <span data-testid="gpu-9">{gpuColor(palette, 9)}</span>
      <span data-testid="slower">{palette.slower}</span>
    </p>
  );
}

afterEach(() => {
  delete document.documentElement.dataset.theme;
});

describe('theme tokens', () => {
  it('resolve light-dark() to the side in use, and leave plain colours alone', () => {
    expect(themeSide('light-dark(#0072b2, #4ba3e3)', false)).toBe('#0072b2');
    expect(themeSide('light-dark(#0072b2, #4ba3e3)', true)).toBe('#4ba3e3');
    // The comma inside rgb() is not the one between the sides.
    expect(themeSide('light-dark(rgb(0, 114, 178), rgb(75, 163, 227))', true)).toBe(
      'rgb(75, 163, 227)',
    );
    expect(themeSide(' #111111 ', true)).toBe('#111111');
  });

  it('give the chart palette theme.css colours where no stylesheet is applied', async () => {
    render(<PaletteProbe />);
    // theme.css: --text light-dark(#1b1f24, #e6e9ee), --gpu-1 light-dark(#0072b2, #4ba3e3),
    // --speedup-slower light-dark(#d55e00, #f07a3a); slot 9 wraps round to slot 1.
    expect(screen.getByTestId('text')).toHaveTextContent('#1b1f24');
    expect(screen.getByTestId('gpu-1')).toHaveTextContent('#0072b2');
    expect(screen.getByTestId('gpu-9')).toHaveTextContent('#0072b2');
    expect(screen.getByTestId('slower')).toHaveTextContent('#d55e00');
    await act(async () => {
      document.documentElement.dataset.theme = 'dark';
      await Promise.resolve();
    });
    expect(screen.getByTestId('text')).toHaveTextContent('#e6e9ee');
    expect(screen.getByTestId('gpu-1')).toHaveTextContent('#4ba3e3');
    expect(screen.getByTestId('slower')).toHaveTextContent('#f07a3a');
  });
});
