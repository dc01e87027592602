import type { BaseTickContentProps } from 'recharts';
import { formatHistoryDate } from '../../data/history/history-order';
import { type HistoryRun } from '../../data/history/history-data';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { shortLabel } from './history-marks';

/** Room a tick's label needs: about 22 characters of 11 px text. */
const TICK_WIDTH = 135;

/**
 * A run's tick: its label (shortened) and, below, its date; the baseline's in bold. With more runs
 * than labels fit in `plotWidth`, every n-th run is labelled (and the baseline always); the data
 * table and the tooltip name every run.
 */
export function runTick(
  runs: readonly HistoryRun[],
  baselineId: string | null,
  palette: ChartPalette,
  plotWidth: number,
) {
  const every = Math.max(
    1,
    Math.ceil((runs.length * TICK_WIDTH) / Math.max(plotWidth, TICK_WIDTH)),
  );
  return function RunTick({ x, y, payload }: BaseTickContentProps) {
    const run = runs[Number(payload.value)];
    if (run === undefined) return null;
    const isBaseline = run.id === baselineId;
    if (!isBaseline && run.position % every !== 0) return null;
    return (
      <text
        x={Number(x)}
        y={Number(y)}
        textAnchor="middle"
        fill={palette.text}
        fontSize={11}
        fontWeight={isBaseline ? 700 : 400}
        className="history-tick"
      >
        <title>{run.date === null ? run.label : `${run.label} · ${run.date}`}</title>
        <tspan x={Number(x)} dy="0.9em">
          {shortLabel(run.axisLabel)}
        </tspan>
        {run.date !== null && (
          <tspan x={Number(x)} dy="1.2em" fill={palette.muted}>
            {formatHistoryDate(run.date).slice(0, 10)}
          </tspan>
        )}
      </text>
    );
  };
}
