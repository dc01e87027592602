import { useMemo } from 'react';
import { XAxis, YAxis, type LabelProps } from 'recharts';
import { axisTitle } from '../../ui/chart-text';
import { useValueAxisLabel } from '../../ui/use-axis-label';
import { fixedScale } from './value-axis';
import { useNumberTick } from '../../ui/plain-tick';
import { usePanelState, Y_AXIS_WIDTH, AXIS_TITLE_SIZE, TITLE_LINE } from './trade-off-panel-state';

/** The panel's axes, from 0, with the x-axis title wrapped to fit. */
export function TradeOffAxes() {
  const { data, axes, xTitle, palette } = usePanelState();
  const xTick = useNumberTick(palette.text, 'x');
  const yTick = useNumberTick(palette.text, 'y');
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
  const yLabel = useValueAxisLabel(
    axisTitle(data.y.label, data.y.unit, data.y.direction),
    palette.muted,
  );
  // Both axes are numbers from 0 on the scale this chart worked out, named after their metric.
  const valueAxis = (axis: 'x' | 'y') => ({
    type: 'number' as const,
    dataKey: axis,
    ...fixedScale(axes[axis]),
    name: data[axis].label,
    stroke: palette.grid,
  });
  return (
    <>
      <XAxis {...valueAxis('x')} tick={xTick} label={xLabel} />
      <YAxis {...valueAxis('y')} tick={yTick} width={Y_AXIS_WIDTH} label={yLabel} />
    </>
  );
}
