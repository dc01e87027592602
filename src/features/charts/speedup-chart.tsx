import { useMemo, useState } from 'react';
import { speedupSummary } from '../../data/charts/chart-summaries';
import { servingMetricChoices } from '../../data/charts/serving-metrics';
import { speedupMatrix } from '../../data/charts/speedup';
import { describeMetric } from '../../data/metrics';
import type { ResultsView } from '../../data/result-index';
import { ChartFigure } from '../../ui/chart-figure';
import { EmptyChart } from './empty-chart';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { useElementWidth } from '../../ui/use-element-width';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { SpeedupHeatmap } from './speedup-heatmap';
import { SpeedupDataTable } from './speedup-data-table';

const TITLE = 'Speedup over a reference GPU';

/** Serving metrics the matrix can compare serving tests by, flattened with their statistic. */
function servingOptions(metricKeys: readonly string[]): { key: string; label: string }[] {
  return servingMetricChoices(metricKeys).flatMap((choice) =>
    choice.stats.length === 0
      ? [{ key: choice.id, label: choice.label }]
      : choice.stats.map((stat) => ({
          key: `${choice.id}_${stat}`,
          label: describeMetric(`${choice.id}_${stat}`).label,
        })),
  );
}

/** The GPU speedup matrix: pick a reference GPU; every other visible GPU's ratio per test. */
export function SpeedupChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const options = useMemo(
    () => servingOptions(view.index.metricKeys.serving),
    [view.index.metricKeys.serving],
  );
  const [baselineChoice, setBaselineChoice] = useState<string | null>(null);
  const [servingChoice, setServingChoice] = useState('request_throughput');
  const { off, toggle } = useSeriesToggle();
  const [measure, width] = useElementWidth(720);
  const servingMetric = options.some((option) => option.key === servingChoice)
    ? servingChoice
    : (options[0]?.key ?? 'request_throughput');
  const matrix = useMemo(
    () => speedupMatrix(view, { baseline: baselineChoice, servingMetric }),
    [view, baselineChoice, servingMetric],
  );
  const columns = matrix.candidates.filter((gpu) => !off.has(gpu.key));
  const summary = speedupSummary(matrix);

  return (
    <ChartFigure
      id="speedup"
      title={TITLE}
      description="For every test shown, each GPU's ratio to the reference: rates new ÷ reference, times reference ÷ new, so above 1× always means faster. Latency tests compare mean latency, throughput tests req/s."
      controls={
        <>
          <label className="chart-select">
            Reference GPU
            <select
              value={matrix.baseline?.value ?? ''}
              onChange={(event) => {
                setBaselineChoice(event.target.value);
              }}
            >
              {matrix.gpus.map((gpu) => (
                <option key={gpu.key} value={gpu.value}>
                  {gpu.label}
                </option>
              ))}
            </select>
          </label>
          <label className="chart-select">
            Serving tests by
            <select
              value={servingMetric}
              onChange={(event) => {
                setServingChoice(event.target.value);
              }}
            >
              {options.map((option) => (
                <option key={option.key} value={option.key}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </>
      }
      palette={palette}
      legend={{ gpus: matrix.candidates, off, onToggle: toggle }}
      summary={summary}
      notice={
        [
          matrix.omittedRows > 0
            ? `Showing the first ${matrix.rows.length} tests; ${matrix.omittedRows} more are left out of the drawing (the geometric means include them).`
            : '',
          matrix.testsWithoutBaseline > 0 && matrix.baseline !== null
            ? `${matrix.testsWithoutBaseline} tests shown have no ${matrix.baseline.label} result and have no row.`
            : '',
        ]
          .filter((text) => text !== '')
          .join(' ') || null
      }
      renderData={() => <SpeedupDataTable matrix={matrix} columns={columns} title={TITLE} />}
      wide
    >
      <div ref={measure} className="chart-measure">
        {matrix.baseline === null || matrix.rows.length === 0 ? (
          <EmptyChart />
        ) : (
          <SpeedupHeatmap
            matrix={matrix}
            columns={columns}
            palette={palette}
            width={width}
            summary={summary}
          />
        )}
      </div>
    </ChartFigure>
  );
}
