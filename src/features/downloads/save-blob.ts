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
