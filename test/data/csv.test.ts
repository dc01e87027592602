// @vitest-environment node
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCsv, type CsvCell } from '../../src/data/csv';
import { propertyRuns } from '../helpers/property-runs';

/** The CSV read back by a standard parser: rows of text cells. */
function parse(csv: string): string[][] {
  const parsed = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('buildCsv', () => {
  it('writes RFC 4180 CSV: CRLF between records, quotes only where needed, "" for "', () => {
    const csv = buildCsv(
      ['Model', 'Value', 'Note'],
      [
        ['Llama 3.1 8B', 1046.9095210234325, 'plain'],
        ['a,b', -3.5, 'say "hi"'],
        ['line\nbreak', null, 'two\r\nlines'],
      ],
    );
    expect(csv).toBe(
      'Model,Value,Note\r\n' +
        'Llama 3.1 8B,1046.9095210234325,plain\r\n' +
        '"a,b",-3.5,"say ""hi"""\r\n' +
        '"line\nbreak",,"two\r\nlines"',
    );
    expect(parse(csv)).toEqual([
      ['Model', 'Value', 'Note'],
      ['Llama 3.1 8B', '1046.9095210234325', 'plain'],
      ['a,b', '-3.5', 'say "hi"'],
      ['line\nbreak', '', 'two\r\nlines'],
    ]);
  });

  it('ends every record with CRLF, never a bare LF outside quotes', () => {
    const csv = buildCsv(
      ['a', 'b'],
      [
        [1, 2],
        [3, 4],
        ['x', 'y'],
      ],
    );
    expect(csv.split('\r\n')).toEqual(['a,b', '1,2', '3,4', 'x,y']);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes numbers at full precision, negative ones and zero unescaped', () => {
    const csv = buildCsv(
      ['v'],
      [[1046.9095210234325], [-1046.9095210234325], [-0.5], [0], [1e-7], [2259.80990773998]],
    );
    expect(csv.split('\r\n')).toEqual([
      'v',
      '1046.9095210234325',
      '-1046.9095210234325',
      '-0.5',
      '0',
      '1e-7',
      '2259.80990773998',
    ]);
  });

  it('writes a missing value as an empty field, not 0', () => {
    expect(buildCsv(['a', 'b', 'c'], [[null, 1, null]])).toBe('a,b,c\r\n,1,');
  });

  it.each([
    ['=', '=SUM(A1:A9)'],
    ['+', '+1+2'],
    ['-', '-2+3'],
    ['@', '@SUM(A1)'],
    ['tab', '\tcmd'],
    ['CR', '\rcmd'],
    ['LF', '\ncmd'],
  ])('prefixes text starting with %s with an apostrophe', (_what, text) => {
    const csv = buildCsv(['x'], [[text]]);
    expect(parse(csv)[1]).toEqual([`'${text}`]);
    // The escaped cell is quoted, so no spreadsheet strips the apostrophe's protection.
    expect(csv).toBe(`x\r\n"'${text}"`);
  });

  it('prefixes header cells that look like formulas too', () => {
    expect(parse(buildCsv(['=cmd|calc', 'ok'], []))).toEqual([["'=cmd|calc", 'ok']]);
  });

  it('leaves text with a formula character later in it alone', () => {
    expect(buildCsv(['x'], [['a=b'], ['8×H100'], ['x-y@z']])).toBe('x\r\na=b\r\n8×H100\r\nx-y@z');
  });

  it('reads back exactly the cells it was given (text unescaped, numbers as written)', () => {
    const safeText = fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .filter((text) => !/^[=+\-@\t\r\n]/.test(text));
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(
      safeText,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.tuple(
            fc.array(
              safeText.filter((text) => text !== ''),
              {
                minLength: width,
                maxLength: width,
              },
            ),
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 5 }),
          ),
        ),
        ([header, rows]) => {
          const csv = buildCsv(header, rows);
          const expected = [
            header,
            ...rows.map((row) => row.map((c) => (c === null ? '' : String(c)))),
          ];
          expect(parse(csv)).toEqual(expected);
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });
});
