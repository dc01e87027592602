/**
 * Saves a Blob as a file, the one way every download of the page goes (chart PNG and SVG, table
 * CSV, comparison CSV): a Blob URL on a hidden link, clicked, then revoked once the browser has
 * started the download.
 */
export function saveBlob(blob: Blob, fileName: string): void {
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

/**
 * CSV text as a file: UTF-8 with a byte-order mark first. Spreadsheet apps read a CSV without
 * one in the computer's legacy code page, and "8×H100" arrives as "8Ã—H100".
 */
export function csvBlob(text: string): Blob {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
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
