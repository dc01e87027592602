// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { ParseError, ParsedResults } from '../../../src/data/results/result-model';
import { readRepoFile } from '../nightly-runs';

function parsed(text: string): ParsedResults {
  const outcome = parseResultsText(text);
  if (!outcome.ok) throw new Error(`did not parse: ${outcome.error.message}`);
  return outcome.value;
}

function refused(text: string): ParseError {
  const outcome = parseResultsText(text);
  if (outcome.ok) throw new Error('parsed, but should have been refused');
  return outcome.error;
}

const h200Json = readRepoFile('public/data/nightly-8xH200.json');
const h200Page = readRepoFile('test/fixtures/nightly/nightly-8xH200.md');

describe('parseResultsText', () => {
  it('reads text opening with { as CI’s embedded JSON', () => {
    const result = parsed(h200Json);
    expect(result.format).toEqual({ id: 'vllm-embedded-json', label: 'vLLM embedded JSON V4' });
    expect(result.results).toHaveLength(18);
  });

  it('reads the JSON after a BOM and leading blank lines', () => {
    expect(parsed(`\uFEFF\n\n  ${h200Json}`).results).toHaveLength(18);
  });

  it('reads other text as a markdown page', () => {
    const result = parsed(h200Page);
    expect(result.format).toEqual({
      id: 'vllm-markdown',
      label: 'vLLM markdown V4 · embedded JSON',
    });
    expect(result.results).toHaveLength(18);
  });

  it('reads a page that happens to open with a brace as markdown', () => {
    const page = [
      '{draft} nightly results',
      'Test name | GPU | Tput (req/s) |',
      '---|---|---|',
      'throughput_llama8B_tp1 | 8xH200 | 25.6716 |',
    ].join('\n');
    const result = parsed(page);
    expect(result.format.id).toBe('vllm-markdown');
    expect(result.results[0]).toMatchObject({
      suite: 'throughput',
      gpu: { type: 'H200', count: 8 },
      metrics: { request_throughput: 25.6716 },
    });
  });

  it('refuses empty and blank text as empty', () => {
    for (const text of ['', '   ', '\n\r\n\t', '\uFEFF']) {
      const error = refused(text);
      expect(error.kind, JSON.stringify(text)).toBe('empty');
      expect(error.message).toContain('empty');
    }
  });

  it('refuses text with NUL bytes as binary', () => {
    const error = refused(`PK\u0003\u0004\u0000\u0000${h200Json}`);
    expect(error.kind).toBe('binary');
    expect(error.message).toContain('binary');
  });

  it('refuses text that is mostly control characters as binary', () => {
    expect(refused('\u0001\u0002\u0003\u0004abcdef').kind).toBe('binary');
  });

  it('refuses text that is mostly replacement characters as binary', () => {
    expect(refused('\uFFFD\uFFFD\uFFFD\uFFFDab').kind).toBe('binary');
  });

  it('keeps tabs and line ends as text', () => {
    expect(refused('\t\t\n\r\nhello\t\n').kind).toBe('not-results');
  });

  it('refuses broken JSON as invalid-json, naming the line', () => {
    const text = [
      '{',
      '  "latency": {',
      '    "Test name": {"0": "latency_llama8B_tp1"}',
      '    "GPU": {"0": "8xH100"}',
      '  }',
      '}',
    ].join('\n');
    const error = refused(text);
    expect(error.kind).toBe('invalid-json');
    // Line 3 lacks its comma, so the quote opening "GPU" (line 4, column 5) is unexpected.
    expect(error.message).toBe('The file is not valid JSON at line 4, column 5.');
    expect(error.hint).not.toBe('');
  });

  it('refuses a cut-off JSON file, saying so', () => {
    const error = refused(h200Json.slice(0, 1000));
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toContain('ends too early');
  });

  it('refuses JSON of another shape as not-results', () => {
    expect(refused('[{"Test name": "latency_llama8B_tp1"}]').kind).toBe('not-results');
    expect(refused('{"results": []}').kind).toBe('not-results');
  });

  it('refuses prose as not-results', () => {
    const error = refused('Daedalus\nchore: update cardano-node\n');
    expect(error.kind).toBe('not-results');
    expect(error.message).not.toBe('');
  });
});
