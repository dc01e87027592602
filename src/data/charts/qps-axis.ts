/**
 * The offered-QPS axis of serving charts: an ordered axis of the QPS values present (1, 2, 4, 16,
 * …) with ∞ (all requests sent at once) last, labelled "all at once".
 */

export const ALL_AT_ONCE = 'all at once';

/** Distinct offered QPS values, ascending with ∞ last; NaN and unknown values are refused (dropped). */
export function orderQps(values: Iterable<number | null>): number[] {
  const distinct = new Set<number>();
  for (const value of values) {
    if (value === null || Number.isNaN(value)) continue;
    distinct.add(value);
  }
  return [...distinct].sort((a, b) => a - b);
}

/** The tick label of a QPS: `16`, `0.5`, or `all at once` for ∞. */
export function qpsTickLabel(qps: number): string {
  return qps === Infinity ? ALL_AT_ONCE : String(qps);
}

/** A row of a QPS axis for recharts: the tick label and a constant the tooltip can hold on to. */
export interface QpsAxisRow {
  readonly qps: string;
  readonly anchor: 0;
}

/** The rows of an ordered QPS axis (∞ last, labelled "all at once"), one per QPS. */
export function qpsAxisRows(qpsAxis: readonly number[]): QpsAxisRow[] {
  return qpsAxis.map((qps) => ({ qps: qpsTickLabel(qps), anchor: 0 }));
}

/** QPS as the filters write it, for sentences and tables: `16`, or `inf (all at once)`. */
export function qpsText(qps: number): string {
  return qps === Infinity ? `inf (${ALL_AT_ONCE})` : String(qps);
}
