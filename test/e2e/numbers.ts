// Reading numbers the way a person does, for matching table cells against seed values.

/** Numbers as printed: `1,046.91`, `1046.91`, `28.829` (a comma or a no-break space groups). */
const NUMBER = /\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/**
 * Does `text` show `value` rounded to `minDecimals` (default 2) or more decimals, with or without
 * thousands separators? `1,046.91`, `1046.91` and `1046.910` all show 1046.9095; `1046.9` does not.
 */
export function showsValue(text: string, value: number, minDecimals = 2): boolean {
  for (const [token] of text.matchAll(NUMBER)) {
    const decimals = token.split('.')[1]?.length ?? 0;
    if (decimals < minDecimals) continue;
    const shown = Number(token.replace(/[,\u00a0\u202f]/g, ''));
    if (Math.abs(shown - value) <= 0.5 * 10 ** -decimals + 1e-9) return true;
  }
  return false;
}
