/**
 * Chart labels fitted to a width without measuring the DOM (a forced layout per label): a
 * character's advance is estimated from the font size, a little generously, so the lines fit.
 */
export const CHAR_WIDTH = 0.58;

export interface WrappedLabel {
  /** The whole label, for a <title> when it had to be shortened. */
  readonly text: string;
  /** One to `maxLines` lines, each at most the width. */
  readonly lines: readonly string[];
  /** Whether some of the label was cut (ends in …). */
  readonly shortened: boolean;
}

/** How many characters fit in `width` px at `fontSize` px (at least one). */
export function charsThatFit(width: number, fontSize: number): number {
  return Math.max(1, Math.floor(width / (fontSize * CHAR_WIDTH)));
}

/** `line` cut to `maxChars` with …, never leaving a dangling ` ·` before it. */
function withEllipsis(line: string, maxChars: number): string {
  const kept = line.length + 1 <= maxChars ? line : line.slice(0, Math.max(0, maxChars - 1));
  return `${kept.replace(/[\s·]+$/, '')}…`;
}

/**
 * Cuts a ` · `-separated label to one line of `width` px by shortening the middle and keeping the
 * last part (`Serving · Llama 3… · QPS 16`), so labels that differ only at the end stay apart.
 * Where the last part would take more than half the room, the end is cut instead.
 */
export function shortenMiddle(label: string, width: number, fontSize: number): string {
  const text = label.trim().replace(/\s+/g, ' ');
  const maxChars = charsThatFit(width, fontSize);
  if (text.length <= maxChars) return text;
  const parts = text.split(' · ');
  const last = parts.pop() ?? '';
  const room = maxChars - last.length - ' · '.length;
  if (parts.length === 0 || last.length > maxChars / 2 || room < 2) {
    return withEllipsis(text, maxChars);
  }
  return `${withEllipsis(parts.join(' · '), room)} · ${last}`;
}

/**
 * Breaks a label into lines of at most `width` px: between its ` · ` parts where it can (the
 * break replaces the dot), else between words. What does not fit in `maxLines` lines, or a word
 * longer than a line, is cut with an ellipsis.
 */
export function wrapLabel(
  label: string,
  width: number,
  fontSize: number,
  maxLines = 2,
): WrappedLabel {
  const text = label.trim().replace(/\s+/g, ' ');
  const maxChars = charsThatFit(width, fontSize);
  if (text.length <= maxChars) return { text, lines: [text], shortened: false };

  const lines: string[] = [];
  let line = '';
  for (const part of text.split(' · ')) {
    if (line !== '' && `${line} · ${part}`.length <= maxChars) {
      line = `${line} · ${part}`;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const word of part.split(' ')) {
      if (line === '') line = word;
      else if (`${line} ${word}`.length <= maxChars) line = `${line} ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
  }
  if (line !== '') lines.push(line);

  const kept = lines.slice(0, Math.max(1, maxLines));
  const overflow = kept.length < lines.length;
  const fitted = kept.map((entry, i) =>
    entry.length > maxChars || (overflow && i === kept.length - 1)
      ? withEllipsis(entry, maxChars)
      : entry,
  );
  return { text, lines: fitted, shortened: fitted.some((entry, i) => entry !== kept[i]) };
}
