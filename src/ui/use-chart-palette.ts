import { useSyncExternalStore } from 'react';
import { gpuColorVariable, PALETTE_SIZE } from '../data/charts/chart-gpus';

/**
 * Chart colours as concrete values, read from the CSS variables of the theme in use (charts.css,
 * styles.css). Recharts writes colours into SVG attributes, where `var(--x)` does not resolve
 * everywhere, and exported files need concrete colours anyway. Re-read when the theme changes:
 * the `data-theme` attribute on <html> or the system's light/dark preference.
 */
export interface ChartPalette {
  /** Index = palette slot − 1. */
  readonly gpu: readonly string[];
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly surface: string;
  readonly faster: string;
  readonly slower: string;
}

/** The light theme's values, for environments without the stylesheet (tests). */
const FALLBACK: ChartPalette = {
  gpu: ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#a08a00', '#1b1f24'],
  text: '#1b1f24',
  muted: '#5b6573',
  grid: '#d9dee5',
  surface: '#ffffff',
  faster: '#0072b2',
  slower: '#d55e00',
};

/** The GPU colour of a palette slot (1-based). */
export function gpuColor(palette: ChartPalette, slot: number): string {
  return palette.gpu[(slot - 1) % PALETTE_SIZE] ?? FALLBACK.text;
}

function readPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback;
  return {
    gpu: FALLBACK.gpu.map((fallback, i) => read(gpuColorVariable(i + 1), fallback)),
    text: read('--text', FALLBACK.text),
    muted: read('--muted', FALLBACK.muted),
    grid: read('--border', FALLBACK.grid),
    surface: read('--surface', FALLBACK.surface),
    faster: read('--speedup-faster', FALLBACK.faster),
    slower: read('--speedup-slower', FALLBACK.slower),
  };
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

let query: MediaQueryList | null | undefined;

function systemQuery(): MediaQueryList | null {
  query ??= typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  return query;
}

function themeKey(): string {
  return `${document.documentElement.dataset.theme ?? 'system'}:${systemQuery()?.matches === true ? 'dark' : 'light'}`;
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const system = systemQuery();
  system?.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    system?.removeEventListener('change', onChange);
  };
}

let cached: { key: string; palette: ChartPalette } | null = null;

/** The same object until the theme changes, as useSyncExternalStore requires. */
function currentPalette(): ChartPalette {
  const key = themeKey();
  if (cached?.key !== key) cached = { key, palette: readPalette() };
  return cached.palette;
}

/** The chart colours of the theme in use; components re-render when the theme changes. */
export function useChartPalette(): ChartPalette {
  return useSyncExternalStore(subscribe, currentPalette, () => FALLBACK);
}
