// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { parseEmbeddedJson, readEmbeddedJsonValue } from '../../../src/data/formats/embedded-json';
import type {
  BenchmarkResult,
  ParseErrorKind,
  ParsedResults,
} from '../../../src/data/results/result-model';
import { readRepoFile } from '../nightly-runs';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const EIGHT_H100 = 'H100\nH100\nH100\nH100\nH100\nH100\nH100\nH100';

function parsed(text: string): ParsedResults {
  const outcome = parseEmbeddedJson(text);
  if (!outcome.ok) throw new Error(`did not parse: ${outcome.error.message}`);
  return outcome.value;
}

function refused(text: string): { kind: ParseErrorKind; message: string } {
  const outcome = parseEmbeddedJson(text);
  if (outcome.ok) throw new Error('parsed, but should have been refused');
  return outcome.error;
}

function byName(results: readonly BenchmarkResult[]): Map<string, BenchmarkResult> {
  return new Map(results.map((result) => [result.testName, result]));
}

type Columns = Record<string, Record<string, unknown>>;

/** The same table with every row moved to a new index, and keys written in a new order. */
function reindexRows(columns: Columns, newIndex: (index: number) => string): Columns {
  const moved: Columns = {};
  for (const [column, cells] of Object.entries(columns).reverse()) {
    const entries = Object.entries(cells).map(([index, value]) => [newIndex(Number(index)), value]);
    moved[column] = Object.fromEntries(entries.reverse()) as Record<string, unknown>;
  }
  return moved;
}

describe('parseEmbeddedJson', () => {
  const h100Text = readRepoFile('public/data/nightly-8xH100.json');

  it('reads the rows whatever their order and index numbers', () => {
    const seed = JSON.parse(h100Text) as Record<string, Columns>;
    const shuffled = Object.fromEntries(
      Object.entries(seed).map(([suite, columns]) => [
        suite,
        reindexRows(columns, (index) => String(((index * 7) % 13) + 40)),
      ]),
    );
    const original = byName(parsed(h100Text).results);
    const moved = byName(parsed(JSON.stringify(shuffled)).results);
    expect(moved.size).toBe(18);
    expect(moved).toEqual(original);
    expect(moved.get('latency_llama8B_tp1')?.metrics.latency_mean).toBe(1046.9095210234325);
    expect(moved.get('serving_llama8B_tp1_sharegpt_qps_inf')?.metrics.request_throughput).toBe(
      24.186907198204548,
    );
  });

  it('puts rows in the numeric order of their indexes, not the text order', () => {
    const text = JSON.stringify({
      latency: {
        'Test name': { '10': 'latency_c_tp1', '9': 'latency_b_tp1', '1': 'latency_a_tp1' },
      },
    });
    expect(parsed(text).results.map((result) => result.testName)).toEqual([
      'latency_a_tp1',
      'latency_b_tp1',
      'latency_c_tp1',
    ]);
  });

  it('reads a NaN cell as a missing metric, never 0', () => {
    const { results } = parsed(
      `{"serving": {"Test name": {"0": "serving_llama8B_tp1_sharegpt_qps_1"}, "GPU": {"0": "8xH100"}, "Tput (req/s)": {"0": 1.00455}, "Mean TTFT (ms)": {"0": NaN}, "P99 TTFT (ms)": {"0": Infinity}}}`,
    );
    expect(results[0]?.metrics).toEqual({
      request_throughput: 1.00455,
      ttft_mean: null,
      ttft_p99: null,
    });
  });

  it('reads integers written as floats', () => {
    const { results } = parsed(
      '{"throughput": {"Test name": {"0": "throughput_llama8B_tp1"}, "GPU": {"0": "8xH100"}, "# of req.": {"0": 200.0}, "Total # of tokens": {"0": 81920.0}, "Tput (req/s)": {"0": 21.0}}}',
    );
    expect(results[0]?.metrics).toEqual({
      num_requests: 200,
      total_tokens: 81920,
      request_throughput: 21,
    });
  });

  it('reads the GPU list of the JSON as 8 of the type', () => {
    const { results } = parsed(
      JSON.stringify({
        latency: { 'Test name': { '0': 'latency_llama8B_tp1' }, GPU: { '0': EIGHT_H100 } },
      }),
    );
    expect(results[0]?.gpu).toEqual({ type: 'H100', count: 8 });
  });

  it('reads a file where a suite is missing entirely', () => {
    const seed = JSON.parse(h100Text) as Record<string, unknown>;
    delete seed.throughput;
    const result = parsed(JSON.stringify(seed));
    expect(result.results).toHaveLength(15);
    expect(result.results.some((entry) => entry.suite === 'throughput')).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it('reads a file where a suite did not run (written {}) without a warning', () => {
    const seed = JSON.parse(h100Text) as Record<string, unknown>;
    seed.latency = {};
    const result = parsed(JSON.stringify(seed));
    expect(result.results).toHaveLength(15);
    expect(result.results.some((entry) => entry.suite === 'latency')).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it('gives a missing value to a row that a column lacks', () => {
    const { results } = parsed(
      JSON.stringify({
        throughput: {
          'Test name': { '0': 'throughput_llama8B_tp1', '1': 'throughput_llama70B_tp4' },
          'Tput (req/s)': { '0': 21.6201 },
        },
      }),
    );
    expect(results.map((result) => result.metrics.request_throughput)).toEqual([21.6201, null]);
  });

  it('reads unknown columns of a pandas table: all numbers as a metric, any text as text', () => {
    const { results } = parsed(
      JSON.stringify({
        throughput: {
          'Test name': { '0': 'throughput_llama8B_tp1', '1': 'throughput_llama70B_tp4' },
          'Tput (req/s)': { '0': 21.6201, '1': 8.9 },
          'Warmup (s)': { '0': 2, '1': 3.5 },
          Notes: { '0': 12, '1': 'rerun' },
        },
      }),
    );
    expect(results.map((result) => result.metrics['x:Warmup (s)'])).toEqual([2, 3.5]);
    expect(results.map((result) => result.attributes.Notes)).toEqual(['12', 'rerun']);
    expect(results.map((result) => result.metrics.request_throughput)).toEqual([21.6201, 8.9]);
  });

  it('skips a row without a test name, naming its suite and index', () => {
    const result = parsed(
      '{"latency": {"Test name": {"0": "latency_llama8B_tp1", "1": NaN}, "Mean latency (ms)": {"0": 1.0, "1": 2.0}}}',
    );
    expect(result.results.map((entry) => entry.testName)).toEqual(['latency_llama8B_tp1']);
    expect(result.warnings).toEqual(['Skipped latency row 1: it has no test name.']);
  });

  it('ignores a column that holds no row values, with a warning naming it', () => {
    const result = parsed(
      '{"latency": {"Test name": {"0": "latency_llama8B_tp1"}, "Note": "oops", "Mean latency (ms)": {"0": 1.5}}}',
    );
    expect(result.results[0]?.metrics).toEqual({ latency_mean: 1.5 });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('latency');
    expect(result.warnings[0]).toContain('"Note"');
  });

  it('warns table by table, in suite order: each table’s columns, then its rows', () => {
    const result = parsed(
      '{"latency": {"Test name": {"0": NaN, "1": "latency_llama8B_tp1"}, "Note": "oops", "Mean latency (ms)": {"0": 1.0, "1": 2.0}},' +
        ' "serving": {"Test name": {"0": "serving_llama8B_tp1_sharegpt_qps_1", "1": NaN}, "Extra": 3, "Tput (req/s)": {"0": 4.0, "1": 5.0}}}',
    );
    expect(result.results.map((entry) => entry.testName)).toEqual([
      'latency_llama8B_tp1',
      'serving_llama8B_tp1_sharegpt_qps_1',
    ]);
    expect(result.warnings).toEqual([
      'latency: column "Note" holds no row values; it was ignored.',
      'Skipped latency row 0: it has no test name.',
      'serving: column "Extra" holds no row values; it was ignored.',
      'Skipped serving row 1: it has no test name.',
    ]);
  });

  it('converts V1 latency seconds to ms and labels the file V1', () => {
    const result = parsed(
      '{"latency": {"Test name": {"0": "latency_llama8B_tp1"}, "Average latency (s)": {"0": 1.04691}, "P10 (s)": {"0": 1.0}, "P50 (s)": {"0": 1.5}}}',
    );
    expect(result.results[0]?.metrics).toEqual({
      latency_mean: 1046.91,
      latency_p10: 1000,
      latency_median: 1500,
    });
    expect(result.format).toEqual({ id: 'vllm-embedded-json', label: 'vLLM embedded JSON V1' });
  });

  it('reads V6 explicit columns: the "inf" qps string, NaN input length, TP Size', () => {
    const result = parsed(
      '{"serving": {"Test name": {"0": "serving_llama8B_tp4_sharegpt_qps_inf"}, "TP Size": {"0": 1.0}, "Dataset Name": {"0": "sharegpt"}, "Input Len": {"0": NaN}, "qps": {"0": "inf"}, "dtype": {"0": "bfloat16"}, "Tput (req/s)": {"0": 24.2}}}',
    );
    expect(result.format.label).toBe('vLLM embedded JSON V6');
    expect(result.results[0]).toMatchObject({
      tp: 1,
      dataset: 'sharegpt',
      inputLen: null,
      qps: Infinity,
      attributes: { dtype: 'bfloat16' },
      metrics: { request_throughput: 24.2 },
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('serving_llama8B_tp4_sharegpt_qps_inf');
  });

  it('accepts a byte-order mark', () => {
    expect(parsed(`\uFEFF${h100Text}`).results).toHaveLength(18);
  });

  describe('with prototype names as keys', () => {
    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>).polluted;
    });

    it('pollutes nothing through suite, column or row keys named __proto__ or constructor', () => {
      const result = parsed(
        '{"__proto__": {"polluted": 1}, "constructor": {"polluted": 1}, "latency": {"Test name": {"__proto__": "latency_llama8B_tp1", "constructor": "latency_llama70B_tp4"}, "__proto__": {"__proto__": 5, "constructor": 6}, "polluted": {"__proto__": "yes", "constructor": "yes"}}}',
      );
      expect(result.results.map((entry) => entry.testName).sort()).toEqual([
        'latency_llama70B_tp4',
        'latency_llama8B_tp1',
      ]);
      const first = result.results.find((entry) => entry.testName === 'latency_llama8B_tp1');
      expect(first?.metrics['x:__proto__']).toBe(5);
      expect(first?.attributes.polluted).toBe('yes');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
    });
  });
});

describe('parseEmbeddedJson refusals', () => {
  it('refuses malformed JSON as invalid-json, naming the line', () => {
    const error = refused('{"latency": {\n  "Test name": {"0": "latency_llama8B_tp1",}\n}}');
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toContain('not valid JSON at line 2');
  });

  it('refuses a cut-off file as invalid-json that ends too early', () => {
    const error = refused('{"latency": {"Test name": {"0": "latency_ll');
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toContain('ends too early');
  });

  it('refuses empty text as invalid-json', () => {
    expect(refused('').kind).toBe('invalid-json');
  });

  it.each([
    '[]',
    '{}',
    'null',
    '42',
    '"latency"',
    '{"foo": {"bar": 1}}',
    '{"latency": []}',
    '{"latency": "x"}',
  ])('refuses %s as not-results', (text) => {
    const error = refused(text);
    expect(error.kind).toBe('not-results');
    expect(error.message).toContain('not a vLLM benchmark results file');
  });

  it.each([
    '{"latency": {}}',
    '{"latency": {"Test name": {}}}',
    '{"latency": {"Mean latency (ms)": {"0": 1.0}}}',
    '{"serving": {"Test name": {"0": NaN, "1": ""}}}',
  ])('refuses %s as no-rows', (text) => {
    const error = refused(text);
    expect(error.kind).toBe('no-rows');
    expect(error.message).toContain('no result rows');
  });
});

describe('readEmbeddedJsonValue', () => {
  it('labels the format with the label it is given and the version found', () => {
    const outcome = readEmbeddedJsonValue(
      {
        throughput: { 'Test name': { '0': 'throughput_llama8B_tp1' }, 'Tput (req/s)': { '0': 1 } },
      },
      'vLLM markdown',
    );
    expect(outcome).toMatchObject({
      ok: true,
      value: { format: { id: 'vllm-embedded-json', label: 'vLLM markdown V4' } },
    });
  });

  it('leaves the version out when the columns tell none', () => {
    const outcome = readEmbeddedJsonValue({ latency: { 'Test name': { '0': 'latency_a_tp1' } } });
    expect(outcome).toMatchObject({ ok: true, value: { format: { label: 'vLLM embedded JSON' } } });
  });

  it('refuses a value of another shape as not-results', () => {
    expect(readEmbeddedJsonValue([{ 'Test name': 'latency_llama8B_tp1' }])).toMatchObject({
      ok: false,
      error: { kind: 'not-results' },
    });
  });
});
