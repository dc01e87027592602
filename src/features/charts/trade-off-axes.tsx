import { useMemo } from 'react';
import { XAxis, YAxis, type LabelProps } from 'recharts';
import { axisTitle, formatTick } from '../../ui/chart-text';
import { plainTick } from './plain-tick';
import { usePanelState, Y_AXIS_WIDTH, AXIS_TITLE_SIZE, TITLE_LINE } from './trade-off-panel-state';

/** The panel's axes, from 0, with the x-axis title wrapped to fit. */
export function TradeOffAxes() {
  const { data, axes, xTitle, palette } = usePanelState();
  const xTick = useMemo(
    () => plainTick(formatTick, { fill: palette.text, fontSize: 12, axis: 'x' }),
    [palette.text],
  );
  const yTick = useMemo(
    () => plainTick(formatTick, { fill: palette.text, fontSize: 12, axis: 'y' }),
    [palette.text],
  );
  const yTitle = axisTitle(data.yLabel, data.yUnit, 'lower');
  const xLabel = useMemo(
    () => ({
      position: 'insideBottom' as const,
      offset: -14,
      // Recharts places the first line's baseline; further lines go below it, in the margin the
      // chart keeps for them.
      content: ({ x, y }: LabelProps) => {
        const drawn = (
          <text
            className="recharts-label"
            x={x}
            y={y}
            textAnchor="middle"
            fill={palette.muted}
            fontSize={AXIS_TITLE_SIZE}
          >
            {xTitle.lines.map((line, i) => (
              <tspan key={i} x={x} dy={i === 0 ? 0 : TITLE_LINE}>
                {line}
              </tspan>
            ))}
          </text>
        );
        if (!xTitle.shortened) return drawn;
        return (
          <g>
            <title>{xTitle.text}</title>
            {drawn}
          </g>
        );
      },
    }),
    [xTitle, palette.muted],
  );
  const yLabel = useMemo(
    () => ({
      value: yTitle,
      angle: -90,
      position: 'insideLeft' as const,
      offset: 2,
      style: { textAnchor: 'middle' as const, fill: palette.muted, fontSize: 11 },
    }),
    [yTitle, palette.muted],
  );
  return (
    <>
      <XAxis
        type="number"
        dataKey="x"
        domain={axes.x.domain}
        ticks={axes.x.ticks}
        allowDataOverflow
        niceTicks="none"
        name={data.xLabel}
        stroke={palette.grid}
        tick={xTick}
        interval={0}
        label={xLabel}
      />
      <YAxis
        type="number"
        dataKey="y"
        domain={axes.y.domain}
        ticks={axes.y.ticks}
        allowDataOverflow
        niceTicks="none"
        name={data.yLabel}
        stroke={palette.grid}
        tick={yTick}
        interval={0}
        width={Y_AXIS_WIDTH}
        label={yLabel}
      />
    </>
  );
}
