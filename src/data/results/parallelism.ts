/**
 * Parallel sizes as a test's identity reads them. PP 1 is one pipeline stage and DP 1 one
 * replica: the same test as a file that does not state them, so 1 and not stated are alike.
 */
export function beyondOne(size: number | null): number | null {
  return size === 1 ? null : size;
}
