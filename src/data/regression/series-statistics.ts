/**
 * One test's history as the regression engine sees it, for the History chart to draw: each run's
 * noise band (where the runs before it said it should land), the runs outside it, and the engine's
 * verdict with the run it points at (the first changed run; a change point when a two-sample test
 * found it).
 */
import { Z_LIMIT, bandBefore, bandPosition, type NoiseBand } from './noise-model';
import { analyzeSeries, type SeriesOptions, type SeriesVerdict } from './series-verdict';
import type { HistoryGpuGroup } from '../history/history-source';
import { markedGroup, testSeries, type TestSeries } from './history-input';
import type { RunMark } from './run-marks';
import type { UsableRun } from './series-input';

/** A run's band in the metric's units: inside it, a run is not news. */
export interface RunBand {
  readonly low: number;
  /** The median of the window before the run. */
  readonly centre: number;
  readonly high: number;
}

export interface SeriesStatistics {
  /** By dataset id: the runs with enough runs before them to draw a band. */
  readonly bands: ReadonlyMap<string, RunBand>;
  /** Dataset ids of the runs outside their band. */
  readonly outside: ReadonlySet<string>;
  readonly verdict: SeriesVerdict;
  /**
   * The run the verdict points at (its first changed run) when it is `suspect` or `confirmed`,
   * and whether a change-point test found it (else the band did); null otherwise.
   */
  readonly flagged: {
    readonly id: string;
    readonly status: 'suspect' | 'confirmed';
    readonly changePoint: boolean;
  } | null;
}

/**
 * The band's edges in the metric's units. A run is outside when it is beyond Z_LIMIT robust
 * standard deviations AND beyond the metric's relative floor (noise-model.ts), so each edge is the
 * farther of the two: centre × max(e^(3·spread), 1 + floor) above, centre × min(e^(−3·spread),
 * 1 − floor) below.
 */
export function bandEdges(band: NoiseBand, floor: number): RunBand {
  const centre = Math.exp(band.centre);
  return {
    low: centre * Math.min(Math.exp(-Z_LIMIT * band.spread), 1 - floor),
    centre,
    high: centre * Math.max(Math.exp(Z_LIMIT * band.spread), 1 + floor),
  };
}

function idOf(series: TestSeries, run: UsableRun): string {
  return series.ids[run.index] ?? '';
}

/** The statistics of one test's series (history-input.ts's `testSeries`). */
export function seriesStatistics(
  series: TestSeries,
  options: SeriesOptions = {},
): SeriesStatistics {
  // Every run, not just the latest the report reads: the chart draws a band on each.
  const analysis = analyzeSeries(series.input, {
    ...options,
    runsRead: Number.POSITIVE_INFINITY,
  });
  const bands = new Map<string, RunBand>();
  const outside = new Set<string>();
  analysis.runs.forEach((run, position) => {
    const band = bandBefore(analysis.runs, position, analysis.window);
    if (band === null) return;
    bands.set(idOf(series, run), bandEdges(band, analysis.floor));
    if (bandPosition(band, run, analysis.floor).outside) outside.add(idOf(series, run));
  });
  const { verdict } = analysis;
  const flagged =
    verdict.status === 'suspect' || verdict.status === 'confirmed'
      ? {
          id: series.ids[verdict.finding.firstChanged.index] ?? '',
          status: verdict.status,
          changePoint: verdict.finding.evidence.test === 'mann-whitney',
        }
      : null;
  return { bands, outside, verdict, flagged };
}

/**
 * The statistics of one test (its alignment key) of a GPU's history for one metric, marked runs
 * applied; null when the group has no such test or no run has a number for the metric.
 */
export function testStatistics(
  group: HistoryGpuGroup,
  metricKey: string,
  testKey: string,
  marks: readonly RunMark[],
): SeriesStatistics | null {
  const test = group.tests.find((candidate) => candidate.key === testKey);
  if (test === undefined) return null;
  const series = testSeries(markedGroup(group, marks).group, test, metricKey);
  return series === null ? null : seriesStatistics(series);
}
