import { useMemo } from 'react';
import { YAxis } from 'recharts';
import { axisTitle, valueScale } from '../../ui/chart-text';
import { useValueAxisLabel } from '../../ui/use-axis-label';
import { fixedScale } from './value-axis';
import { useNumberTick } from '../../ui/plain-tick';
import { servingValueTop } from '../../data/charts/serving-charts';
import { usePanelState } from './serving-panel-state';

/** The value axis, from 0 to a round top over the values (and the offered rate, when drawn). */
export function ServingValueAxis() {
  const { data, panel, palette, isRate, slo } = usePanelState();
  const yTick = useNumberTick(palette.text, 'y');
  const yLabel = useValueAxisLabel(axisTitle(data.label, data.unit, data.direction), palette.muted);
  // An objective above every value still shows: the axis reaches it.
  const scale = useMemo(
    () => valueScale(Math.max(servingValueTop(panel, isRate), slo ?? 0)),
    [panel, isRate, slo],
  );
  return (
    <YAxis stroke={palette.grid} tick={yTick} {...fixedScale(scale)} width={58} label={yLabel} />
  );
}
