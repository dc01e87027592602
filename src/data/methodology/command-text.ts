/** A recorded command as it is copied (unchanged) and as it is shown (readable, nothing hidden). */

/** A command as it is copied and as it is shown. */
export interface CommandText {
  /** Exactly the recorded command: what Copy puts on the clipboard. */
  readonly copy: string;
  /**
   * The command to show as text: ends trimmed, line ends made `\n`, runs of spaces outside
   * quotes made one (CI's scripts pad their commands), and characters that would not show or
   * would reorder what is shown (controls, bidirectional overrides, zero-width spaces) written
   * as `\u{…}`. It is text, never markup: render it as a text node, in a box that wraps.
   */
  readonly display: string;
  /** How many characters were written as `\u{…}` because they would not show. */
  readonly escaped: number;
}

/** Controls (but tab and line end), bidirectional controls, invisible and zero-width characters. */
const HIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;

function escapeHidden(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** A recorded command → the text to copy (unchanged) and the text to show. */
export function commandText(command: string): CommandText {
  const text = command.replace(/\r\n?/g, '\n').trim();
  let display = '';
  let escaped = 0;
  let quote: '"' | "'" | null = null;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (HIDDEN_CHARACTER.test(char)) {
      if (pendingSpace) display += ' ';
      pendingSpace = false;
      display += escapeHidden(char);
      escaped += 1;
      continue;
    }
    if (quote === null && (char === ' ' || char === '\t')) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && char !== '\n') display += ' ';
    pendingSpace = false;
    if (char === '\\' && quote !== "'") {
      // An escaped character is taken as it is: `\"` opens no quote, `\ ` is no space.
      display += char;
      const next = text[i + 1];
      if (next !== undefined && !HIDDEN_CHARACTER.test(next)) {
        display += next;
        i += 1;
      }
      continue;
    }
    if (quote === null && (char === '"' || char === "'")) quote = char;
    else if (char === quote) quote = null;
    display += char;
  }
  return { copy: command, display, escaped };
}
