import { useMemo, useState, type ReactNode } from 'react';
import { paletteSlot, type ChartGpu } from '../../data/charts/chart-gpus';
import {
  ALL_TESTS,
  focusedTestKey,
  historyNotices,
  type HistoryFocus,
  historySelectOptions,
  historySelection,
  missingBaselineLabel,
} from '../../data/history/history-choices';
import { historySource } from '../../data/history/history-source';
import { historyData, historyHasLines } from '../../data/history/history-data';
import {
  historyEmptyText,
  historyNoLinesText,
  historyOrderPhrase,
  historySummary,
} from '../../data/history/history-text';
import { orderAfterMove } from '../../data/history/history-order';
import { type HistoryScale } from '../../data/history/history-plot';
import { ONE_TEST_TEXT, historyStatisticsView } from '../../data/history/history-statistics';
import { LONE_Z_LIMIT, Z_LIMIT } from '../../data/regression/noise-model';
import { testStatistics } from '../../data/regression/series-statistics';
import { useDashboardStore } from '../../store/dashboard-store';
import { withDeferredView, type WithView } from '../../store/deferred-view';
import { ChartFigure } from '../../ui/chart-figure';
import { ChartSelect } from '../../ui/chart-select';
import { joinNotices } from '../../ui/chart-text';
import { OptionGroup, type Option } from '../../ui/option-group';
import { useChartPalette } from '../../ui/use-chart-palette';
import { ChartBox } from '../../ui/armed-tooltip';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { HistoryDataTable } from './history-data-table';
import { legendLabel } from './history-marks';
import { HistoryPlot } from './history-plot';
import { RunMarkControl } from './run-mark-control';
import { RunOrder } from './run-order';
import './history.css';

const TITLE = 'History';

const SCALES: readonly Option<HistoryScale>[] = [
  { value: 'change', label: 'Change from baseline' },
  { value: 'value', label: 'Values' },
];

interface HistoryChartProps {
  /**
   * The run to compare against (the Compare view's baseline dataset). Null: the chart offers its
   * own Baseline choice, the first run by default.
   */
  readonly baselineId: string | null;
  /** The series to show first (a row of the Regressions report); the controls start there. */
  readonly focus?: HistoryFocus;
  /** The figure's id, unique in the page (default `history`). */
  readonly id?: string;
}

/**
 * History: a metric of the same tests across the runs of one GPU, in date order (or the order
 * set), with the baseline run marked, so a slow drift shows as plainly as a jump.
 */
// Deferred, as the other charts: tables paint first after a filter change.
export const HistoryChart = withDeferredView(function HistoryChart({
  view,
  baselineId,
  focus,
  id = 'history',
}: WithView<HistoryChartProps>) {
  const datasets = useDashboardStore((state) => state.datasets);
  const palette = useChartPalette();
  const source = useMemo(() => historySource(view), [view]);
  const runMarks = useDashboardStore((state) => state.runMarks);
  const [gpuChoice, setGpuChoice] = useState<string | null>(focus?.gpu ?? null);
  const [metricChoice, setMetricChoice] = useState<string | null>(focus?.metric ?? null);
  const [testChoice, setTestChoice] = useState<string>(() =>
    focus === undefined ? ALL_TESTS : focusedTestKey(source, focus),
  );
  // A focused series starts on its values: its band and verdict are in the metric's units.
  const [scale, setScale] = useState<HistoryScale>(focus === undefined ? 'change' : 'value');
  const [order, setOrder] = useState<readonly string[]>([]);
  const [ownBaseline, setOwnBaseline] = useState<string | null>(null);
  const { off, toggle } = useSeriesToggle();

  const selection = useMemo(
    () => historySelection(source, { gpu: gpuChoice, metric: metricChoice, test: testChoice }),
    [source, gpuChoice, metricChoice, testChoice],
  );
  const { group, metricKey, testKey } = selection;
  const requestedBaseline = baselineId ?? ownBaseline;
  const data = useMemo(
    () =>
      group === null || metricKey === null
        ? null
        : historyData(group, { metricKey, order, baselineId: requestedBaseline, testKey }),
    [group, metricKey, order, requestedBaseline, testKey],
  );

  const statistics = useMemo(
    () =>
      group === null || metricKey === null || testKey === null
        ? null
        : testStatistics(group, metricKey, testKey, runMarks),
    [group, metricKey, testKey, runMarks],
  );
  const stats = useMemo(
    () => (data === null ? null : historyStatisticsView(data, statistics, runMarks)),
    [data, statistics, runMarks],
  );

  if (data === null || group === null || stats === null) {
    const text = historyEmptyText(source.emptyReason ?? 'no-results');
    return (
      <ChartFigure
        id={id}
        title={TITLE}
        description="A metric of the same tests across runs of one GPU, in date order, with the baseline marked."
        palette={palette}
        legend={null}
        summary="No history to show: fewer than two datasets share a GPU and tests."
        renderData={() => <p className="chart-empty">No data.</p>}
        wide
      >
        <p className="chart-empty history-empty">{text}</p>
      </ChartFigure>
    );
  }

  const legendEntries: ChartGpu[] = data.series.map((line, i) => ({
    value: line.key,
    label: legendLabel(line.label, i, data.series.length),
    key: line.key,
    slot: paletteSlot(i),
  }));
  const missingBaseline = missingBaselineLabel(data, requestedBaseline, datasets);

  const moveRunBy = (id: string, delta: -1 | 1): void => {
    const shownIds = data.runs.map((run) => run.id);
    setOrder((current) => orderAfterMove(current, shownIds, id, delta));
  };

  const options = historySelectOptions(source, selection, data);
  const controls: ReactNode = (
    <>
      <ChartSelect
        label="Metric"
        value={data.metricKey}
        options={options.metric}
        onChange={setMetricChoice}
      />
      <ChartSelect label="GPU" value={group.gpu} options={options.gpu} onChange={setGpuChoice} />
      <ChartSelect
        label="Test"
        value={testKey ?? ALL_TESTS}
        options={options.test}
        onChange={setTestChoice}
      />
      {baselineId === null && (
        <ChartSelect
          label="Baseline"
          value={data.baseline?.run.id ?? ''}
          options={options.baseline}
          onChange={setOwnBaseline}
        />
      )}
      <OptionGroup label="Show" options={SCALES} value={scale} onChange={setScale} />
    </>
  );

  return (
    <ChartFigure
      id={id}
      title={TITLE}
      description={`One line per test across the runs of ${data.gpu}, ${historyOrderPhrase(data.ordering)}. The dashed line and hollow diamonds mark the baseline run.${stats.plotted === null ? '' : ` The shaded band is where each run was expected from the runs before it (${String(Z_LIMIT)} robust standard deviations or the metric’s floor, whichever is wider); the latest run alone is a suspect only beyond ${String(LONE_Z_LIMIT)}.`}`}
      controls={controls}
      palette={palette}
      legend={{ gpus: legendEntries, off, onToggle: toggle }}
      legendNote={
        <p className="legend-note">
          <span className="history-baseline-key" aria-hidden="true" /> baseline:{' '}
          <span className="history-baseline-name">{data.baseline?.run.label ?? ''}</span>
        </p>
      }
      summary={
        stats.text === ONE_TEST_TEXT
          ? historySummary(data)
          : `${historySummary(data)} ${stats.text}`
      }
      notice={joinNotices(historyNotices(data, missingBaseline))}
      renderData={() => <HistoryDataTable data={data} title={TITLE} />}
      wide
    >
      <ChartBox fallbackWidth={720}>
        {(width) =>
          historyHasLines(data) ? (
            <HistoryPlot
              data={data}
              scale={scale}
              off={off}
              palette={palette}
              width={width}
              plotted={stats.plotted}
              runLabels={stats.runLabels}
            />
          ) : (
            <p className="chart-empty">{historyNoLinesText(data, testKey)}</p>
          )
        }
      </ChartBox>
      <p className="history-statistics">{stats.text}</p>
      {statistics !== null && <RunMarkControl data={data} />}
      {data.ordering !== 'date' && data.runs.length > 1 && (
        <RunOrder data={data} onMove={moveRunBy} />
      )}
    </ChartFigure>
  );
}, 'history');

export default HistoryChart;
