import type { BaseTickContentProps } from 'recharts';
import { formatHistoryDate } from '../../data/history/history-order';
import { type HistoryRun } from '../../data/history/history-data';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { shortLabel } from './history-marks';

/** A run's tick: its label (shortened) and, below, its date; the baseline's in bold. */
export function runTick(
  runs: readonly HistoryRun[],
  baselineId: string | null,
  palette: ChartPalette,
) {
  return function RunTick({ x, y, payload }: BaseTickContentProps) {
    const run = runs[Number(payload.value)];
    if (run === undefined) return null;
    const isBaseline = run.id === baselineId;
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
