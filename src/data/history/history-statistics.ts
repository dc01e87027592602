/**
 * What the History chart adds from the regression engine when it shows one test: the noise band
 * to shade (on dated runs: the engine orders runs by their dates, so a run without one has no
 * band, wherever it is placed), words on the runs that matter (the flagged run, runs marked by
 * hand), and the verdict in a sentence.
 */
import { runMarkOf, type RunMark, type RunMarkKind } from '../regression/run-marks';
import type { SeriesStatistics } from '../regression/series-statistics';
import type { HistoryData } from './history-data';
import type { PlottedBands } from './history-plot';

/** A vertical mark on a run: `confirmed`, `suspect`, `change point`, `outlier`, `known change`. */
export interface RunLabel {
  readonly position: number;
  readonly text: string;
  readonly kind: 'flag' | RunMarkKind;
}

export interface HistoryStatisticsView {
  /** The band to shade; null when the chart cannot show one (see `text`). */
  readonly plotted: PlottedBands | null;
  readonly runLabels: readonly RunLabel[];
  /** The verdict, or why there are no statistics, in a sentence. */
  readonly text: string;
}

/** Why a chart of several tests shows no statistics. */
export const ONE_TEST_TEXT =
  'Pick one test to see its noise band, the runs outside it and the verdict.';

/** The words on the flagged run: `confirmed`, `suspect`, with `change point` when a test found it. */
function flagText(flagged: NonNullable<SeriesStatistics['flagged']>): string {
  return flagged.changePoint ? `change point · ${flagged.status}` : flagged.status;
}

/**
 * The statistics as the chart shows them. `statistics` is null when no test is picked (or it has
 * no number for the metric); marks are those of the chart's GPU, placed on the runs of their date.
 */
export function historyStatisticsView(
  data: HistoryData,
  statistics: SeriesStatistics | null,
  marks: readonly RunMark[],
): HistoryStatisticsView {
  const series = data.series[0];
  if (statistics === null || series === undefined || data.series.length !== 1) {
    return { plotted: null, runLabels: [], text: ONE_TEST_TEXT };
  }
  const runLabels: RunLabel[] = [];
  for (const run of data.runs) {
    const mark = run.date === null ? null : runMarkOf(marks, data.gpu, run.date);
    if (mark !== null) runLabels.push({ position: run.position, text: mark, kind: mark });
    if (statistics.flagged?.id === run.id) {
      runLabels.push({ position: run.position, text: flagText(statistics.flagged), kind: 'flag' });
    }
  }
  const outside = data.runs.filter((run) => statistics.outside.has(run.id)).length;
  const outsideText =
    statistics.bands.size === 0
      ? ''
      : ` ${String(outside)} of ${String(statistics.bands.size)} runs with a band ${outside === 1 ? 'lies' : 'lie'} outside it.`;
  return {
    plotted: statistics.bands.size === 0 ? null : { series, bands: statistics.bands },
    runLabels,
    text: `Verdict: ${statistics.verdict.reason}.${outsideText}`,
  };
}
