// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonObject, parsePythonJson } from '../../../src/data/formats/python-json';
import { propertyRuns } from '../../helpers/property-runs';

function valueOf(text: string): unknown {
  const parsed = parsePythonJson(text);
  if (!parsed.ok) throw new Error(`did not parse: ${parsed.message}`);
  return parsed.value;
}

describe('parsePythonJson', () => {
  it('reads plain JSON as JSON.parse does', () => {
    expect(valueOf('{"a": [1, 2.5, "x", true, null]}')).toEqual({ a: [1, 2.5, 'x', true, null] });
  });

  it('reads the bare NaN token as a missing value, never 0', () => {
    expect(valueOf('{"Mean TTFT (ms)": {"0": NaN, "1": 12.5}}')).toEqual({
      'Mean TTFT (ms)': { '0': null, '1': 12.5 },
    });
  });

  it('reads bare Infinity and -Infinity as missing values', () => {
    expect(valueOf('{"a": Infinity, "b": -Infinity}')).toEqual({ a: null, b: null });
  });

  it('keeps a request_rate of Infinity (every request at once) as the word inf', () => {
    expect(
      valueOf('{"request_rate": Infinity, "p99_ttft_ms": Infinity, "x": "request_rate"}'),
    ).toEqual({ request_rate: 'inf', p99_ttft_ms: null, x: 'request_rate' });
    // Only as the key's own value: not a later value, not -Infinity.
    expect(
      valueOf('{"request_rate": 2, "a": Infinity, "b": {"request_rate" : -Infinity}}'),
    ).toEqual({
      request_rate: 2,
      a: null,
      b: { request_rate: null },
    });
  });

  it('reads the tokens inside arrays and nested objects, and as the whole text', () => {
    expect(valueOf('[NaN, 1, [Infinity, {"d": {"e": -Infinity}}]]')).toEqual([
      null,
      1,
      [null, { d: { e: null } }],
    ]);
    expect(valueOf('NaN')).toBeNull();
  });

  it('leaves the words NaN and Infinity inside strings and keys untouched', () => {
    expect(
      valueOf('{"NaN": "NaN", "s": "Infinity pool", "t": "-Infinity and NaN", "v": NaN}'),
    ).toEqual({ NaN: 'NaN', s: 'Infinity pool', t: '-Infinity and NaN', v: null });
  });

  it('leaves strings with escaped quotes and trailing backslashes untouched', () => {
    expect(valueOf('{"s": "say \\"NaN\\" twice", "v": NaN}')).toEqual({
      s: 'say "NaN" twice',
      v: null,
    });
    expect(valueOf('{"path": "C:\\\\", "v": Infinity, "w": "NaN\\\\"}')).toEqual({
      path: 'C:\\',
      v: null,
      w: 'NaN\\',
    });
  });

  it('accepts a UTF-8 byte-order mark in front', () => {
    expect(valueOf('\uFEFF{"a": 1}')).toEqual({ a: 1 });
    expect(valueOf('\uFEFF{"a": NaN}')).toEqual({ a: null });
  });

  it('keeps keys named __proto__ as own keys without touching the prototype', () => {
    const value = valueOf('{"__proto__": {"polluted": NaN}}');
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports the line and column of a stray comma', () => {
    const text = '{\n  "a": 1,\n  "b": ,\n  "c": 3\n}';
    // Line 3 is `  "b": ,`: the comma is its 8th character.
    expect(parsePythonJson(text)).toEqual({
      ok: false,
      message: 'not valid JSON at line 3, column 8',
      line: 3,
      column: 8,
    });
  });

  it('reports the line of a trailing comma before a closing bracket', () => {
    const parsed = parsePythonJson('[\n  1,\n  2,\n]');
    expect(parsed).toMatchObject({ ok: false, line: 4, column: 1 });
  });

  it('reports the position in the text as written, even after NaN tokens on the same line', () => {
    // `{"a": NaN, "b": Infinity, "c": tru}`: the t of tru is the 32nd character.
    const parsed = parsePythonJson('{"a": NaN, "b": Infinity, "c": tru}');
    expect(parsed).toMatchObject({
      ok: false,
      message: 'not valid JSON at line 1, column 32',
      line: 1,
      column: 32,
    });
  });

  it('reports the line of an error after lines that hold NaN', () => {
    const parsed = parsePythonJson('{\n"a": NaN,\n"b": Infinity,\n"c": [1 2]\n}');
    // Line 4 is `"c": [1 2]`: the 2 is its 9th character.
    expect(parsed).toMatchObject({ ok: false, line: 4, column: 9 });
  });

  it('says a cut-off file ends too early, at the line where it stops', () => {
    const parsed = parsePythonJson('{\n  "a": [1, 2');
    expect(parsed).toMatchObject({ ok: false, line: 2, column: 13 });
    if (parsed.ok) return;
    expect(parsed.message).toContain('not valid JSON at line 2, column 13');
    expect(parsed.message).toContain('ends too early');
  });

  it('reports text after the JSON value', () => {
    expect(parsePythonJson('{"a": 1}\n{"b": 2}')).toMatchObject({ ok: false, line: 2, column: 1 });
  });

  it('reports a line break inside a string', () => {
    expect(parsePythonJson('{"a": "x\ny"}')).toMatchObject({ ok: false, line: 1, column: 9 });
  });

  it('counts lines after a BOM from the first line of the text', () => {
    expect(parsePythonJson('\uFEFF{\n"a": }')).toMatchObject({ ok: false, line: 2, column: 6 });
  });

  it('refuses empty text as ending too early', () => {
    const parsed = parsePythonJson('');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('ends too early');
  });

  it('refuses words that only look like the tokens', () => {
    expect(parsePythonJson('{"a": nan}').ok).toBe(false);
    expect(parsePythonJson('{"a": NaNa}').ok).toBe(false);
    expect(parsePythonJson('{"a": inf}').ok).toBe(false);
  });

  it('reads any JSON value as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parsePythonJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('turns every bare token into null and leaves every string as written', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('NaN', 'Infinity', '-Infinity', '"', '\\', ' ', 'a', '\n'),
      maxLength: 8,
    });
    const cell = fc.oneof(tricky, fc.constantFrom(Number.NaN, Infinity, -Infinity), fc.integer());
    fc.assert(
      fc.property(fc.dictionary(tricky, fc.array(cell, { maxLength: 4 })), (record) => {
        // JSON.stringify writes NaN as null; Python writes the bare token.
        const text = JSON.stringify(record, (_key, value: unknown) =>
          typeof value === 'number' && !Number.isFinite(value) ? `@@${String(value)}@@` : value,
        ).replace(/"@@(NaN|-?Infinity)@@"/g, '$1');
        const expected = JSON.parse(
          JSON.stringify(record, (_key, value: unknown) =>
            typeof value === 'number' && !Number.isFinite(value) ? null : value,
          ),
        ) as unknown;
        expect(parsePythonJson(text)).toEqual({ ok: true, value: expected });
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});

/** What JSON.parse says of the text: valid, or the position its error names (V8 names most). */
function engineVerdict(text: string): 'valid' | { position: number | null } {
  try {
    JSON.parse(text);
    return 'valid';
  } catch (error) {
    const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    return { position: match?.[1] === undefined ? null : Number(match[1]) };
  }
}

describe('parsePythonJson error positions, checked against the engine', () => {
  it('reports the line the engine reports, whenever the engine reports a position', () => {
    const broken = fc
      .record({
        value: fc.jsonValue({ maxDepth: 3 }),
        at: fc.nat(),
        remove: fc.nat({ max: 3 }),
        insert: fc.string({
          unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '1', '-', ' ', '\n', 'x'),
          maxLength: 3,
        }),
      })
      .map(({ value, at, remove, insert }) => {
        const text = JSON.stringify(value, null, 1);
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + remove);
      })
      .filter((text) => !/NaN|Infinity/.test(text));
    let checked = 0;
    fc.assert(
      fc.property(broken, (text) => {
        const engine = engineVerdict(text);
        if (engine === 'valid') return;
        const parsed = parsePythonJson(text);
        expect(parsed.ok).toBe(false);
        if (parsed.ok) return;
        expect(parsed.line).toBeGreaterThanOrEqual(1);
        expect(parsed.column).toBeGreaterThanOrEqual(1);
        if (engine.position === null) return;
        const engineLine = text.slice(0, engine.position).split('\n').length;
        expect(parsed.line, text).toBe(engineLine);
        checked += 1;
      }),
      { numRuns: propertyRuns(2000) },
    );
    expect(checked).toBeGreaterThan(100);
  });
});

describe('isJsonObject', () => {
  it('accepts plain objects only', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject({ a: 1 })).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject('{}')).toBe(false);
    expect(isJsonObject(1)).toBe(false);
  });
});
