/**
 * Saves text as a file, the way the results tables save their CSV
 * (src/features/results-table/download-csv.ts): a Blob URL on a hidden link, clicked, then
 * revoked once the browser has started the download.
 */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

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
