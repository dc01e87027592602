import { useMemo } from 'react';
import { YAxis } from 'recharts';
import { axisTitle, formatTick, valueScale } from '../../ui/chart-text';
import { plainTick } from './plain-tick';
import { usePanelState, valueAxisTop } from './serving-panel-state';

/** The value axis, from 0 to a round top over the values (and the offered rate, when drawn). */
export function ServingValueAxis() {
  const { data, panel, palette, isRate } = usePanelState();
  const yTick = useMemo(
    () => plainTick(formatTick, { fill: palette.text, fontSize: 12, axis: 'y' }),
    [palette.text],
  );
  const yTitle = axisTitle(data.label, data.unit, data.direction);
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
  const scale = useMemo(() => valueScale(valueAxisTop(panel, isRate)), [panel, isRate]);
  return (
    <YAxis
      stroke={palette.grid}
      tick={yTick}
      interval={0}
      domain={scale.domain}
      ticks={scale.ticks}
      allowDataOverflow
      niceTicks="none"
      width={58}
      label={yLabel}
    />
  );
}
