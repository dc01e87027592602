/**
 * Column order of a table read from JSON keys (CI's embedded JSON, the records file).
 *
 * In a pipe table a bare `Median` / `P99` header belongs to the metric on its left, and V2's
 * serving table repeats them: `Mean TTFT (ms), Median, P99, Mean TPOT (ms), Median, P99,
 * Mean ITL (ms), Median, P99`. A JSON object cannot repeat a key: pandas' `to_dict` keeps each
 * repeated name once, at its first position but with its last column's values (ITL's). Read by
 * position, those values would pass for TTFT's. So when several means lack named statistics,
 * the bare columns are moved behind the last of them, where their values come from.
 */

const UNIT_SUFFIX = /\s*\([^()]*\)\s*$/;
const BARE_STATISTIC = /^(?:median|std|p\d{1,2}(?:\.\d+)?)$/;
const MEAN_HEADER = /^(?:mean|average|avg)\s+(.+)$/;
const NAMED_STATISTIC = /^(?:median|p\d{1,2}(?:\.\d+)?)\s+(.+)$/;

function nameOf(header: string): string {
  return header.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The order in which to read the columns of a JSON-keyed table, as indexes into `headers`.
 * The identity unless the headers show the pattern pandas leaves of repeated bare names.
 */
export function jsonColumnOrder(headers: readonly string[]): number[] {
  const identity = headers.map((_, index) => index);
  const bare: number[] = [];
  const named = new Set<string>();
  const means: { index: number; quantity: string }[] = [];
  headers.forEach((header, index) => {
    const name = nameOf(header);
    const withoutUnit = name.replace(UNIT_SUFFIX, '');
    if (BARE_STATISTIC.test(name)) {
      bare.push(index);
      return;
    }
    const mean = MEAN_HEADER.exec(withoutUnit);
    if (mean?.[1] !== undefined) {
      means.push({ index, quantity: mean[1] });
      return;
    }
    const statistic = NAMED_STATISTIC.exec(withoutUnit);
    if (statistic?.[1] !== undefined) named.add(statistic[1]);
  });
  const withoutNamed = means.filter((mean) => !named.has(mean.quantity));
  const target = withoutNamed[withoutNamed.length - 1];
  if (bare.length === 0 || withoutNamed.length < 2 || target === undefined) return identity;
  const isBare = new Set(bare);
  const order: number[] = [];
  for (const index of identity) {
    if (isBare.has(index)) continue;
    order.push(index);
    if (index === target.index) order.push(...bare);
  }
  return order;
}
