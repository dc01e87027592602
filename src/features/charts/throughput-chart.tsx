import { useMemo, useState } from 'react';
import {
  throughputBarsSteps,
  throughputUnits,
  type ThroughputOptions,
  type ThroughputUnit,
} from '../../data/charts/bar-charts';
import type { ResultsView } from '../../data/results/results-view';
import { useSteppedValue } from '../../store/stepped-value';
import { OptionGroup, type Option } from '../../ui/option-group';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { GpuBarFigure } from './gpu-bar-figure';
import { ChartPlaceholder } from '../../ui/chart-figure';

/** Offline throughput per test and visible GPU, in req/s or tok/s, per run or per GPU (÷ TP). */
export function ThroughputChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const [unit, setUnit] = useState<ThroughputUnit>('req/s');
  const [perGpu, setPerGpu] = useState(false);
  const offered = throughputUnits(view.index.metricKeys.throughput);
  const shownUnit: ThroughputUnit = offered.includes(unit) ? unit : 'req/s';
  const options = useMemo<ThroughputOptions>(
    () => ({ unit: shownUnit, perGpu }),
    [shownUnit, perGpu],
  );
  const data = useSteppedValue(view, options, throughputBarsSteps);
  const units: Option<ThroughputUnit>[] = offered.map((value) => ({ value, label: value }));
  if (data === null) return <ChartPlaceholder />;
  return (
    <GpuBarFigure
      id="throughput"
      title="Throughput by model and GPU"
      description="Requests completed per second on 200 ShareGPT prompts. Per GPU divides by the tensor-parallel size: a TP4 run uses four of the eight GPUs."
      controls={
        <>
          {units.length > 1 && (
            <OptionGroup label="Unit" options={units} value={shownUnit} onChange={setUnit} />
          )}
          <label className="chart-check">
            <input
              type="checkbox"
              checked={perGpu}
              onChange={(event) => {
                setPerGpu(event.target.checked);
              }}
            />
            Per GPU (÷ TP)
          </label>
        </>
      }
      data={data}
      palette={palette}
    />
  );
}
