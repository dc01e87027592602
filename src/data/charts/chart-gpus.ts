import type { ResultIndex } from '../results/result-index';
import type { ResultsView } from '../results/results-view';
import type { Suite } from '../results/result-model';

/**
 * GPUs as charts see them: a stable data key and palette slot per GPU, taken from the GPU's place
 * among all loaded GPUs (not the visible ones), so a GPU keeps its colour whatever is filtered.
 */

/** How many distinct GPU colours the palette has (`--gpu-1` … `--gpu-8`); more GPUs reuse them. */
export const PALETTE_SIZE = 8;

export interface ChartGpu {
  /** The GPU filter value, e.g. `8×H100`. */
  readonly value: string;
  /** What people read, e.g. `8×H100`. */
  readonly label: string;
  /** A key safe as a recharts dataKey and a CSS class: `g0`, `g1`, … by GPU order. */
  readonly key: string;
  /** 1-based palette slot: the GPU's colour is `--gpu-<slot>`. */
  readonly slot: number;
}

/**
 * The 1-based palette slot of the series at `index` (0, 1, …): the palette in order, then again
 * from the first colour, so neighbours differ and a series keeps its colour while its index does.
 */
export function paletteSlot(index: number): number {
  return (index % PALETTE_SIZE) + 1;
}

/** Every loaded GPU in label order, each with its key and palette slot. */
export function chartGpus(index: ResultIndex): ChartGpu[] {
  return index.groupValues.gpu.map((entry, code) => ({
    value: entry.value,
    label: entry.label,
    key: `g${code}`,
    slot: paletteSlot(code),
  }));
}

/** The CSS custom property holding a palette slot's colour. */
export function gpuColorVariable(slot: number): string {
  return `--gpu-${slot}`;
}

/**
 * The GPUs with at least one visible result in the given suites, in label order. A GPU the
 * filters hide has no visible result, so it is never returned.
 */
export function visibleChartGpus(view: ResultsView, suites: readonly Suite[]): ChartGpu[] {
  const all = chartGpus(view.index);
  const seen = new Uint8Array(all.length);
  const codes = view.index.codes.gpu;
  for (const suite of suites) {
    const positions = view.visible[suite];
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i] ?? 0;
      const code = codes[position];
      if (code !== undefined && code < seen.length) seen[code] = 1;
    }
  }
  return all.filter((_, code) => seen[code] === 1);
}
