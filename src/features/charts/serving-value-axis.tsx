import { useMemo } from 'react';
import { YAxis } from 'recharts';
import { axisTitle, valueScale } from '../../ui/chart-text';
import { useValueAxisLabel } from '../../ui/use-axis-label';
import { fixedScale, useNumberTick } from './value-axis';
import { servingValueTop } from '../../data/charts/serving-charts';
import { usePanelState } from './serving-panel-state';

/** The value axis, from 0 to a round top over the values (and the offered rate, when drawn). */
export function ServingValueAxis() {
  const { data, panel, palette, isRate } = usePanelState();
  const yTick = useNumberTick(palette.text, 'y');
  const yLabel = useValueAxisLabel(axisTitle(data.label, data.unit, data.direction), palette.muted);
  const scale = useMemo(() => valueScale(servingValueTop(panel, isRate)), [panel, isRate]);
  return (
    <YAxis stroke={palette.grid} tick={yTick} {...fixedScale(scale)} width={58} label={yLabel} />
  );
}
