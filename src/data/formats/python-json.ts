/**
 * JSON as Python's `json.dumps` writes it: like JSON, but with bare `NaN`, `Infinity` and
 * `-Infinity` tokens for missing values, and sometimes a UTF-8 byte-order mark in front.
 */

export type JsonParseResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly message: string;
      readonly line?: number;
      readonly column?: number;
    };

const BOM = '\uFEFF';
// A JSON string (kept as is) or a bare non-finite token outside strings (replaced by null).
const STRING_OR_NON_FINITE = /"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g;

const FOLLOWED_BY_COLON = /[ \t\n\r]*:/y;
/**
 * Keys whose infinity is a setting, not a missing value: Python's default `request_rate` of
 * `float("inf")` (every request sent at once) is kept as the word `inf`, which reads as +∞.
 */
const INFINITE_LOADS: ReadonlySet<string> = new Set(['"request_rate"']);

function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

function locate(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

const JSON_WHITESPACE = /[ \t\n\r]*/y;
const JSON_LITERAL = /true|false|null|NaN|-?Infinity/y;
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function stickyEnd(pattern: RegExp, text: string, at: number): number | null {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : null;
}

/** Index after the string that opens at `at`, or the offset of its first bad character (negated − 1). */
function scanString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -i - 1;
    if (code === 0x5c) {
      const end = stickyEnd(JSON_ESCAPE, text, i);
      if (end === null) return -i - 1;
      i = end;
    } else {
      i += 1;
    }
  }
  return -text.length - 1;
}

/**
 * The offset of the first character that stops this text from being JSON (with Python's bare
 * tokens allowed), or null when it is valid. Engines word their errors differently and V8 gives
 * no position for an unexpected token, so the position is found here. Iterative: deep nesting
 * cannot overflow the stack.
 */
function firstSyntaxError(text: string): number | null {
  const open: ('array' | 'object')[] = [];
  let i = 0;
  const skipSpace = (): void => {
    i = stickyEnd(JSON_WHITESPACE, text, i) ?? i;
  };
  // Reads `"key":` at i; returns the offset of a problem, or null.
  const readKey = (): number | null => {
    skipSpace();
    if (text[i] !== '"') return i;
    const end = scanString(text, i);
    if (end < 0) return -end - 1;
    i = end;
    skipSpace();
    if (text[i] !== ':') return i;
    i += 1;
    return null;
  };

  for (;;) {
    skipSpace();
    const start = text[i];
    if (start === '{' || start === '[') {
      i += 1;
      skipSpace();
      const close = start === '{' ? '}' : ']';
      if (text[i] === close) {
        i += 1;
      } else {
        open.push(start === '{' ? 'object' : 'array');
        if (start === '{') {
          const problem = readKey();
          if (problem !== null) return problem;
        }
        continue;
      }
    } else if (start === '"') {
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
    } else {
      const end = stickyEnd(JSON_LITERAL, text, i) ?? stickyEnd(JSON_NUMBER, text, i);
      if (end === null) return i;
      i = end;
    }
    // After a value: close what is complete, then expect a separator.
    for (;;) {
      skipSpace();
      const container = open[open.length - 1];
      if (container === undefined) return i === text.length ? null : i;
      const next = text[i];
      if (next === (container === 'object' ? '}' : ']')) {
        i += 1;
        open.pop();
        continue;
      }
      if (next !== ',') return i;
      i += 1;
      if (container === 'object') {
        const problem = readKey();
        if (problem !== null) return problem;
      }
      break;
    }
  }
}

function describeSyntaxError(text: string): JsonParseResult {
  const offset = firstSyntaxError(text);
  if (offset === null) return { ok: false, message: 'not valid JSON' };
  const { line, column } = locate(text, offset);
  const where = `not valid JSON at line ${line}, column ${column}`;
  const endsEarly = text.slice(offset).trim() === '';
  return {
    ok: false,
    message: endsEarly ? `${where}: it ends too early (is the file cut off?)` : where,
    line,
    column,
  };
}

/**
 * Parses JSON text, accepting a BOM and Python's bare `NaN` / `Infinity` / `-Infinity` (read as
 * null: missing, never 0), except `"request_rate": Infinity`, a load, read as the word `inf`. Never throws: a syntax error comes back with its line and column.
 */
export function parsePythonJson(input: string): JsonParseResult {
  const text = withoutBom(input);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    if (!/NaN|Infinity/.test(text)) return describeSyntaxError(text);
  }
  // The key before a token: a string followed by a colon.
  let key: string | null = null;
  const replaced = text.replace(STRING_OR_NON_FINITE, (match, offset: number) => {
    if (match.startsWith('"')) {
      FOLLOWED_BY_COLON.lastIndex = offset + match.length;
      key = FOLLOWED_BY_COLON.test(text) ? match : null;
      return match;
    }
    return match === 'Infinity' && key !== null && INFINITE_LOADS.has(key) ? '"inf"' : 'null';
  });
  try {
    return { ok: true, value: JSON.parse(replaced) as unknown };
  } catch {
    // Located in the original text, so line and column match what the user sees.
    return describeSyntaxError(text);
  }
}

/** A plain JSON object (not an array, not null) as a record to read from. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
