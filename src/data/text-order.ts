/**
 * Strings in code-unit order (`<` on strings): the order of ISO dates and of paths as written,
 * the same in every locale, unlike `localeCompare`.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
