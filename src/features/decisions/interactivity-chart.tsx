import { useMemo, type ReactElement } from 'react';
import {
  CartesianGrid,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
  type ScatterShapeProps,
} from 'recharts';
import { chartGpus, type ChartGpu } from '../../data/charts/chart-gpus';
import { plural } from '../../data/charts/chart-summaries';
import { engineDash, enginesOf, withStyles } from '../../data/charts/engine-dash';
import { frontierTable, type FrontierTable } from '../../data/decisions/frontier-table';
import {
  interactivity,
  xAxisText,
  yAxisText,
  type InteractivityData,
} from '../../data/decisions/interactivity';
import { type ServingConfig } from '../../data/decisions/serving-configs';
import { formatQps } from '../../data/format';
import type { ResultsView } from '../../data/results/results-view';
import { ChartFigure } from '../../ui/chart-figure';
import { ChartSelect } from '../../ui/chart-select';
import { DataTable } from '../../ui/data-table';
import { useNumberTick } from '../../ui/plain-tick';
import { useElementWidth } from '../../ui/use-element-width';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { DecisionTable, type DecisionRow } from './decision-table';

const HEIGHT = 360;
/** A ring's radius: recharts' default symbol (area 64) has about this one. */
const RING_RADIUS = 4.5;
/** Below this plot width (px) the x axis's full title does not fit. */
const NARROW = 640;

function number(value: number | null, digits = 2): string {
  return value === null
    ? '—'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
}

/** The text alternative: which GPU gives the most throughput at each interactivity level. */
function summaryOf(data: InteractivityData, table: FrontierTable): string {
  if (data.lines.length === 0)
    return `${data.model}: no serving results with latency per token and throughput in view.`;
  const best = table.levels.flatMap((level, l) => {
    const row = table.bestAt[l];
    const entry = row === null || row === undefined ? undefined : table.rows[row];
    return entry === undefined
      ? []
      : [
          `at ${number(level, 1)} tok/s per user, ${entry.line.config.setup} (${number(entry.values[l] ?? null)})`,
        ];
  });
  return `${data.model}: Pareto frontiers of ${plural(data.lines.length, 'GPU')}. ${best.length === 0 ? '' : `Most throughput per GPU ${best.join('; ')}.`}`;
}

/** A tested load drawn as a ring in the colour its point carries (`stroke`). */
function ring({ cx, cy, payload }: ScatterShapeProps): ReactElement {
  const point: unknown = payload;
  const stroke =
    typeof point === 'object' &&
    point !== null &&
    'stroke' in point &&
    typeof point.stroke === 'string'
      ? point.stroke
      : undefined;
  return <circle cx={cx} cy={cy} r={RING_RADIUS} fill="none" stroke={stroke} />;
}

/** A load on a frontier, filled in its series' colour: a circle, not recharts' symbol path. */
function dot({ cx, cy, fill }: ScatterShapeProps & { readonly fill?: unknown }): ReactElement {
  return (
    <circle cx={cx} cy={cy} r={RING_RADIUS} fill={typeof fill === 'string' ? fill : undefined} />
  );
}

function gpuOf(gpus: readonly ChartGpu[], label: string): ChartGpu | undefined {
  return gpus.find((gpu) => gpu.value === label || gpu.label === label);
}

interface InteractivityChartProps {
  readonly view: ResultsView;
  readonly configs: readonly ServingConfig[];
  readonly model: string;
  readonly models: readonly string[];
  readonly onModel: (model: string) => void;
  readonly palette: ChartPalette;
}

/**
 * Throughput per GPU against tokens per second per user, a Pareto frontier per GPU, for one
 * model at a time; with the `Throughput at interactivity` table that reads the frontiers at
 * fixed levels.
 */
export function InteractivityChart({
  view,
  configs,
  model,
  models,
  onModel,
  palette,
}: InteractivityChartProps) {
  const data = useMemo(() => interactivity(model, configs), [model, configs]);
  const table = useMemo(() => frontierTable(data), [data]);
  const all = useMemo(() => chartGpus(view.index), [view.index]);
  const { off, toggle } = useSeriesToggle();
  const [ref, width] = useElementWidth(720);
  const xTick = useNumberTick(palette.text, 'x');
  const yTick = useNumberTick(palette.text, 'y');
  const gpus = data.lines.flatMap((line) => gpuOf(all, line.config.gpu) ?? []);
  const engines = useMemo(() => enginesOf(data.lines.map((line) => line.config)), [data.lines]);
  const shown = data.lines.filter((line) => !off.has(gpuOf(all, line.config.gpu)?.key ?? ''));
  const colorOf = (line: InteractivityData['lines'][number]): string =>
    gpuColor(palette, gpuOf(all, line.config.gpu)?.slot ?? 1);
  const loads = shown.flatMap((line) => {
    const stroke = colorOf(line);
    return line.points.map((point) => ({ ...point, stroke }));
  });
  const xTitle = xAxisText(data.xBasis);
  const yTitle = yAxisText(data.yBasis);
  const rows: DecisionRow[] = table.rows.map((row, r) => ({
    key: row.line.config.key,
    cells: [
      { text: row.line.config.setup },
      ...row.values.map((value, l) => ({
        text: number(value),
        csv: value,
        numeric: true,
        best: table.bestAt[l] === r,
      })),
      table.span === null
        ? { text: `${number(row.ownArea, 1)} over its own span`, csv: row.ownArea, numeric: true }
        : { text: number(row.area, 1), csv: row.area, numeric: true, best: table.bestArea === r },
    ],
  }));
  return (
    <>
      <ChartFigure
        id="interactivity"
        title="Interactivity: throughput per GPU against tokens/s per user"
        description={`Each dot is a tested load; the line joins each GPU's Pareto frontier (loads no other load beats on both). x: ${xTitle}. y: ${yTitle}. GPUs used is TP × PP × DP, not the machine's eight.${withStyles(engines)}`}
        controls={
          models.length > 1 ? (
            <ChartSelect
              label="Model"
              value={model}
              options={models.map((value) => ({ value, label: value }))}
              onChange={onModel}
            />
          ) : null
        }
        palette={palette}
        legend={{ gpus, off, onToggle: toggle }}
        summary={summaryOf(data, table)}
        notice={data.skipped.length === 0 ? null : `Left out: ${data.skipped.join('; ')}.`}
        renderData={() => (
          <DataTable
            caption={`${data.model}: interactivity and throughput per GPU of each tested load`}
            columns={[
              { header: 'GPU' },
              { header: 'Load' },
              { header: xTitle, numeric: true },
              { header: yTitle, numeric: true },
              { header: 'On the frontier' },
            ]}
            rows={data.lines.flatMap((line) =>
              line.points.map((point) => ({
                key: `${line.config.key}|${String(point.load)}`,
                cells: [
                  line.config.setup,
                  formatQps(point.load),
                  number(point.x),
                  number(point.y, 3),
                  line.frontier.includes(point) ? 'yes' : 'no',
                ],
              })),
            )}
          />
        )}
      >
        <div ref={ref} className="interactivity-plot">
          <ScatterChart
            width={width}
            height={HEIGHT}
            margin={{ top: 10, right: 20, bottom: 40, left: 20 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={palette.grid} />
            <XAxis
              type="number"
              dataKey="x"
              domain={['auto', 'auto']}
              // Every tick (about five), drawn as plain text: recharts' own measures each label
              // in the DOM, and each measure forces a layout of the whole page.
              interval={0}
              tick={xTick}
              stroke={palette.muted}
              label={{
                // A narrow plot has room for the quantity only; the description says the rest.
                value: width < NARROW ? 'Tokens/s per user' : xTitle,
                position: 'insideBottom',
                offset: -25,
                fill: palette.text,
              }}
            />
            <YAxis
              type="number"
              dataKey="y"
              interval={0}
              tick={yTick}
              stroke={palette.muted}
              width={60}
              label={{
                value: data.yBasis === 'output' ? 'tok/s per GPU' : 'req/s per GPU',
                angle: -90,
                position: 'insideLeft',
                fill: palette.text,
              }}
            />
            {/* Every tested load, one series for all GPUs (each ring in its GPU's colour): a
                series each made recharts lay out and redraw the chart once more per GPU. */}
            <Scatter
              key="all"
              data={loads}
              shape={ring}
              isAnimationActive={false}
              className="loads"
            />
            {shown.map((line) => {
              const color = colorOf(line);
              return (
                <Scatter
                  key={`${line.config.key}-frontier`}
                  data={[...line.frontier]}
                  fill={color}
                  shape={dot}
                  line={{
                    stroke: color,
                    strokeWidth: 2,
                    strokeDasharray: engineDash(engines, line.config.engine),
                  }}
                  isAnimationActive={false}
                  className="frontier"
                />
              );
            })}
          </ScatterChart>
        </div>
      </ChartFigure>
      <DecisionTable
        caption={`Throughput at interactivity: ${data.model}, ${data.yBasis === 'output' ? 'output tok/s' : 'req/s'} per GPU at each tokens/s per user (frontiers interpolated linearly); area under each frontier${table.span === null ? ' over its own span, as no span is covered by all (areas of different spans do not compare)' : ` from ${number(table.span[0], 1)} to ${number(table.span[1], 1)} tok/s per user, the span all frontiers cover`}`}
        header={[
          'GPU',
          ...table.levels.map((level) => `${number(level, level % 1 === 0 ? 0 : 1)} tok/s/user`),
          'Area under frontier',
        ]}
        rows={rows}
        fileName={`throughput-at-interactivity`}
      />
    </>
  );
}
