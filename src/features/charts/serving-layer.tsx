import { useXAxisScale, useYAxisScale } from 'recharts';
import { engineDash } from '../../data/charts/engine-dash';
import { qpsTickLabel } from '../../data/charts/qps-axis';
import { seriesKeyOf } from '../../data/charts/small-multiples';
import { dotsPath, linePath, type PixelPoint } from './svg-paths';
import { gpuColor } from '../../ui/use-chart-palette';
import { usePanelState, DOTS_UP_TO } from './serving-panel-state';

/**
 * The lines, dots and saturation rings, drawn from the chart's scales: one path per GPU for its
 * line and one for its dots. Recharts' <Line> with dots costs several milliseconds per series and
 * a component per dot, too much for 2,000 points in 100 ms.
 */
export function ServingLayer() {
  const { data, panel, lines, palette, isRate: showOffered, slo } = usePanelState();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (xScale === undefined || yScale === undefined) return null;
  const at = (qps: number, value: number): PixelPoint | null => {
    const x = xScale(qpsTickLabel(qps));
    const y = yScale(value);
    return x === undefined || y === undefined ? null : { x, y };
  };
  // Past a dozen or so QPS values a dot per value only clutters the line (and costs raster time).
  const dense = panel.qpsAxis.length > DOTS_UP_TO;
  const offered = showOffered
    ? panel.qpsAxis.flatMap((qps) => {
        const point = Number.isFinite(qps) ? at(qps, qps) : null;
        return point === null ? [] : [point];
      })
    : [];
  const first = panel.qpsAxis[0];
  const last = panel.qpsAxis.at(-1);
  const sloFrom = slo === null || first === undefined ? null : at(first, slo);
  const sloTo = slo === null || last === undefined ? null : at(last, slo);
  return (
    <g className="serving-lines">
      {sloFrom !== null && sloTo !== null && (
        <g className="slo-line">
          <line
            x1={sloFrom.x - 10}
            x2={sloTo.x + 10}
            y1={sloFrom.y}
            y2={sloTo.y}
            stroke={palette.slower}
            strokeWidth={1.5}
            strokeDasharray="6 3"
          />
          <text
            x={sloTo.x + 10}
            y={sloFrom.y - 4}
            textAnchor="end"
            fill={palette.slower}
            fontSize={11}
          >
            SLO {String(slo)} ms
          </text>
        </g>
      )}
      {offered.length > 1 && (
        <path
          d={linePath(offered)}
          stroke={palette.muted}
          strokeWidth={1.5}
          strokeDasharray="4 4"
          fill="none"
          className="offered-line"
        />
      )}
      {lines.map((line) => {
        const color = gpuColor(palette, line.gpu.slot);
        const points = panel.qpsAxis.flatMap((qps) => {
          const mark = line.points.get(qps);
          const point = mark === undefined ? null : at(qps, mark.value);
          return point === null ? [] : [point];
        });
        const saturation = line.saturation === null ? undefined : line.points.get(line.saturation);
        const ring =
          line.saturation === null || saturation === undefined
            ? null
            : at(line.saturation, saturation.value);
        return (
          <g key={seriesKeyOf(line)} className={`chart-series series-${line.gpu.key}`}>
            <path
              d={linePath(points)}
              stroke={color}
              strokeWidth={2}
              strokeDasharray={engineDash(data.engines, line.engine)}
              fill="none"
            />
            <path d={dense ? '' : dotsPath(points, 3)} fill={color} data-points={points.length} />
            {ring !== null && (
              <circle
                cx={ring.x}
                cy={ring.y}
                r={8}
                fill="none"
                stroke={color}
                strokeWidth={2}
                className="saturation-mark"
              />
            )}
          </g>
        );
      })}
    </g>
  );
}
