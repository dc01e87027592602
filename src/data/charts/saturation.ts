/**
 * Where a GPU saturates under serving load: the lowest offered QPS whose achieved request rate
 * falls below SATURATION_SHARE of it. Below that point the GPU keeps up with what is offered;
 * from there on requests queue. Sending everything at once (∞) always counts as beyond capacity.
 */
export const SATURATION_SHARE = 0.9;

export interface OfferedAndAchieved {
  /** Offered QPS; Infinity for all at once. */
  readonly qps: number;
  /** Achieved requests per second. */
  readonly achieved: number;
}

/**
 * The saturating QPS of one GPU's serving runs (any order), or null when it kept up with every
 * offered rate (or there are no runs). Points with a non-positive offered rate are ignored.
 */
export function saturationQps(
  points: readonly OfferedAndAchieved[],
  share: number = SATURATION_SHARE,
): number | null {
  const ordered = points.filter((point) => point.qps > 0).sort((a, b) => a.qps - b.qps);
  for (const point of ordered) {
    if (point.qps === Infinity || point.achieved < share * point.qps) return point.qps;
  }
  return null;
}
