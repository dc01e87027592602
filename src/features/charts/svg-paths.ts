/**
 * Path data for many marks at once. Charts with many points draw each series as one path (a line,
 * its dots) instead of one element per point: the browser then updates one attribute per series.
 */

export interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

/** A coordinate to a tenth of a pixel: enough on screen, and short path strings. */
const px = (value: number): number => Math.round(value * 10) / 10;

/** A polyline through the points, in order. */
export function linePath(points: readonly PixelPoint[]): string {
  let d = '';
  for (const point of points) d += `${d === '' ? 'M' : 'L'}${px(point.x)} ${px(point.y)}`;
  return d;
}

/** Filled circles of radius r at every point, as one path of arcs. */
export function dotsPath(points: readonly PixelPoint[], r: number): string {
  const arcs = `a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  let d = '';
  for (const point of points) d += `M${px(point.x - r)} ${px(point.y)}${arcs}`;
  return d;
}
