// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseMarkdownPage } from '../../../src/data/formats/markdown-page';
import type {
  BenchmarkResult,
  ParseErrorKind,
  ParsedResults,
} from '../../../src/data/results/result-model';
import { readRepoFile } from '../nightly-runs';

function parsed(text: string): ParsedResults {
  const outcome = parseMarkdownPage(text);
  if (!outcome.ok) throw new Error(`did not parse: ${outcome.error.message}`);
  return outcome.value;
}

function refused(text: string): { kind: ParseErrorKind; message: string } {
  const outcome = parseMarkdownPage(text);
  if (outcome.ok) throw new Error('parsed, but should have been refused');
  return outcome.error;
}

function named(result: ParsedResults, testName: string): BenchmarkResult {
  const found = result.results.find((entry) => entry.testName === testName);
  if (found === undefined) throw new Error(`no result named ${testName}`);
  return found;
}

const h100Page = readRepoFile('test/fixtures/nightly/nightly-8xH100.md');
const h100JsonLine = h100Page.split('\n').find((line) => line.startsWith('{"latency"')) ?? '';

describe('parseMarkdownPage sections and tables', () => {
  it('reads section headings with and without ##', () => {
    const page = [
      '## Latency tests',
      '| Test name | GPU | Mean latency (ms) |',
      '|---|---|---|',
      '| latency_llama8B_tp1 | 8xH100 | 1046.91 |',
      '',
      'Throughput tests',
      '| Test name | GPU | Tput (req/s) |',
      '|---|---|---|',
      '| throughput_llama8B_tp1 | 8xH100 | 21.6201 |',
      '',
      '### Serving tests',
      '| Test name | GPU | Tput (req/s) |',
      '|---|---|---|',
      '| serving_llama8B_tp1_sharegpt_qps_1 | 8xH100 | 1.00455 |',
    ].join('\n');
    const result = parsed(page);
    expect(result.results.map((entry) => [entry.testName, entry.suite])).toEqual([
      ['latency_llama8B_tp1', 'latency'],
      ['throughput_llama8B_tp1', 'throughput'],
      ['serving_llama8B_tp1_sharegpt_qps_1', 'serving'],
    ]);
    expect(named(result, 'throughput_llama8B_tp1').metrics).toEqual({
      request_throughput: 21.6201,
    });
  });

  it('takes the suite from the section heading over the test name', () => {
    const page = [
      'Throughput tests',
      'Test name | Tput (req/s) |',
      '---|---|',
      'mystery_run_tp1 | 3.5 |',
    ].join('\n');
    expect(parsed(page).results[0]).toMatchObject({
      suite: 'throughput',
      testName: 'mystery_run_tp1',
    });
  });

  it('reads tables with and without the outer pipes the same', () => {
    const withPipes = [
      '| Test name | GPU | Mean latency (ms) | P99 latency (ms) |',
      '|:---|:---|---:|---:|',
      '| latency_llama8B_tp1 | 8xH100 | 1046.91 | 1048.3 |',
    ].join('\n');
    const withoutPipes = [
      'Test name | GPU | Mean latency (ms) | P99 latency (ms)',
      '---|---|---|---',
      'latency_llama8B_tp1 | 8xH100 | 1046.91 | 1048.3',
    ].join('\n');
    const expected = { latency_mean: 1046.91, latency_p99: 1048.3 };
    expect(parsed(withPipes).results[0]?.metrics).toEqual(expected);
    expect(parsed(withoutPipes).results[0]?.metrics).toEqual(expected);
    expect(parsed(withoutPipes).results).toEqual(parsed(withPipes).results);
  });

  it('joins a GPU cell that tabulate split over several lines and counts its lines', () => {
    const page = [
      'Latency tests',
      '| Test name            | GPU  |   Mean latency (ms) |',
      '|:---------------------|:-----|--------------------:|',
      '| latency_llama8B_tp1  | H100 |             1046.91 |',
      '|                      | H100 |                     |',
      '|                      | H100 |                     |',
      '|                      | H100 |                     |',
      '| latency_llama70B_tp4 | H200 |             2118.58 |',
      '|                      | H200 |                     |',
      '',
    ].join('\n');
    const result = parsed(page);
    expect(result.results).toHaveLength(2);
    expect(named(result, 'latency_llama8B_tp1')).toMatchObject({
      gpu: { type: 'H100', count: 4 },
      metrics: { latency_mean: 1046.91 },
    });
    expect(named(result, 'latency_llama70B_tp4').gpu).toEqual({ type: 'H200', count: 2 });
    expect(result.warnings).toEqual([]);
  });

  it('reads a V2 serving table whose bare Median and P99 headers repeat', () => {
    const page = [
      '## Serving tests',
      '| Test name | GPU | # of req. | Tput (req/s) | Input Tput (tok/s) | Output Tput (tok/s) | Mean TTFT (ms) | Median | P99 | Mean TPOT (ms) | Median | P99 | Mean ITL (ms) | Median | P99 |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      '| serving_llama8B_tp1_sharegpt_qps_4 | H100 | 200 | 3.78847 | 818.5 | 760.25 | 16.1596 | 15.9192 | 22.108 | 8.5 | 8.4 | 9.75 | 8.41121 | 8.39612 | 8.99637 |',
      '|  | H100 |  |  |  |  |  |  |  |  |  |  |  |  |  |',
    ].join('\n');
    const result = parsed(page);
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({
      suite: 'serving',
      qps: 4,
      gpu: { type: 'H100', count: 2 },
    });
    expect(result.results[0]?.metrics).toEqual({
      num_requests: 200,
      request_throughput: 3.78847,
      input_throughput: 818.5,
      output_throughput: 760.25,
      ttft_mean: 16.1596,
      ttft_median: 15.9192,
      ttft_p99: 22.108,
      tpot_mean: 8.5,
      tpot_median: 8.4,
      tpot_p99: 9.75,
      itl_mean: 8.41121,
      itl_median: 8.39612,
      itl_p99: 8.99637,
    });
  });

  it('labels a page of V2 seconds tables V2 and converts the seconds to ms', () => {
    const page = [
      'Latency tests',
      '| Test name | GPU | Average latency (s) | P10 (s) | P50 (s) |',
      '|---|---|---|---|---|',
      '| latency_llama8B_tp1 | 8xH100 | 1.04691 | 1.04 | 1.05 |',
    ].join('\n');
    const result = parsed(page);
    expect(result.format).toEqual({ id: 'vllm-markdown', label: 'vLLM markdown V2 · tables' });
    expect(result.results[0]?.metrics).toEqual({
      latency_mean: 1046.91,
      latency_p10: 1040,
      latency_median: 1050,
    });
  });

  it('ignores the Platform Information table', () => {
    const page = [
      '## Platform Information',
      '|                | Platform Info   |',
      '|:---------------|:----------------|',
      '| Physical cores | 64              |',
      '| Total cores    | 128             |',
      '| Total Memory   | 2015.56GB       |',
      '',
      '## Latency tests',
      '| Test name | GPU | Mean latency (ms) |',
      '|---|---|---|',
      '| latency_llama8B_tp1 | 8xH100 | 1046.91 |',
    ].join('\n');
    const result = parsed(page);
    expect(result.results.map((entry) => entry.testName)).toEqual(['latency_llama8B_tp1']);
    expect(result.warnings).toEqual([]);
  });

  it('ends a table at the first line that is not a row', () => {
    const page = [
      'Test name | Tput (req/s) |',
      '---|---|',
      'throughput_llama8B_tp1 | 21.6201 |',
      'Some text after the table.',
      'throughput_llama70B_tp4 | 9.13468 |',
    ].join('\n');
    expect(parsed(page).results.map((entry) => entry.testName)).toEqual(['throughput_llama8B_tp1']);
  });

  it('reads a page with Windows line ends', () => {
    const page = [
      'Test name | Tput (req/s) |',
      '---|---|',
      'throughput_llama8B_tp1 | 21.6201 |',
    ].join('\r\n');
    expect(parsed(page).results[0]?.metrics).toEqual({ request_throughput: 21.6201 });
  });

  it('names the line of a row without a test name in its warning', () => {
    const page = [
      'Latency tests',
      '| Test name | Mean latency (ms) |',
      '|---|---|',
      '| latency_llama8B_tp1 | 1046.91 |',
      '|  | 5 |',
    ].join('\n');
    expect(parsed(page).warnings).toEqual(['Skipped line 5: it has no test name.']);
  });
});

describe('parseMarkdownPage and the embedded JSON', () => {
  it('prefers the embedded JSON line, at full precision', () => {
    const result = parsed(h100Page);
    expect(result.format).toEqual({
      id: 'vllm-markdown',
      label: 'vLLM markdown V4 · embedded JSON',
    });
    expect(named(result, 'latency_llama8B_tp1').metrics.latency_mean).toBe(1046.9095210234325);
  });

  it('reads a fenced ```json block instead of the single line', () => {
    const pretty = JSON.stringify(JSON.parse(h100JsonLine), null, 2);
    const page = ['Some description.', '', '```json', pretty, '```', ''].join('\n');
    const result = parsed(page);
    expect(result.format.label).toBe('vLLM markdown V4 · embedded JSON');
    expect(result.results).toHaveLength(18);
    expect(named(result, 'serving_llama8B_tp1_sharegpt_qps_inf').metrics.request_throughput).toBe(
      24.186907198204548,
    );
  });

  it('reads NaN tokens in a fenced block as missing values', () => {
    const page = [
      '```json',
      '{"latency": {"Test name": {"0": "latency_llama8B_tp1"},',
      ' "Mean latency (ms)": {"0": NaN}}}',
      '```',
    ].join('\n');
    expect(parsed(page).results[0]?.metrics).toEqual({ latency_mean: null });
  });

  it('reads the JSON line pasted alone', () => {
    expect(parsed(h100JsonLine).results).toHaveLength(18);
  });

  it('falls back to the tables, with a warning, when the JSON line is cut off', () => {
    const page = h100Page.replace(h100JsonLine, h100JsonLine.slice(0, 500));
    const result = parsed(page);
    expect(result.format.label).toBe('vLLM markdown V4 · tables');
    expect(result.results).toHaveLength(18);
    expect(named(result, 'latency_llama8B_tp1').metrics.latency_mean).toBe(1046.91);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('could not be read');
  });
});

describe('parseMarkdownPage refusals', () => {
  it('refuses a page with neither tables nor JSON as not-results', () => {
    const error = refused('# Release notes\n\nNothing to see here.\n');
    expect(error.kind).toBe('not-results');
    expect(error.message).toContain('No vLLM results table');
  });

  it('refuses a page whose only table has no Test name column as not-results', () => {
    const error = refused('| Physical cores | 64 |\n|---|---|\n| Total cores | 128 |');
    expect(error.kind).toBe('not-results');
  });

  it('refuses results tables without rows as no-rows', () => {
    const error = refused('Latency tests\nTest name | Mean latency (ms) |\n---|---|\n');
    expect(error.kind).toBe('no-rows');
    expect(error.message).not.toBe('');
  });

  it('refuses empty text as not-results', () => {
    expect(refused('').kind).toBe('not-results');
  });
});
