/**
 * Puts text on the clipboard: the asynchronous Clipboard API where the page may use it, else a
 * hidden textarea and `document.execCommand('copy')` (older browsers, pages served over plain
 * HTTP from another machine, where `navigator.clipboard` does not exist). Resolves to whether
 * the text was copied; never throws.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  // Typed as always there, but it is not in insecure contexts and older browsers.
  const clipboard = (doc.defaultView?.navigator as { clipboard?: Clipboard } | undefined)
    ?.clipboard;
  if (typeof clipboard?.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, page not focused): try the old way.
    }
  }
  return copyWithTextarea(text, doc);
}

function copyWithTextarea(text: string, doc: Document): boolean {
  const focused = doc.activeElement;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  // Off screen but rendered: a textarea that is display:none cannot be selected.
  Object.assign(area.style, { position: 'fixed', top: '0', left: '-9999px', opacity: '0' });
  doc.body.append(area);
  let copied: boolean;
  try {
    area.select();
    // The only way to copy without the Clipboard API; deprecated but still supported everywhere.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
    if (focused instanceof HTMLElement) focused.focus();
  }
  return copied;
}
