/** A point of a throughput–latency trade-off: more x (throughput) and less y (latency) is better. */
export interface TradeOffCoordinates {
  readonly x: number;
  readonly y: number;
}

/**
 * The Pareto frontier of points where higher x and lower y are better: the points no other point
 * beats on both (at least as much x and at most as much y, better on one). Sorted by x ascending;
 * of exact duplicates one is kept. Non-finite points are refused (left out).
 */
export function paretoFrontier<T extends TradeOffCoordinates>(points: readonly T[]): T[] {
  const candidates = points
    .filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y))
    .sort((a, b) => b.x - a.x || a.y - b.y);
  const frontier: T[] = [];
  let lowestY = Infinity;
  for (const point of candidates) {
    // Everything seen so far has at least this x; it survives only by a strictly lower y.
    if (point.y < lowestY) {
      frontier.push(point);
      lowestY = point.y;
    }
  }
  return frontier.reverse();
}
