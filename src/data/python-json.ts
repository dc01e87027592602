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

function describeSyntaxError(text: string, error: unknown): JsonParseResult {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(raw)?.[1];
  if (position === undefined) {
    const unexpectedEnd = /unexpected end/i.test(raw);
    return {
      ok: false,
      message: unexpectedEnd
        ? 'the JSON ends too early (is the file cut off?)'
        : 'the JSON is malformed',
    };
  }
  const { line, column } = locate(text, Number(position));
  return { ok: false, message: `not valid JSON at line ${line}, column ${column}`, line, column };
}

/**
 * Parses JSON text, accepting a BOM and Python's bare `NaN` / `Infinity` / `-Infinity` (read as
 * null: missing, never 0). Never throws: a syntax error comes back with its line and column.
 */
export function parsePythonJson(input: string): JsonParseResult {
  const text = withoutBom(input);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) return describeSyntaxError(text, error);
  }
  const replaced = text.replace(STRING_OR_NON_FINITE, (match) =>
    match.startsWith('"') ? match : 'null',
  );
  try {
    return { ok: true, value: JSON.parse(replaced) as unknown };
  } catch (error) {
    // The replacements never add or remove a line break, so the line reported stays exact.
    return describeSyntaxError(replaced, error);
  }
}

/** A plain JSON object (not an array, not null) as a record to read from. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
