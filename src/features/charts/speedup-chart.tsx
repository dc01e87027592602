import { useMemo, useState } from 'react';
import { speedupNotices } from '../../data/charts/chart-notices';
import { speedupSummary } from '../../data/charts/chart-summaries';
import { optionInEffect, servingMetricOptions } from '../../data/charts/serving-metrics';
import { speedupMatrixSteps, type SpeedupOptions } from '../../data/charts/speedup';
import type { ResultsView } from '../../data/results/results-view';
import { useSteppedValue } from '../../store/stepped-value';
import { ChartFigure, ChartPlaceholder } from '../../ui/chart-figure';
import { ChartMeasure } from './chart-measure';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { ChartSelect } from '../../ui/chart-select';
import { joinNotices } from '../../ui/chart-text';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { SpeedupHeatmap } from './speedup-heatmap';
import { SpeedupDataTable } from './speedup-data-table';

const TITLE = 'Speedup over a reference GPU';

/** The GPU speedup matrix: pick a reference GPU; every other visible GPU's ratio per test. */
export function SpeedupChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const options = useMemo(
    () => servingMetricOptions(view.index.metricKeys.serving),
    [view.index.metricKeys.serving],
  );
  const [baselineChoice, setBaselineChoice] = useState<string | null>(null);
  const [servingChoice, setServingChoice] = useState('request_throughput');
  const { off, toggle } = useSeriesToggle();
  const servingMetric = optionInEffect(options, servingChoice, 'request_throughput');
  const speedupOptions = useMemo<SpeedupOptions>(
    () => ({ baseline: baselineChoice, servingMetric }),
    [baselineChoice, servingMetric],
  );
  const matrix = useSteppedValue(view, speedupOptions, speedupMatrixSteps);
  if (matrix === null) return <ChartPlaceholder />;
  const columns = matrix.candidates.filter((gpu) => !off.has(gpu.key));
  const summary = speedupSummary(matrix);

  return (
    <ChartFigure
      id="speedup"
      title={TITLE}
      description="For every test shown, each GPU's ratio to the reference: rates new ÷ reference, times reference ÷ new, so above 1× always means faster. Latency tests compare mean latency, throughput tests req/s."
      controls={
        <>
          <ChartSelect
            label="Reference GPU"
            value={matrix.baseline?.value ?? ''}
            options={matrix.gpus}
            onChange={setBaselineChoice}
          />
          <ChartSelect
            label="Serving tests by"
            value={servingMetric}
            options={options}
            onChange={setServingChoice}
          />
        </>
      }
      palette={palette}
      legend={{ gpus: matrix.candidates, off, onToggle: toggle }}
      summary={summary}
      notice={joinNotices(speedupNotices(matrix))}
      renderData={() => <SpeedupDataTable matrix={matrix} columns={columns} title={TITLE} />}
      wide
    >
      <ChartMeasure
        fallbackWidth={720}
        empty={matrix.baseline === null || matrix.rows.length === 0}
      >
        {(width) => (
          <SpeedupHeatmap
            matrix={matrix}
            columns={columns}
            palette={palette}
            width={width}
            summary={summary}
          />
        )}
      </ChartMeasure>
    </ChartFigure>
  );
}
