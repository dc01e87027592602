import { useMemo, useState } from 'react';
import { throughputBars, tokenRateKey, type ThroughputUnit } from '../../data/charts/bar-charts';
import { barChartSummary } from '../../data/charts/chart-summaries';
import type { ResultsView } from '../../data/result-index';
import { BarDataTable } from './bar-data-table';
import { ChartFigure } from '../../ui/chart-figure';
import { EmptyChart } from './empty-chart';
import { GpuBarChart } from './gpu-bar-chart';
import { OptionGroup, type Option } from '../../ui/option-group';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { useElementWidth } from '../../ui/use-element-width';
import { useSeriesToggle } from '../../ui/use-series-toggle';

const TITLE = 'Throughput by model and GPU';

/** Offline throughput per test and visible GPU, in req/s or tok/s, per run or per GPU (÷ TP). */
export function ThroughputChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const [unit, setUnit] = useState<ThroughputUnit>('req/s');
  const [perGpu, setPerGpu] = useState(false);
  const { off, toggle } = useSeriesToggle();
  const [measure, width] = useElementWidth(640);
  const hasTokens = tokenRateKey(view.index.metricKeys.throughput) !== null;
  const shownUnit: ThroughputUnit = hasTokens ? unit : 'req/s';
  const data = useMemo(
    () => throughputBars(view, { unit: shownUnit, perGpu }),
    [view, shownUnit, perGpu],
  );
  const units: Option<ThroughputUnit>[] = [
    { value: 'req/s', label: 'req/s' },
    ...(hasTokens ? [{ value: 'tok/s' as const, label: 'tok/s' }] : []),
  ];
  return (
    <ChartFigure
      id="throughput"
      title={TITLE}
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
      palette={palette}
      legend={{ gpus: data.gpus, off, onToggle: toggle }}
      summary={barChartSummary(data)}
      notice={
        data.omittedGroups > 0
          ? `Showing the first ${data.groups.length} tests; ${data.omittedGroups} more are left out to keep the chart fast. Narrow the filters to see them.`
          : null
      }
      renderData={() => (
        <BarDataTable data={data} caption={`${TITLE}: ${data.label} (${data.unit})`} />
      )}
    >
      <div ref={measure} className="chart-measure">
        {data.groups.length === 0 ? (
          <EmptyChart />
        ) : (
          <GpuBarChart data={data} palette={palette} off={off} width={width} height={320} />
        )}
      </div>
    </ChartFigure>
  );
}
