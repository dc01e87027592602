import type { ChartGpu } from '../../data/charts/chart-gpus';
import { formatRatio } from '../../data/charts/chart-summaries';
import type { SpeedupRow } from '../../data/charts/speedup';
import { describeMetric } from '../../data/metrics';
import { markSource, valueWithUnit } from '../../ui/chart-text';
import { TooltipBox } from '../../ui/chart-tooltip';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';

/** The cell under the pointer: its test and GPU, and the pixel its tooltip hangs from. */
export interface Hovered {
  readonly row: SpeedupRow;
  readonly gpu: ChartGpu;
  readonly x: number;
  readonly y: number;
}

/** The tooltip of the cell under the pointer: the ratio, both values and where they come from. */
export function SpeedupCellTooltip({
  hovered,
  baseline,
  palette,
}: {
  hovered: Hovered;
  baseline: ChartGpu;
  palette: ChartPalette;
}) {
  const { row, gpu } = hovered;
  const entry = row.cells.get(gpu.key);
  if (entry === undefined) return null;
  const { label, unit } = describeMetric(row.metricKey);
  return (
    <TooltipBox
      heading={row.label}
      entries={[
        {
          key: gpu.key,
          color: gpuColor(palette, gpu.slot),
          name: `${gpu.label} over ${baseline.label}`,
          value: formatRatio(entry.ratio),
          details: [
            `${label}: ${valueWithUnit(row.metricKey, entry.mark.value, unit)} vs ${valueWithUnit(row.metricKey, row.base.value, unit)}`,
            markSource(entry.mark),
            `${baseline.label}: ${markSource(row.base)}`,
          ],
        },
      ]}
    />
  );
}
