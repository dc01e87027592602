import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChartsSection } from '../../../src/features/charts/charts-section';
import { mixColors, readableOn } from '../../../src/features/charts/color-mix';
import { useDashboardStore } from '../../../src/store/dashboard-store';
import { SEED_GPUS, seedDataset } from '../../helpers/seed';

/** Renders the charts and waits for all five: they mount one per task. */
async function renderAllCharts(): Promise<void> {
  render(<ChartsSection />);
  await waitFor(
    () => {
      expect(screen.getAllByRole('figure')).toHaveLength(5);
    },
    { timeout: 10_000 },
  );
}

let style: HTMLStyleElement | null = null;

beforeEach(() => {
  useDashboardStore.getState().reset();
  useDashboardStore.getState().addDatasets(SEED_GPUS.map((gpu) => seedDataset(gpu)));
  // The palette as the stylesheet defines it, with made-up colours to tell the themes apart.
  style = document.createElement('style');
  style.textContent =
    ":root { --gpu-1: #111111; --gpu-2: #121212; } :root[data-theme='dark'] { --gpu-1: #eeeeee; --gpu-2: #ededed; }";
  document.head.append(style);
});

afterEach(() => {
  // Unmount first, so no chart reads the palette while the test's stylesheet goes away.
  cleanup();
  style?.remove();
  delete document.documentElement.dataset.theme;
});

describe('chart colours', () => {
  it('come from the CSS variables and follow a theme change', async () => {
    await renderAllCharts();
    const chart = screen.getByRole('figure', { name: /Latency/ });
    const a100 = () => chart.querySelector('.series-g0 .chart-bars')?.getAttribute('fill');
    expect(a100()).toBe('#111111');
    // The MutationObserver fires in a microtask; an async act waits for it and its update.
    await act(async () => {
      document.documentElement.dataset.theme = 'dark';
      await Promise.resolve();
    });
    expect(a100()).toBe('#eeeeee');
    const swatch = within(chart).getByRole('button', { name: '8×A100-SXM4-80GB' });
    expect(swatch.querySelector('.legend-swatch')).toHaveStyle({ background: '#eeeeee' });
  });

  it('give 8×H100 the same colour in every chart, whatever else is filtered', async () => {
    await renderAllCharts();
    act(() => {
      useDashboardStore.getState().toggleHidden('gpu', '8×A100-SXM4-80GB');
    });
    for (const name of [/Latency/, /Throughput/, /Serving/, /Trade-off/]) {
      const chart = screen.getByRole('figure', { name });
      // Bars and dots are filled, lines stroked in the GPU's colour (whiskers use the text colour).
      const marks = [...chart.querySelectorAll('.series-g1 path:not(.chart-whiskers)')].map(
        (path) => {
          const fill = path.getAttribute('fill');
          return fill === 'none' ? path.getAttribute('stroke') : fill;
        },
      );
      expect(marks.length, String(name)).toBeGreaterThan(0);
      for (const fill of marks) expect(fill).toBe('#121212');
    }
  });
});

describe('speedup colour arithmetic', () => {
  it('mixes a share of the way from one colour to another', () => {
    expect(mixColors('#ffffff', '#0072b2', 0)).toBe('#ffffff');
    expect(mixColors('#ffffff', '#0072b2', 1)).toBe('#0072b2');
    // Halfway: (255 + 0) / 2 = 127.5 → 128, (255 + 114) / 2 = 184.5 → 185, (255 + 178) / 2 = 216.5 → 217.
    expect(mixColors('#ffffff', '#0072b2', 0.5)).toBe('#80b9d9');
  });

  it('writes dark text on light cells and light text on dark cells', () => {
    expect(readableOn('#f0f4f8', ['#1b1f24', '#ffffff'])).toBe('#1b1f24');
    expect(readableOn('#0b3c5d', ['#1b1f24', '#ffffff'])).toBe('#ffffff');
  });
});
