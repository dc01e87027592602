/** A label as a piece of a file name: letters, digits, `.`, `_` and `-`; others become `-`. */
export function fileNamePart(label: string): string {
  const cleaned = label
    .normalize('NFKD')
    .replace(/×/g, 'x')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return cleaned === '' ? 'side' : cleaned;
}
