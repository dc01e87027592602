import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import {
  contentFingerprint,
  createDataset,
  datasetGpuLabels,
  distinctGpuLabels,
  utf8Fingerprint,
} from '../../../src/data/results/dataset';
import { handDataset, result } from '../charts/chart-fixtures';
import { columnsOnlyDataset } from '../../helpers/columns-only';
import { readSiteFile } from '../../helpers/seed';
import { propertyRuns } from '../../helpers/property-runs';

function parsed(text: string) {
  const outcome = parseResultsText(text);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

describe('createDataset', () => {
  const text = readSiteFile('data/nightly-8xH100.json');

  it('labels a bundled run by its GPU', () => {
    const dataset = createDataset(
      parsed(text),
      { kind: 'bundled', name: 'nightly-8xH100.json' },
      text,
    );
    expect(dataset.label).toBe('Nightly · 8×H100');
    expect(dataset.source).toEqual({ kind: 'bundled', name: 'nightly-8xH100.json' });
    expect(dataset.results).toHaveLength(18);
  });

  it('labels a dropped file by its name', () => {
    const dataset = createDataset(
      parsed(text),
      { kind: 'file', name: 'nightly-8xB200.json' },
      text,
    );
    expect(dataset.label).toBe('nightly-8xB200.json');
  });

  it('gives the same content the same id, and different content another', () => {
    const a = createDataset(parsed(text), { kind: 'file', name: 'a.json' }, text);
    const b = createDataset(parsed(text), { kind: 'file', name: 'b.json' }, text);
    const changed = text.replace('1046.9095210234325', '1046.9095210234326');
    const c = createDataset(parsed(changed), { kind: 'file', name: 'a.json' }, changed);
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
  });
});

describe('contentFingerprint', () => {
  it('matches the FNV-1a reference values', () => {
    // FNV-1a 32-bit of "" is 0x811c9dc5 and of "a" is 0xe40c292c (published test vectors).
    expect(contentFingerprint('')).toBe('811c9dc5-0');
    expect(contentFingerprint('a')).toBe('e40c292c-1');
  });
});

describe('utf8Fingerprint', () => {
  const utf8 = new TextEncoder();
  const fromBytes = (bytes: Uint8Array): string =>
    utf8Fingerprint(bytes, new TextDecoder().decode(bytes));

  it('gives the reference values from bytes: nothing, "a", and "a" after a byte-order mark', () => {
    expect(fromBytes(new Uint8Array(0))).toBe('811c9dc5-0');
    expect(fromBytes(utf8.encode('a'))).toBe('e40c292c-1');
    // The decoder drops the mark, as reading the file as text does.
    expect(fromBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('e40c292c-1');
    // ASCII first, then "é" (2 bytes, 1 code unit): "aé" is 0x61, 0xe9.
    expect(fromBytes(utf8.encode('aé'))).toBe(contentFingerprint('a\u00e9'));
    expect(fromBytes(utf8.encode('aé'))).not.toBe(contentFingerprint('a'));
  });

  it('equals the fingerprint of the text, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const bytes = utf8.encode(text);
        expect(fromBytes(bytes)).toBe(contentFingerprint(new TextDecoder().decode(bytes)));
      }),
      { numRuns: propertyRuns(10_000) },
    );
  });

  it('equals the fingerprint of the decoded text for any bytes, broken UTF-8 included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const expected = contentFingerprint(new TextDecoder().decode(bytes));
        expect(fromBytes(bytes)).toBe(expected);
        // Without the text, it decodes the bytes itself where it needs to.
        expect(utf8Fingerprint(bytes)).toBe(expected);
      }),
      { numRuns: propertyRuns(10_000) },
    );
  });
});

describe('distinctGpuLabels', () => {
  it('lists each GPU once', () => {
    expect(
      distinctGpuLabels(parsed(readSiteFile('data/nightly-8xA100-SXM4-80GB.json')).results),
    ).toEqual(['8×A100-SXM4-80GB']);
  });

  it('reads a dataset with columns from its GPU columns, no row read, as from its rows', () => {
    const rows = [
      result('serving', 'a', 'H100', {}),
      result('serving', 'b', 'H100', {}),
      result('serving', 'c', 'H200', {}, { gpu: { type: 'H200', count: 4 } }),
      result('serving', 'd', 'H200', {}),
      result('serving', 'e', 'MI300X', {}, { gpu: { type: 'MI300X', count: null } }),
      result('serving', 'f', 'H100', {}, { gpu: null }),
      result('serving', 'g', 'H200', {}, { gpu: { type: 'H200', count: 4 } }),
    ];
    const expected = ['8×H100', '4×H200', '8×H200', 'MI300X', 'Unknown GPU'];
    expect(distinctGpuLabels(rows)).toEqual(expected);
    const dataset = columnsOnlyDataset('columns', rows, 'gpu');
    expect(datasetGpuLabels(dataset)).toEqual(expected);
    // Made once per results list, and the same list `distinctGpuLabels` gives for it after.
    expect(datasetGpuLabels(dataset)).toBe(datasetGpuLabels(dataset));
    expect(distinctGpuLabels(dataset.results)).toBe(datasetGpuLabels(dataset));
    // A dataset without columns: from its rows.
    expect(datasetGpuLabels(handDataset('rows', [...rows]))).toEqual(expected);
  });
});
