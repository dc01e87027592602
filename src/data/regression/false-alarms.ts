/**
 * False-alarm control across the series of a night. A nightly run has about 500 series; at
 * p ≤ 0.001 each, half a false regression a night is expected from noise alone, and one a night
 * teaches people to ignore the page. The Benjamini–Hochberg procedure bounds the expected share of
 * false discoveries among the changes reported to q, whatever the number of series.
 */

import { DEFAULT_WINDOW, LONE_Z_LIMIT, SUSTAINED_Z_LIMIT, Z_LIMIT } from './noise-model';

/** The false discovery rate the night's change points are held to unless configured. */
export const DEFAULT_Q = 0.01;

/**
 * Benjamini–Hochberg adjusted p-values, in the input's order (R's `p.adjust(p, "BH")`): sort the m
 * p-values, scale the i-th smallest by m / i, and make the result non-decreasing from the largest
 * down (each is the smallest scaled value at or above its rank), capped at 1. Rejecting every
 * hypothesis whose adjusted p is at most q is the BH procedure at level q.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1];
    if (entry === undefined) continue;
    running = Math.min(running, (entry.p * m) / rank);
    adjusted[entry.index] = running;
  }
  return adjusted;
}

/** The rule as the UI shows it, with the numbers used tonight. */
export function falseAlarmRule(pLimit: number, q: number, tested: number): string {
  return (
    `A change point counts when its Mann–Whitney p is at most ${pLimit} and it survives the ` +
    `Benjamini–Hochberg correction at q = ${q} across the ${tested} series tested tonight ` +
    `(at most ${q * 100}% of the change points reported are expected to be noise). ` +
    `Runs outside their noise band are judged by the band: the latest run alone is a suspect ` +
    `beyond ${String(LONE_Z_LIMIT)} robust standard deviations (a spread from ` +
    `${String(DEFAULT_WINDOW)} runs is itself uncertain: beyond ${String(Z_LIMIT)}, noise ` +
    `alone would flag about 2% of series every night); two runs in a row beyond ` +
    `${String(Z_LIMIT)}, or three beyond ${String(SUSTAINED_Z_LIMIT)}, on one side, confirm a ` +
    `change.`
  );
}
