import type { TooltipContentProps } from 'recharts';
import { ArmedTooltip } from '../../ui/armed-tooltip';
import { qpsText } from '../../data/charts/qps-axis';
import { seriesKeyOf, seriesLabelOf } from '../../data/charts/small-multiples';
import { markSource, valueWithUnit } from '../../ui/chart-text';
import { TooltipBox, type TooltipEntry } from '../../ui/chart-tooltip';
import { gpuColor } from '../../ui/use-chart-palette';
import { usePanelState } from './serving-panel-state';

/** The tooltip at a QPS value: each shown GPU's value there, and where it saturates. */
export function ServingTooltip() {
  const { data, panel, lines, palette } = usePanelState();
  const renderTooltip = ({ active, activeIndex }: TooltipContentProps) => {
    const qps = panel.qpsAxis[Number(activeIndex)];
    if (!active || qps === undefined) return null;
    const entries: TooltipEntry[] = [];
    for (const line of lines) {
      const mark = line.points.get(qps);
      if (mark === undefined) continue;
      const details = [markSource(mark)];
      if (line.saturation === qps) details.unshift('Saturates here');
      entries.push({
        key: seriesKeyOf(line),
        color: gpuColor(palette, line.gpu.slot),
        name: seriesLabelOf(line),
        value: valueWithUnit(data.metricKey, mark.value, data.unit),
        details,
      });
    }
    return <TooltipBox heading={`${panel.label} · QPS ${qpsText(qps)}`} entries={entries} />;
  };
  return (
    <ArmedTooltip
      content={renderTooltip}
      isAnimationActive={false}
      cursor={{ stroke: palette.muted }}
      includeHidden
    />
  );
}
