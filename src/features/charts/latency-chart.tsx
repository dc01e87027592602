import { useState } from 'react';
import {
  LATENCY_STAT_LABELS,
  LATENCY_STATS,
  latencyBarsSteps,
  type LatencyStat,
} from '../../data/charts/bar-charts';
import type { ResultsView } from '../../data/results/results-view';
import { useSteppedValue } from '../../store/stepped-value';
import { OptionGroup, type Option } from '../../ui/option-group';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { GpuBarFigure } from './gpu-bar-figure';
import { ChartPlaceholder } from '../../ui/chart-figure';

const STATS: readonly Option<LatencyStat>[] = LATENCY_STATS.map((value) => ({
  value,
  label: LATENCY_STAT_LABELS[value],
}));

/** Latency per test, one bar per visible GPU; mean shows the p99 as a whisker. */
export function LatencyChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const [stat, setStat] = useState<LatencyStat>('mean');
  const data = useSteppedValue(view, stat, latencyBarsSteps);
  if (data === null) return <ChartPlaceholder />;
  return (
    <GpuBarFigure
      id="latency"
      title="Latency by model and GPU"
      description="Time to run one batch (32 input / 128 output tokens, batch 8). With the mean, the whisker reaches the p99."
      controls={<OptionGroup label="Statistic" options={STATS} value={stat} onChange={setStat} />}
      data={data}
      palette={palette}
    />
  );
}
