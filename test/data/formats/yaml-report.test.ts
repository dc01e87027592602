// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import {
  MAX_YAML_LENGTH,
  looksLikeYamlReport,
  parseYamlReport,
} from '../../../src/data/formats/yaml-report';

const GUIDELLM_HEAD = 'benchmarks:\n  - type_: generative_benchmark\n';

describe('YAML reports', () => {
  it('are recognised by their top-level keys only', () => {
    expect(looksLikeYamlReport(GUIDELLM_HEAD)).toBe(true);
    expect(looksLikeYamlReport("results: {}\nrun: {uid: a}\nversion: '0.2'\n")).toBe(true);
    expect(looksLikeYamlReport('version: 0.2.1\nresults: {}\nrun: {}\n')).toBe(true);
    expect(looksLikeYamlReport('# Title\n\nbenchmarks: none here\n')).toBe(false);
    expect(looksLikeYamlReport('  benchmarks:\n  - type_: generative_benchmark\n')).toBe(false);
    expect(looksLikeYamlReport('version: 0.1\nresults: {}\nrun: {}\n')).toBe(false);
    // The same words nested under another key are not the report's own.
    expect(looksLikeYamlReport("version: '0.2'\nrun: {}\nscenario:\n  results: {}\n")).toBe(false);
    expect(looksLikeYamlReport("version: '0.2'\nresults: {}\nscenario:\n  run: {}\n")).toBe(false);
  });

  it('read .inf as Infinity', () => {
    expect(parseYamlReport('a: .inf\nb: -.inf\n')).toEqual({
      ok: true,
      value: { a: Infinity, b: -Infinity },
    });
  });

  it('refuse an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(parseYamlReport(bomb)).toEqual({
      ok: false,
      message: 'Excessive alias count indicates a resource exhaustion attack',
    });
  });

  it('refuse a mapping that repeats a key, naming the problem in one line', () => {
    expect(parseYamlReport('run: a\nrun: b\n')).toEqual({
      ok: false,
      message: 'Map keys must be unique',
    });
  });

  it('keep a merge key as a plain key instead of merging', () => {
    expect(parseYamlReport('base: &b {x: 1}\nrun: {<<: *b, y: 2}\n')).toEqual({
      ok: true,
      value: { base: { x: 1 }, run: { '<<': { x: 1 }, y: 2 } },
    });
  });

  it('keep keys as written, not as the numbers or nulls they would be as values', () => {
    expect(parseYamlReport('1.0: a\n~: b\n')).toEqual({
      ok: true,
      value: { '1.0': 'a', '~': 'b' },
    });
  });

  it('read the first document of a file that holds several', () => {
    expect(parseYamlReport('a: 1\n---\nb: 2\n')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('keep language tags as plain data and a __proto__ key as an own key', () => {
    const parsed = parseYamlReport(
      '__proto__: {polluted: 1}\nrun: !!python/object:os.system {cmd: x}\nt: !!python/tuple [1, 2]\n',
    );
    expect(parsed.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (parsed.ok) {
      expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
      expect(parsed.value).toMatchObject({ run: { cmd: 'x' }, t: [1, 2] });
    }
  });

  it('refuse text beyond the size cap without parsing it', () => {
    const parsed = parseYamlReport(GUIDELLM_HEAD + ' '.repeat(MAX_YAML_LENGTH));
    expect(parsed).toEqual({ ok: false, message: 'larger than 20,000,000 characters' });
  });

  it('read text of exactly the size cap', () => {
    const comment = '#'.padEnd(MAX_YAML_LENGTH - 'a: 1\n'.length, 'x');
    expect(parseYamlReport(`a: 1\n${comment}`)).toEqual({ ok: true, value: { a: 1 } });
  });

  it('say when a file that looks like a report is broken YAML', () => {
    const outcome = parseResultsText(`${GUIDELLM_HEAD}    metrics: {a: [1, 2\n`, 'benchmarks.yaml');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.kind).toBe('invalid-json');
      expect(outcome.error.message).toContain('looks like a YAML benchmark report');
    }
  });

  it('leave other text to the markdown reader', () => {
    const outcome = parseResultsText('title: my notes\nbenchmarks: later\n', 'notes.md');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).not.toContain('YAML');
  });
});
