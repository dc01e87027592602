/**
 * Where a GPU saturates under serving load: the lowest offered QPS where requests start to queue.
 * Queueing shows in the time to first token, which stays flat while the GPU keeps up and climbs
 * once requests wait for a slot. The achieved request rate alone does not show it: a finite run
 * of N requests offered at λ per second takes N/λ seconds to send plus the last request's
 * latency to finish, so it achieves about N / (N/λ + latency), below λ however fast the GPU is.
 */

/** Queueing in TTFT: more than this many times the TTFT at the lowest tested load… */
export const TTFT_QUEUE_FACTOR = 2;
/** …and at least this many milliseconds above it (5 to 11 ms is not queueing). */
export const TTFT_QUEUE_MIN_MS = 50;
/** Falling behind: an achieved rate below this share of what a finite run explains. */
export const EXPECTED_RATE_SHARE = 0.9;

/** How the chart's description states the rule, in words. */
export const SATURATION_RULE =
  `A GPU saturates at the lowest offered QPS where its median TTFT is more than ` +
  `${TTFT_QUEUE_FACTOR}× its median TTFT at its lowest QPS and at least ${TTFT_QUEUE_MIN_MS} ms ` +
  `above it, or, where a run's request count and median E2E latency are known, where its ` +
  `achieved req/s falls below ${EXPECTED_RATE_SHARE * 100}% of what that many requests sent ` +
  `at that rate can reach. Sending all at once is judged by TTFT only.`;

/** One GPU's serving run at one offered rate; null where the run has no such value. */
export interface LoadPoint {
  /** Offered QPS; Infinity for all at once. */
  readonly qps: number;
  /** Median and mean time to first token (ms). */
  readonly ttftMedian: number | null;
  readonly ttftMean: number | null;
  /** Achieved requests per second. */
  readonly achieved: number | null;
  /** Requests in the run. */
  readonly requests: number | null;
  /** Median end-to-end latency (ms). */
  readonly e2elMedian: number | null;
}

/**
 * The rate a run of `requests` requests offered at `qps` per second achieves when nothing
 * queues: sending takes requests/qps seconds, and the last one finishes about a median latency
 * (ms) later.
 */
export function expectedRate(requests: number, qps: number, e2elMedianMs: number): number {
  return requests / (requests / qps + e2elMedianMs / 1000);
}

/** Whether a finite run with a known size and latency achieved less than those explain. */
function fellBehind({ qps, achieved, requests, e2elMedian }: LoadPoint): boolean {
  if (!Number.isFinite(qps) || achieved === null || requests === null || e2elMedian === null)
    return false;
  return requests > 0 && achieved < EXPECTED_RATE_SHARE * expectedRate(requests, qps, e2elMedian);
}

/**
 * The TTFT a line is judged by, and its value at the lowest load that has one: the median,
 * unless that load has no median, then the mean for the whole line. Null without any TTFT.
 */
function ttftBaseline(
  ordered: readonly LoadPoint[],
): { readonly of: (point: LoadPoint) => number | null; readonly base: number } | null {
  for (const point of ordered) {
    if (point.ttftMedian !== null) return { of: (p) => p.ttftMedian, base: point.ttftMedian };
    if (point.ttftMean !== null) return { of: (p) => p.ttftMean, base: point.ttftMean };
  }
  return null;
}

/**
 * The saturating QPS of one GPU's serving runs (any order): the lowest offered rate where
 *  1. its TTFT is more than TTFT_QUEUE_FACTOR times, and at least TTFT_QUEUE_MIN_MS above, its
 *     TTFT at the lowest tested load (median TTFT; the mean when that load has no median), or
 *  2. for a finite rate with the run's size and median E2E latency, its achieved rate is below
 *     EXPECTED_RATE_SHARE of expectedRate.
 * Null when neither shows at any rate, or no value lets either judge. Points with a non-positive
 * offered rate are ignored.
 */
export function saturationQps(points: readonly LoadPoint[]): number | null {
  const ordered = points.filter((point) => point.qps > 0).sort((a, b) => a.qps - b.qps);
  const ttft = ttftBaseline(ordered);
  for (const point of ordered) {
    const value = ttft?.of(point) ?? null;
    const queued =
      ttft !== null &&
      value !== null &&
      value > TTFT_QUEUE_FACTOR * ttft.base &&
      value - ttft.base >= TTFT_QUEUE_MIN_MS;
    if (queued || fellBehind(point)) return point.qps;
  }
  return null;
}
