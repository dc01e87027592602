import { usePanelState } from './trade-off-panel-state';
import { TradeOffLayer } from './trade-off-layer';

/** The panel's points and frontiers, read from the panel state. */
export function TradeOffPoints() {
  const { data, panel, axes, series, points, palette, active, onActive } = usePanelState();
  return (
    <TradeOffLayer
      axes={axes}
      series={series}
      points={points}
      palette={palette}
      active={active}
      onActive={onActive}
      label={`${data.yLabel} against achieved throughput for ${panel.label}`}
    />
  );
}
