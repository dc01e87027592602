/** The overview's line on regressions: what the Regressions report flagged on its latest night. */
import type { RegressionReport } from '../regression/report';

export interface NightSummary {
  /** YYYY-MM-DD of the latest night with a flagged change. */
  readonly night: string;
  readonly regressions: number;
  /** Of the regressions, how many are confirmed (a lasting change). */
  readonly confirmed: number;
  readonly improvements: number;
  /** GPUs with a flagged change that night, in label order. */
  readonly gpus: readonly string[];
}

/** The latest night with flagged changes and its counts; null when nothing is flagged. */
export function latestNight(report: RegressionReport): NightSummary | null {
  let night = '';
  for (const row of report.rows) if (row.firstChanged > night) night = row.firstChanged;
  if (night === '') return null;
  const rows = report.rows.filter((row) => row.firstChanged === night);
  const regressions = rows.filter((row) => row.kind === 'regression');
  return {
    night,
    regressions: regressions.length,
    confirmed: regressions.filter((row) => row.status === 'confirmed').length,
    improvements: rows.length - regressions.length,
    gpus: [...new Set(rows.map((row) => row.gpu))].sort((a, b) => a.localeCompare(b)),
  };
}
