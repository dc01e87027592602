/**
 * The Regressions report as a person narrows it down: grouped by night and GPU (the latest night
 * first, since "did last night regress?" comes first), each group worst first, and filtered by
 * status, direction, GPU and night.
 */
import { plural } from '../charts/chart-summaries';
import { compareText } from '../text-order';
import type { RegressionRow } from './report';

export type StatusChoice = 'all' | RegressionRow['status'];
export type KindChoice = 'all' | RegressionRow['kind'];

export interface ReportFilter {
  readonly status: StatusChoice;
  readonly kind: KindChoice;
  /** One GPU, or null for all. */
  readonly gpu: string | null;
  /** One night (`YYYY-MM-DD` of the first changed run), or null for all. */
  readonly night: string | null;
}

export const EVERY_ROW: ReportFilter = { status: 'all', kind: 'all', gpu: null, night: null };

/** The flagged series that first changed on one night on one GPU. */
export interface ReportGroup {
  readonly night: string;
  readonly gpu: string;
  /** Worst first, as the report orders them. */
  readonly rows: readonly RegressionRow[];
}

/** True when the row passes every filter set. */
export function rowShown(row: RegressionRow, filter: ReportFilter): boolean {
  return (
    (filter.status === 'all' || row.status === filter.status) &&
    (filter.kind === 'all' || row.kind === filter.kind) &&
    (filter.gpu === null || row.gpu === filter.gpu) &&
    (filter.night === null || row.firstChanged === filter.night)
  );
}

/**
 * The rows (worst first, as the report gives them) that pass the filter, grouped by the night they
 * first changed and their GPU: latest night first, GPUs in name order; within a group the report's
 * order stands.
 */
export function reportGroups(
  rows: readonly RegressionRow[],
  filter: ReportFilter = EVERY_ROW,
): ReportGroup[] {
  const groups = new Map<string, { night: string; gpu: string; rows: RegressionRow[] }>();
  for (const row of rows) {
    if (!rowShown(row, filter)) continue;
    const key = `${row.firstChanged}\u0000${row.gpu}`;
    const group = groups.get(key);
    if (group === undefined)
      groups.set(key, { night: row.firstChanged, gpu: row.gpu, rows: [row] });
    else group.rows.push(row);
  }
  return [...groups.values()].sort(
    (a, b) => compareText(b.night, a.night) || compareText(a.gpu, b.gpu),
  );
}

function count(rows: readonly RegressionRow[], test: (row: RegressionRow) => boolean): number {
  return rows.filter(test).length;
}

/** A group's heading: `2026-09-17 · 8×H100: 2 regressions, 1 improvement (1 confirmed)`. */
export function groupLabel(group: ReportGroup): string {
  const parts = (['regression', 'improvement'] as const)
    .map((kind) => ({ kind, n: count(group.rows, (row) => row.kind === kind) }))
    .filter(({ n }) => n > 0)
    .map(({ kind, n }) => plural(n, kind));
  const confirmed = count(group.rows, (row) => row.status === 'confirmed');
  return `${group.night} · ${group.gpu}: ${parts.join(', ')} (${String(confirmed)} confirmed)`;
}

/** The choices a filter offers: the values present in the rows, in order. */
export function reportChoices(rows: readonly RegressionRow[]): {
  readonly gpus: readonly string[];
  readonly nights: readonly string[];
} {
  const gpus = [...new Set(rows.map((row) => row.gpu))].sort(compareText);
  const nights = [...new Set(rows.map((row) => row.firstChanged))].sort((a, b) =>
    compareText(b, a),
  );
  return { gpus, nights };
}

/** The filter in words, for the copied Markdown: `confirmed regressions on 8×H100`; null for all. */
export function filterText(filter: ReportFilter): string | null {
  if (
    filter.status === 'all' &&
    filter.kind === 'all' &&
    filter.gpu === null &&
    filter.night === null
  ) {
    return null;
  }
  const what = [
    filter.status === 'all' ? null : filter.status,
    filter.kind === 'all' ? 'changes' : `${filter.kind}s`,
  ]
    .filter((part) => part !== null)
    .join(' ');
  const where = filter.gpu === null ? '' : ` on ${filter.gpu}`;
  const when = filter.night === null ? '' : ` first seen ${filter.night}`;
  return `${what}${where}${when}`;
}

/**
 * The filter as it applies to these rows: a GPU or night that no row has now (after a mark or a
 * filter change elsewhere) is no filter, so no row hides behind a choice the page cannot show.
 */
export function filterFor(rows: readonly RegressionRow[], filter: ReportFilter): ReportFilter {
  const gpu = filter.gpu !== null && rows.some((row) => row.gpu === filter.gpu) ? filter.gpu : null;
  const night =
    filter.night !== null && rows.some((row) => row.firstChanged === filter.night)
      ? filter.night
      : null;
  return gpu === filter.gpu && night === filter.night ? filter : { ...filter, gpu, night };
}
