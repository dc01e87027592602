/**
 * The interactivity frontier: how much throughput per GPU a configuration gives at how many
 * tokens per second each user sees. x = 1000 / median TPOT (1000 / median ITL where TPOT is
 * missing), y = output tokens/s ÷ GPUs used (requests/s ÷ GPUs used where token throughput is
 * missing). Per GPU, the loads no other load beats on both form its Pareto frontier; each
 * frontier is read at fixed interactivity levels by linear interpolation, and its area
 * measured over the span every frontier covers, so the areas compare like with like.
 */
import type { TradeOffCoordinates } from '../charts/pareto';
import { metricOf, type ServingConfig } from './serving-configs';

/** Where x was read: TPOT, ITL, or TPOT with ITL for the points that lack it. */
export type InteractivityBasis = 'tpot' | 'itl' | 'mixed';
/** Where y was read: output token throughput, or request throughput. */
export type ThroughputBasis = 'output' | 'requests';

/** A tested load: x tokens per second per user, y throughput per GPU. */
export interface InteractivityPoint extends TradeOffCoordinates {
  readonly load: number;
}

export interface InteractivityLine {
  readonly config: ServingConfig;
  readonly points: readonly InteractivityPoint[];
  /** The Pareto frontier, x ascending. */
  readonly frontier: readonly InteractivityPoint[];
}

export interface InteractivityData {
  readonly model: string;
  readonly xBasis: InteractivityBasis;
  readonly yBasis: ThroughputBasis;
  readonly lines: readonly InteractivityLine[];
  /** Configurations left out, and why (no TP, no latency per token, no throughput). */
  readonly skipped: readonly string[];
}

const TPOT = 'tpot_median';
const ITL = 'itl_median';
const OUTPUT = 'output_throughput';
const REQUESTS = 'request_throughput';

/** Words for the axes and the text alternative. */
export function xAxisText(basis: InteractivityBasis): string {
  if (basis === 'tpot') return 'Tokens/s per user (1000 / median TPOT)';
  if (basis === 'itl') return 'Tokens/s per user (1000 / median ITL; no TPOT in the data)';
  return 'Tokens/s per user (1000 / median TPOT, or median ITL where TPOT is missing)';
}

export function yAxisText(basis: ThroughputBasis): string {
  return basis === 'output'
    ? 'Output tokens/s per GPU (output tok/s ÷ GPUs used)'
    : 'Requests/s per GPU (req/s ÷ GPUs used; no token throughput in the data)';
}

/**
 * The points no other point beats on both axes (more x and more y are better), x ascending. Of
 * points with the same x only the highest y can stay; non-finite points are left out.
 */
export function upperFrontier<T extends { readonly x: number; readonly y: number }>(
  points: readonly T[],
): T[] {
  const candidates = points
    .filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y))
    .sort((a, b) => b.x - a.x || b.y - a.y);
  const frontier: T[] = [];
  let highestY = -Infinity;
  for (const point of candidates) {
    // Everything seen so far has at least this x: it stays only with a strictly higher y.
    if (point.y > highestY) {
      frontier.push(point);
      highestY = point.y;
    }
  }
  return frontier.reverse();
}

/** The frontier's y at x = level by linear interpolation; null outside its x span. */
export function throughputAt(
  frontier: readonly { readonly x: number; readonly y: number }[],
  level: number,
): number | null {
  for (let i = 0; i < frontier.length; i += 1) {
    const right = frontier[i] as { x: number; y: number };
    if (right.x === level) return right.y;
    if (right.x > level) {
      const left = frontier[i - 1];
      if (left === undefined) return null;
      return left.y + ((right.y - left.y) * (level - left.x)) / (right.x - left.x);
    }
  }
  return null;
}

/** The area under a frontier between x = from and x = to (trapezoids); null outside its span. */
export function areaBetween(
  frontier: readonly { readonly x: number; readonly y: number }[],
  from: number,
  to: number,
): number | null {
  const first = frontier[0];
  const last = frontier.at(-1);
  if (first === undefined || last === undefined || from < first.x || to > last.x || to < from) {
    return null;
  }
  const xs = [from, ...frontier.map((point) => point.x).filter((x) => x > from && x < to), to];
  let area = 0;
  for (let i = 1; i < xs.length; i += 1) {
    const x0 = xs[i - 1] as number;
    const x1 = xs[i] as number;
    area +=
      ((x1 - x0) * ((throughputAt(frontier, x0) ?? 0) + (throughputAt(frontier, x1) ?? 0))) / 2;
  }
  return area;
}

function basisOf(configs: readonly ServingConfig[]): {
  x: InteractivityBasis;
  y: ThroughputBasis;
} {
  const loads = configs.flatMap((config) => config.loads);
  const all = (key: string): boolean =>
    loads.length > 0 && loads.every((entry) => metricOf(entry.result, key) !== null);
  const some = (key: string): boolean =>
    loads.some((entry) => metricOf(entry.result, key) !== null);
  const x: InteractivityBasis = all(TPOT) ? 'tpot' : some(TPOT) ? 'mixed' : 'itl';
  return { x, y: all(OUTPUT) ? 'output' : 'requests' };
}

/** One model's configurations as interactivity lines with their frontiers. */
export function interactivity(model: string, configs: readonly ServingConfig[]): InteractivityData {
  const mine = configs.filter((config) => config.model === model);
  const { x: xBasis, y: yBasis } = basisOf(mine);
  const lines: InteractivityLine[] = [];
  const skipped: string[] = [];
  for (const config of mine) {
    if (config.gpusUsed === null) {
      skipped.push(`${config.setup}: the files do not say its TP, so GPUs used is unknown`);
      continue;
    }
    const gpus = config.gpusUsed;
    const points: InteractivityPoint[] = [];
    for (const { load, result } of config.loads) {
      const perToken =
        xBasis === 'itl'
          ? metricOf(result, ITL)
          : (metricOf(result, TPOT) ?? metricOf(result, ITL));
      const throughput = metricOf(result, yBasis === 'output' ? OUTPUT : REQUESTS);
      if (perToken === null || perToken <= 0 || throughput === null) continue;
      points.push({ load, x: 1000 / perToken, y: throughput / gpus });
    }
    if (points.length === 0) {
      skipped.push(`${config.setup}: no latency per token or no throughput`);
      continue;
    }
    lines.push({ config, points, frontier: upperFrontier(points) });
  }
  return { model, xBasis, yBasis, lines, skipped };
}

/** A step of 1, 2, 2.5 or 5 × 10^k near `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  const factor = scaled < 1.5 ? 1 : scaled < 2.25 ? 2 : scaled < 3.5 ? 2.5 : scaled < 7.5 ? 5 : 10;
  return factor * power;
}

/**
 * Interactivity levels to read the frontiers at: round numbers, about seven, spread over the
 * span any frontier covers. One level when the frontiers cover a single x.
 */
export function interactivityLevels(lines: readonly InteractivityLine[]): number[] {
  const xs = lines.flatMap((line) => line.frontier.map((point) => point.x));
  if (xs.length === 0) return [];
  const low = Math.min(...xs);
  const high = Math.max(...xs);
  if (high - low < 1e-9) return [Math.round(low * 100) / 100];
  const step = niceStep((high - low) / 6);
  const levels: number[] = [];
  for (let level = Math.ceil(low / step) * step; level <= high + 1e-9; level += step) {
    levels.push(Math.round(level * 1e6) / 1e6);
  }
  return levels;
}

/** The span every frontier covers ([max of their lowest x, min of their highest x]); null if none. */
export function commonSpan(lines: readonly InteractivityLine[]): [number, number] | null {
  if (lines.length === 0) return null;
  const from = Math.max(...lines.map((line) => line.frontier[0]?.x ?? Infinity));
  const to = Math.min(...lines.map((line) => line.frontier.at(-1)?.x ?? -Infinity));
  return from <= to ? [from, to] : null;
}
