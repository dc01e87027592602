/**
 * The `Throughput at interactivity` table: each frontier read at the same interactivity levels,
 * the best configuration per level, and the area under each frontier over the span they all
 * cover (outside it a frontier has no value to compare, so no area is made up).
 */
import {
  areaBetween,
  commonSpan,
  interactivityLevels,
  throughputAt,
  type InteractivityData,
  type InteractivityLine,
} from './interactivity';

export interface FrontierRow {
  readonly line: InteractivityLine;
  /** Throughput per GPU at each level; null where the frontier does not reach it. */
  readonly values: readonly (number | null)[];
  /** Area under the frontier over the common span; null when there is none. */
  readonly area: number | null;
  /** Area under the frontier over its own span (not comparable between rows of other spans). */
  readonly ownArea: number;
}

export interface FrontierTable {
  readonly levels: readonly number[];
  /** The x span every frontier covers, over which areas are measured. */
  readonly span: readonly [number, number] | null;
  readonly rows: readonly FrontierRow[];
  /** Per level, the row with the highest throughput (null when fewer than two rows reach it). */
  readonly bestAt: readonly (number | null)[];
  /** The row with the largest area (null when fewer than two rows have one). */
  readonly bestArea: number | null;
}

/** The index of the largest value (the first of equals); null when fewer than two are numbers. */
function bestOf(values: readonly (number | null)[]): number | null {
  if (values.filter((value) => value !== null).length < 2) return null;
  let best: number | null = null;
  values.forEach((value, i) => {
    if (value === null) return;
    const held = best === null ? null : (values[best] ?? null);
    if (held === null || value > held) best = i;
  });
  return best;
}

export function frontierTable(data: InteractivityData): FrontierTable {
  const levels = interactivityLevels(data.lines);
  const span = commonSpan(data.lines);
  const rows = data.lines.map((line) => ({
    line,
    values: levels.map((level) => throughputAt(line.frontier, level)),
    area: span === null ? null : areaBetween(line.frontier, span[0], span[1]),
    ownArea:
      areaBetween(line.frontier, line.frontier[0]?.x ?? 0, line.frontier.at(-1)?.x ?? 0) ?? 0,
  }));
  const bestAt = levels.map((_, l) => bestOf(rows.map((row) => row.values[l] ?? null)));
  const bestArea = bestOf(rows.map((row) => row.area));
  return { levels, span, rows, bestAt, bestArea };
}
