// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { ParsedResults } from '../../../src/data/results/result-model';
import { fixture, named, parseFixture, parsedOrFail, refusedOrFail } from './fixtures';

const LINES_FORMAT = { id: 'vllm-serve-json-lines', label: 'vllm bench serve JSON lines' };

describe('vllm bench serve --append-result: one result per line', () => {
  // Read in each test, not once for the file: a mutation run changes the code per test.
  let parsed: ParsedResults;
  beforeEach(() => {
    parsed = parseFixture('serve/llama8b-h200-qps-sweep.json');
  });

  it('reads every line as a result of its own', () => {
    expect(parsed.format).toEqual(LINES_FORMAT);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.results.map((result) => [result.testName, result.qps])).toEqual([
      ['serving_Llama-3.1-8B-Instruct_tp1_qps_1', 1],
      ['serving_Llama-3.1-8B-Instruct_tp1_qps_4', 4],
      ['serving_Llama-3.1-8B-Instruct_tp1_qps_16', 16],
    ]);
  });

  it('keeps each line’s values (the seed’s 8×H200 llama8B runs)', () => {
    expect(named(parsed, 'serving_Llama-3.1-8B-Instruct_tp1_qps_4').metrics).toMatchObject({
      request_throughput: 3.861221480628719,
      elapsed_time: 51.79708053614013,
      ttft_mean: 14.962725100340322,
      ttft_median: 14.639193541370332,
      ttft_p99: 20.100962540600257,
      itl_mean: 6.718289552257886,
      itl_p99: 7.160921916365624,
      request_goodput: null,
    });
    expect(named(parsed, 'serving_Llama-3.1-8B-Instruct_tp1_qps_16').metrics.elapsed_time).toBe(
      16.266469578957185,
    );
  });

  it('keeps each run’s date as an attribute and the earliest as the file’s date', () => {
    expect(parsed.results.map((result) => result.attributes.date)).toEqual([
      '2025-03-14T12:01:02',
      '2025-03-14T12:05:31',
      '2025-03-14T12:07:49',
    ]);
    expect(parsed.meta).toEqual({ date: '2025-03-14T12:01:02' });
  });

  it('does not name results after the file, which holds several', () => {
    const withCiName = parsedOrFail(
      parseResultsText(
        fixture('serve/llama8b-h200-qps-sweep.json'),
        'serving_llama8B_tp1_sharegpt_qps_1.json',
      ),
    );
    expect(withCiName.results.map((result) => result.testName)).not.toContain(
      'serving_llama8B_tp1_sharegpt_qps_1',
    );
  });
});

describe('vllm bench serve --append-result with an interrupted run', () => {
  let parsed: ParsedResults;
  beforeEach(() => {
    parsed = parseFixture('serve/llama8b-h200-qps-sweep-interrupted.json');
  });

  it('loads the good lines and lists the others with their line numbers', () => {
    expect(parsed.format).toEqual(LINES_FORMAT);
    expect(parsed.results.map((result) => result.qps)).toEqual([1, 4]);
    // Line 3 is blank and ignored; line 4 was cut off; line 5 is JSON but not a result.
    expect(parsed.warnings).toEqual([
      'Skipped line 4: not valid JSON (it is cut off).',
      'Skipped line 5: it is not a vllm bench serve result.',
    ]);
  });

  it('reads Windows line ends the same', () => {
    const crlf = fixture('serve/llama8b-h200-qps-sweep-interrupted.json').replace(/\n/g, '\r\n');
    const again = parsedOrFail(parseResultsText(crlf));
    expect(again.results).toEqual(parsed.results);
    expect(again.warnings).toEqual(parsed.warnings);
  });

  it('says "not valid JSON" for a line that is broken in the middle', () => {
    const lines = fixture('serve/llama8b-h200-qps-sweep.json').split('\n');
    lines[1] = lines[1]?.replace('"completed": 200,', '"completed": 200,,') ?? '';
    const broken = parsedOrFail(parseResultsText(lines.join('\n')));
    expect(broken.warnings).toEqual(['Skipped line 2: not valid JSON.']);
    expect(broken.results).toHaveLength(2);
  });

  it('refuses lines of which none is a serve result, as invalid JSON', () => {
    const error = refusedOrFail(parseResultsText('{"a": 1}\n{"b": 2}\n'));
    expect(error.kind).toBe('invalid-json');
  });

  it('refuses lines whose serve results are all broken, naming where', () => {
    const lines = fixture('serve/llama8b-h200-qps-sweep.json').split('\n');
    const cut = lines.map((line) => line.slice(0, 100)).join('\n');
    const error = refusedOrFail(parseResultsText(cut));
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toContain('line 1');
  });
});
