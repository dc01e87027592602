import { useSyncExternalStore } from 'react';
import { gpuColorVariable, PALETTE_SIZE } from '../data/charts/chart-gpus';
import themeCss from './theme.css?raw';

/**
 * Chart colours as concrete values, read from the CSS variables of the theme in use (theme.css).
 * Recharts writes colours into SVG attributes, where `var(--x)` does not resolve everywhere, and
 * exported files need concrete colours anyway. Re-read when the theme changes:
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

/**
 * The theme's tokens as theme.css writes them (`--text` → `light-dark(#1b1f24, #e6e9ee)`): what a
 * colour is where no stylesheet is applied (tests), so the palette is written only there.
 */
const THEME_TOKENS: ReadonlyMap<string, string> = new Map(
  [...themeCss.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map(([, name = '', value = '']) => [
    name,
    value.trim(),
  ]),
);

/** The first top-level comma of `a, b` (commas inside `rgb(…)` do not count), or -1. */
function topLevelComma(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ',' && depth === 0) return i;
  }
  return -1;
}

/**
 * A token's colour in the theme in use: `light-dark(light, dark)` resolved to one side, any other
 * value (a stylesheet giving a plain colour) as it is.
 */
export function themeSide(value: string, dark: boolean): string {
  const inner = /^light-dark\((.*)\)$/s.exec(value.trim())?.[1];
  if (inner === undefined) return value.trim();
  const comma = topLevelComma(inner);
  if (comma === -1) return inner.trim();
  return (dark ? inner.slice(comma + 1) : inner.slice(0, comma)).trim();
}

/** The GPU colour of a palette slot (1-based). */
export function gpuColor(palette: ChartPalette, slot: number): string {
  return palette.gpu[(slot - 1) % PALETTE_SIZE] ?? palette.text;
}

/** The palette from the tokens in use, or theme.css's own where a stylesheet gives none. */
function readPalette(dark: boolean): ChartPalette {
  const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
  const read = (name: string): string =>
    themeSide(style?.getPropertyValue(name).trim() || (THEME_TOKENS.get(name) ?? ''), dark);
  return {
    gpu: Array.from({ length: PALETTE_SIZE }, (_, i) => read(gpuColorVariable(i + 1))),
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--border'),
    surface: read('--surface'),
    faster: read('--speedup-faster'),
    slower: read('--speedup-slower'),
  };
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

let query: MediaQueryList | null | undefined;

function systemQuery(): MediaQueryList | null {
  query ??= typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  return query;
}

/** Whether the dark side of the tokens is in use: chosen, or the system's unless light is chosen. */
function isDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen === 'dark' || (chosen !== 'light' && systemQuery()?.matches === true);
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
  if (cached?.key !== key) cached = { key, palette: readPalette(isDark()) };
  return cached.palette;
}

let lightPalette: ChartPalette | null = null;

/** Without a page (server rendering): theme.css's light colours. */
function serverPalette(): ChartPalette {
  lightPalette ??= readPalette(false);
  return lightPalette;
}

/** The chart colours of the theme in use; components re-render when the theme changes. */
export function useChartPalette(): ChartPalette {
  return useSyncExternalStore(subscribe, currentPalette, serverPalette);
}
