import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/data/formats/shared';
import { propertyRuns } from '../../helpers/property-runs';

describe('splitLines', () => {
  it('splits on "\\n" and "\\r\\n", keeping a lone "\\r" and the empty last line', () => {
    expect(splitLines('a\r\nb\nc')).toEqual(['a', 'b', 'c']);
    expect(splitLines('a\rb\n')).toEqual(['a\rb', '']);
    expect(splitLines('end\r')).toEqual(['end\r']);
    expect(splitLines('\r\n\r\n')).toEqual(['', '', '']);
    expect(splitLines('')).toEqual(['']);
  });

  it('gives the lines split(/\\r?\\n/) gives, for any text of line breaks and letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '|', '\r', '\n', ' ') }), (text) => {
        expect(splitLines(text)).toEqual(text.split(/\r?\n/));
      }),
      { numRuns: propertyRuns(10_000) },
    );
  });
});
