// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseMarkdownPage } from '../../src/data/formats/markdown-page';
import { parseResultsText } from '../../src/data/formats/parse-results';
import type { BenchmarkResult, ParsedResults, Suite } from '../../src/data/results/result-model';
import {
  METRIC_COLUMNS,
  NIGHTLY_TESTS,
  SEED_RUNS,
  SUITE_NAMES,
  readRepoFile,
  type SeedRun,
} from './nightly-runs';

/** One metric value of a seed JSON file, found by walking its columns and rows. */
interface SeedCell {
  readonly suite: Suite;
  readonly testName: string;
  readonly column: string;
  readonly value: number;
}

type Columns = Record<string, Record<string, unknown>>;

/** A walk over the pandas dict orientation that shares no code with the parsers. */
function walkSeedJson(text: string): SeedCell[] {
  const data = JSON.parse(text) as Record<Suite, Columns>;
  const cells: SeedCell[] = [];
  for (const suite of SUITE_NAMES) {
    const columns = data[suite];
    const names = columns['Test name'] ?? {};
    for (const [column, rows] of Object.entries(columns)) {
      if (column === 'Test name' || column === 'GPU') continue;
      for (const [row, value] of Object.entries(rows)) {
        const testName = names[row];
        if (typeof testName !== 'string' || typeof value !== 'number') {
          throw new Error(`seed ${suite}/${column}/${row} is not a name and a number`);
        }
        cells.push({ suite, testName, column, value });
      }
    }
  }
  return cells;
}

function parsedOrFail(text: string, parse: (text: string) => ReturnType<typeof parseResultsText>) {
  const outcome = parse(text);
  if (!outcome.ok) throw new Error(`did not parse: ${outcome.error.message}`);
  return outcome.value;
}

function resultNamed(parsed: ParsedResults, testName: string): BenchmarkResult {
  const matches = parsed.results.filter((result) => result.testName === testName);
  expect(matches, testName).toHaveLength(1);
  const [match] = matches;
  if (match === undefined) throw new Error(`no result named ${testName}`);
  return match;
}

/** The embedded JSON line removed: what is left is description text and pipe tables. */
function tablesOnly(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('{'))
    .join('\n');
}

/** Lines `header` … up to the first line that is not a table row (no heading, no JSON). */
function tableStartingWith(markdown: string, header: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start === -1) throw new Error(`no table starts with ${header}`);
  const end = lines.findIndex((line, index) => index > start && !line.includes('|'));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

const EXPECTED_KEYS: Readonly<Record<Suite, readonly string[]>> = {
  latency: ['latency_mean', 'latency_median', 'latency_p99'],
  throughput: ['request_throughput'],
  serving: [
    'request_throughput',
    'ttft_mean',
    'ttft_median',
    'ttft_p99',
    'itl_mean',
    'itl_median',
    'itl_p99',
  ],
};

describe('the seed nightly runs', () => {
  it('hold 288 metric values: 3 files × (3 latency × 3 + 3 throughput × 1 + 12 serving × 7)', () => {
    const total = SEED_RUNS.map((run) => walkSeedJson(readRepoFile(run.jsonPath)).length).reduce(
      (sum, count) => sum + count,
      0,
    );
    expect(total).toBe(288);
  });

  it.each(SEED_RUNS)('$gpuName: the file lists exactly the 18 nightly tests', (run: SeedRun) => {
    const data = JSON.parse(readRepoFile(run.jsonPath)) as Record<Suite, Columns>;
    const listed = SUITE_NAMES.flatMap((suite) =>
      Object.values(data[suite]['Test name'] ?? {}).map((name) => `${suite}:${String(name)}`),
    );
    const expected = [...NIGHTLY_TESTS].map(([name, test]) => `${test.suite}:${name}`);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it.each(SEED_RUNS)(
    '$gpuName: every metric value arrives under its test, suite, model, TP, GPU and QPS',
    (run: SeedRun) => {
      const text = readRepoFile(run.jsonPath);
      const parsed = parsedOrFail(text, parseResultsText);
      const cells = walkSeedJson(text);
      expect(cells).toHaveLength(96);
      for (const cell of cells) {
        const expected = NIGHTLY_TESTS.get(cell.testName);
        const key = METRIC_COLUMNS[cell.suite].get(cell.column);
        if (expected === undefined || key === undefined) {
          throw new Error(`unexpected seed cell ${cell.testName} / ${cell.column}`);
        }
        const where = `${run.gpuName} ${cell.testName} ${key}`;
        const result = resultNamed(parsed, cell.testName);
        expect(result.suite, where).toBe(expected.suite);
        expect(cell.suite, where).toBe(expected.suite);
        expect(result.model, where).toBe(expected.model);
        expect(result.tp, where).toBe(expected.tp);
        expect(result.qps, where).toBe(expected.qps);
        expect(result.gpu, where).toEqual(run.gpu);
        expect(result.metrics[key], where).toBe(cell.value);
      }
    },
  );

  it.each(SEED_RUNS)(
    '$gpuName: gives 18 results, each with exactly the metrics of its suite',
    (run: SeedRun) => {
      const parsed = parsedOrFail(readRepoFile(run.jsonPath), parseResultsText);
      expect(parsed.results).toHaveLength(18);
      expect(parsed.warnings).toEqual([]);
      for (const result of parsed.results) {
        expect(Object.keys(result.metrics).sort(), result.testName).toEqual(
          [...EXPECTED_KEYS[result.suite]].sort(),
        );
        expect(Object.values(result.metrics).every((value) => value !== null)).toBe(true);
      }
    },
  );

  it('reads the hand-checked values of the markdown tables', () => {
    const [h100, h200, a100] = SEED_RUNS.map((run) =>
      parsedOrFail(tablesOnly(readRepoFile(run.markdownPath)), parseMarkdownPage),
    );
    if (h100 === undefined || h200 === undefined || a100 === undefined) throw new Error('runs');
    expect(resultNamed(h100, 'latency_llama8B_tp1').metrics.latency_mean).toBe(1046.91);
    expect(resultNamed(h100, 'latency_llama8B_tp1').metrics.latency_p99).toBe(1048.3);
    expect(resultNamed(h200, 'latency_llama8B_tp1').metrics.latency_mean).toBe(833.272);
    expect(resultNamed(h200, 'latency_llama8B_tp1').metrics.latency_median).toBe(833.759);
    expect(
      resultNamed(h200, 'serving_llama8B_tp1_sharegpt_qps_inf').metrics.request_throughput,
    ).toBe(28.8288);
    expect(
      resultNamed(h100, 'serving_llama8B_tp1_sharegpt_qps_inf').metrics.request_throughput,
    ).toBe(24.1869);
    expect(resultNamed(h100, 'serving_mixtral8x7B_tp2_sharegpt_qps_1').metrics.ttft_p99).toBe(
      2259.81,
    );
    expect(resultNamed(a100, 'serving_llama70B_tp4_sharegpt_qps_inf').metrics.ttft_median).toBe(
      726.653,
    );
    expect(resultNamed(a100, 'throughput_mixtral8x7B_tp2').metrics.request_throughput).toBe(
      5.56502,
    );
  });

  it('reads the same hand-checked values from the embedded JSON, at full precision', () => {
    const [h100, h200] = SEED_RUNS.map((run) =>
      parsedOrFail(readRepoFile(run.jsonPath), parseResultsText),
    );
    if (h100 === undefined || h200 === undefined) throw new Error('runs');
    expect(resultNamed(h100, 'latency_llama8B_tp1').metrics.latency_mean).toBeCloseTo(1046.91, 2);
    expect(
      resultNamed(h200, 'serving_llama8B_tp1_sharegpt_qps_inf').metrics.request_throughput,
    ).toBeCloseTo(28.8288, 4);
    expect(
      resultNamed(h100, 'serving_llama8B_tp1_sharegpt_qps_inf').metrics.request_throughput,
    ).toBeCloseTo(24.1869, 4);
    // Full precision tells apart values that the 6-digit tables would round together.
    expect(resultNamed(h200, 'latency_llama8B_tp1').metrics.latency_mean).toBe(833.271651606386);
  });
});

describe('the markdown page and the JSON of the same run', () => {
  it.each(SEED_RUNS)('$gpuName: parse to identical results', (run: SeedRun) => {
    const fromJson = parsedOrFail(readRepoFile(run.jsonPath), parseResultsText);
    const fromMarkdown = parsedOrFail(readRepoFile(run.markdownPath), parseResultsText);
    expect(fromMarkdown.results).toEqual(fromJson.results);
    expect(fromJson.format).toEqual({ id: 'vllm-embedded-json', label: 'vLLM embedded JSON V4' });
    expect(fromMarkdown.format).toEqual({
      id: 'vllm-markdown',
      label: 'vLLM markdown V4 · embedded JSON',
    });
  });

  it.each(SEED_RUNS)(
    '$gpuName: the pipe tables alone agree with the JSON to 6 significant digits',
    (run: SeedRun) => {
      const fromJson = parsedOrFail(readRepoFile(run.jsonPath), parseResultsText);
      const fromTables = parsedOrFail(
        tablesOnly(readRepoFile(run.markdownPath)),
        parseMarkdownPage,
      );
      expect(fromTables.format).toEqual({
        id: 'vllm-markdown',
        label: 'vLLM markdown V4 · tables',
      });
      expect(fromTables.warnings).toEqual([]);
      expect(fromTables.results).toHaveLength(18);
      let compared = 0;
      for (const table of fromTables.results) {
        const json = resultNamed(fromJson, table.testName);
        const where = `${run.gpuName} ${table.testName}`;
        expect(table.suite, where).toBe(json.suite);
        expect(table.model, where).toBe(json.model);
        expect(table.tp, where).toBe(json.tp);
        expect(table.qps, where).toBe(json.qps);
        // `8x…` in the tables, the newline-joined list in the JSON: both are 8 of the type.
        expect(table.gpu, where).toEqual(run.gpu);
        expect(json.gpu, where).toEqual(run.gpu);
        expect(Object.keys(table.metrics).sort(), where).toEqual(Object.keys(json.metrics).sort());
        for (const [key, value] of Object.entries(json.metrics)) {
          if (value === null) throw new Error(`${where} ${key} is missing in the JSON`);
          expect(table.metrics[key], `${where} ${key}`).toBe(Number(value.toPrecision(6)));
          compared += 1;
        }
      }
      expect(compared).toBe(96);
    },
  );
});

describe('a single pasted table', () => {
  const h100Markdown = readRepoFile('test/fixtures/nightly/nightly-8xH100.md');

  it('reads a serving table pasted without its heading, taking the suite from the test names', () => {
    const table = tableStartingWith(h100Markdown, 'Test name | GPU | Tput (req/s) | Mean TTFT');
    expect(table.split('\n')).toHaveLength(14);
    const parsed = parsedOrFail(table, parseMarkdownPage);
    expect(parsed.format.label).toBe('vLLM markdown V4 · tables');
    expect(parsed.results).toHaveLength(12);
    expect(parsed.results.every((result) => result.suite === 'serving')).toBe(true);
    const inf = resultNamed(parsed, 'serving_llama8B_tp1_sharegpt_qps_inf');
    expect(inf).toMatchObject({ model: 'llama8B', tp: 1, qps: Infinity });
    expect(inf.gpu).toEqual({ type: 'H100', count: 8 });
    expect(inf.metrics).toEqual({
      request_throughput: 24.1869,
      ttft_mean: 240.664,
      ttft_median: 238.222,
      ttft_p99: 306.25,
      itl_mean: 11.5137,
      itl_median: 11.4632,
      itl_p99: 21.9811,
    });
  });

  it('reads a latency table pasted without its heading', () => {
    const table = tableStartingWith(h100Markdown, 'Test name | GPU | Mean latency (ms)');
    const parsed = parsedOrFail(table, parseResultsText);
    expect(parsed.results.map((result) => result.suite)).toEqual(['latency', 'latency', 'latency']);
    expect(resultNamed(parsed, 'latency_llama70B_tp4').metrics).toEqual({
      latency_mean: 2540.75,
      latency_median: 2540.22,
      latency_p99: 2544.89,
    });
  });

  it('takes each row’s suite from its test name prefix when the columns fit two suites', () => {
    // "Tput (req/s)" is a column of both throughput and serving tables.
    const table = [
      'Test name | GPU | Tput (req/s) |',
      '---|---|---|',
      'throughput_llama8B_tp1 | 8xH100 | 21.6201 |',
      'serving_llama8B_tp1_sharegpt_qps_inf | 8xH100 | 24.1869 |',
    ].join('\n');
    const parsed = parsedOrFail(table, parseMarkdownPage);
    expect(resultNamed(parsed, 'throughput_llama8B_tp1').suite).toBe('throughput');
    expect(resultNamed(parsed, 'serving_llama8B_tp1_sharegpt_qps_inf')).toMatchObject({
      suite: 'serving',
      qps: Infinity,
      metrics: { request_throughput: 24.1869 },
    });
  });
});
