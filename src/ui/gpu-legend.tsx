import type { ChartGpu } from '../data/charts/chart-gpus';
import { gpuColor, type ChartPalette } from './use-chart-palette';

interface GpuLegendProps {
  readonly gpus: readonly ChartGpu[];
  /** Keys of the series turned off here. */
  readonly off: ReadonlySet<string>;
  readonly palette: ChartPalette;
  readonly onToggle: (key: string) => void;
}

/**
 * The chart's legend: one toggle button per visible GPU (pressed = series shown). GPUs the filters
 * hide are not passed in, so they never appear.
 */
export function GpuLegend({ gpus, off, palette, onToggle }: GpuLegendProps) {
  if (gpus.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Series (press to show or hide)">
      {gpus.map((gpu) => (
        <li key={gpu.key}>
          <button
            type="button"
            className="legend-item"
            aria-pressed={!off.has(gpu.key)}
            data-series={gpu.key}
            onClick={() => {
              onToggle(gpu.key);
            }}
          >
            <span
              className="legend-swatch"
              aria-hidden="true"
              style={{ background: gpuColor(palette, gpu.slot) }}
            />
            {gpu.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
