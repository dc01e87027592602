/** Small hand-made nightly series for the regression engine's tests. */
import type { RunPoint, SeriesInput } from '../../../src/data/regression/series-input';

/** The date of night `i`: 2026-01-01 for 0, 2026-01-02 for 1, … */
export function night(i: number): string {
  return new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
}

/** One point per value, on consecutive nights, with commits `c0`, `c1`, … */
export function points(values: readonly (number | null)[]): RunPoint[] {
  return values.map((value, i) => ({ date: night(i), commit: `c${i}`, value }));
}

export function series(
  metric: string,
  values: readonly (number | null)[],
  gpu = 'H100',
  testName = 'serving_llama8B_qps_1',
): SeriesInput {
  return { key: { gpu, testName, metric }, points: points(values) };
}

/**
 * 20 nights with ties, for band arithmetic by hand: eight 100s, six 99s and six 101s.
 * In log space the median is ln 100; the absolute deviations are 8 × 0, 6 × ln(1.01) = 0.0099503
 * and 6 × −ln(0.99) = 0.0100503, so MAD (mean of the 10th and 11th) = 0.0099503 and the spread is
 * 1.4826 × 0.0099503 = 0.0147524.
 */
export const TIED_HISTORY: readonly number[] = [
  100, 99, 101, 100, 99, 101, 100, 99, 101, 100, 99, 101, 100, 99, 101, 100, 99, 101, 100, 100,
];
export const TIED_SPREAD = 1.4826 * Math.log(1.01);

/**
 * 20 nights with distinct values 99.0, 99.1, …, 100.9 in a scrambled order (99 + (7i mod 20)/10),
 * so Mann–Whitney has no ties and uses its exact distribution. Median 99.95 (99.9 and 100.0).
 */
export const DISTINCT_HISTORY: readonly number[] = Array.from(
  { length: 20 },
  (_, i) => 99 + ((7 * i) % 20) / 10,
);
