// Small helpers both benches share: statistics of samples, a failure's first line, and numbers
// formatted for the tables they print.

export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** Median, min, max and count of `values`; null when there are none. */
export function stats(values: readonly number[]): Stats | null {
  const sorted = [...values].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return null;
  return { median: median(sorted), min: first, max: last, n: sorted.length };
}

/** The middle value (the mean of the two middle ones for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? NaN) + upper) / 2;
}

/** The first line of what went wrong, on one line. */
export function reasonOf(error: unknown): string {
  return (
    (error instanceof Error ? error.message : String(error))
      .split('\n')[0]
      ?.replace(/\s+/g, ' ')
      .trim() ?? ''
  );
}

/** Milliseconds: whole from 100, one decimal below; `n/a` for none. */
export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'n/a';
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

export function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Bytes in decimal units (1 kB = 1,000 B), as the targets are set. */
export function fmtBytes(n: number): string {
  return n >= 1e6
    ? `${(n / 1e6).toFixed(1)} MB`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(1)} kB`
      : `${n} B`;
}

/** A logger that prefixes each line with the bench's name: `[bench] …`. */
export function logger(name: string): (message: string) => void {
  return (message) => {
    console.log(`[${name}] ${message}`);
  };
}
