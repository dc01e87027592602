/**
 * Recharts needs about 60 ms per 1,000 marks, so no chart draws more than POINT_BUDGET of them.
 * Marks are first aggregated (several runs of a GPU become one mean); what still exceeds the
 * budget is cut here, and the chart says what it left out.
 */
export const POINT_BUDGET = 2000;

/**
 * How many groups (bar categories, small charts, matrix rows) fit in the budget when each costs
 * `marksPerGroup` marks. Always at least one group when there is any, so a chart never goes blank.
 */
export function groupsWithinBudget(
  groupCount: number,
  marksPerGroup: number,
  budget: number = POINT_BUDGET,
): number {
  if (groupCount <= 0) return 0;
  if (marksPerGroup <= 0) return groupCount;
  return Math.max(1, Math.min(groupCount, Math.floor(budget / marksPerGroup)));
}

/**
 * Thins a series to at most `limit` points, spread evenly over it (first and last kept) and keeping
 * every point `keep` says must stay (a Pareto frontier). Returns the input when it already fits.
 */
export function thinPoints<T>(
  points: readonly T[],
  limit: number,
  keep: (point: T) => boolean = () => false,
): T[] {
  if (points.length <= limit) return [...points];
  const kept = points.map((point) => keep(point));
  const mustKeep = kept.filter(Boolean).length;
  const room = Math.max(0, limit - mustKeep);
  if (room > 0) {
    const step = (points.length - 1) / Math.max(1, room - 1);
    for (let i = 0; i < room; i += 1)
      kept[Math.min(points.length - 1, Math.round(i * step))] = true;
  }
  return points.filter((_, i) => kept[i] === true);
}

/** Small charts (one per model) drawn at most; each is a chart of its own, with its own cost. */
export const MAX_SMALL_CHARTS = 6;
