// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import type { ParseErrorKind, ParsedResults } from '../../../src/data/results/result-model';
import { fixture, fixtureFile, parsedOrFail, refusedOrFail } from './fixtures';

const NOT_RESULTS = 'This JSON is not a benchmark results file this dashboard reads.';
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** Every refused fixture of the corpus, with the error a person should see. */
const REFUSED: readonly {
  readonly file: string;
  readonly kind: ParseErrorKind;
  readonly message: string;
}[] = [
  { file: 'bad/empty.json', kind: 'empty', message: 'The file is empty.' },
  { file: 'bad/blank.md', kind: 'empty', message: 'The file is empty.' },
  {
    file: 'bad/binary.png',
    kind: 'binary',
    message: 'This is a binary file, not a text results file.',
  },
  {
    // Cut inside the key on line 7 after `    "complet` (4 spaces, 8 characters).
    file: 'bad/truncated-serve.json',
    kind: 'invalid-json',
    message:
      'The file is not valid JSON at line 7, column 13: it ends too early (is the file cut off?).',
  },
  { file: 'bad/not-results-package.json', kind: 'not-results', message: NOT_RESULTS },
  { file: 'bad/not-results-numbers.json', kind: 'not-results', message: NOT_RESULTS },
  { file: 'bad/empty-results-list.json', kind: 'not-results', message: NOT_RESULTS },
  {
    file: 'bad/records-without-names.json',
    kind: 'no-rows',
    message: 'This looks like vLLM records JSON, but it holds no result that could be read.',
  },
  {
    file: 'bad/lone.commands',
    kind: 'not-results',
    message:
      'This is a .commands file: it records how a benchmark was run, not its results. Drop it together with its result file (lone.json).',
  },
];

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
}

/** Nothing a person reads is enormous, whatever the file held. */
function expectShortTexts(parsed: ParsedResults): void {
  for (const warning of parsed.warnings) expect(warning.length).toBeLessThan(1000);
  for (const result of parsed.results) {
    expect(result.testName.length).toBeLessThanOrEqual(200);
    expect(result.model.length).toBeLessThanOrEqual(200);
    for (const key of Object.keys(result.metrics)) expect(key.length).toBeLessThanOrEqual(210);
    for (const value of Object.values(result.attributes))
      expect(value.length).toBeLessThanOrEqual(200);
  }
}

describe('the corpus of bad files', () => {
  it.each(REFUSED)('refuses $file as $kind with a message to act on', ({ file, kind, message }) => {
    const { name, text } = fixtureFile(file);
    const error = refusedOrFail(parseResultsText(text, name));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
  });

  it('names the formats it reads in the hint of a JSON file that is not results', () => {
    const error = refusedOrFail(parseResultsText(fixture('bad/not-results-package.json')));
    for (const name of [
      'benchmark_results.md',
      'benchmark_results.json',
      'vllm bench serve',
      'latency',
      'throughput',
      '--append-result',
      '.pytorch.json',
    ]) {
      expect(error.hint).toContain(name);
    }
  });

  it('refuses every bad file through parseResultFiles too, one entry each', () => {
    const files = REFUSED.map(({ file }) => fixtureFile(file));
    const outcomes = parseResultFiles(files);
    expect(outcomes.map((entry) => [entry.name, entry.outcome.ok])).toEqual(
      files.map((file) => [file.name, false]),
    );
  });
});

describe('hostile keys', () => {
  it('keeps __proto__ and constructor keys of a records file as ordinary columns', () => {
    const parsed = parsedOrFail(parseResultsText(fixture('bad/proto-payload-records.json')));
    expectNoPollution();
    const [first, second] = parsed.results;
    expect(first?.testName).toBe('latency_llama8B_tp1');
    expect(first?.metrics.latency_mean).toBe(1046.9);
    expect(Object.hasOwn(first?.metrics ?? {}, 'x:__proto__')).toBe(true);
    expect({ ...first?.attributes }).toEqual({ constructor: 'yes', toString: 'no' });
    expect(second?.testName).toBe('__proto__');
    expect(Object.getPrototypeOf(first?.metrics)).toBe(Object.prototype);
  });

  it('reads a serve result with __proto__, constructor and hasOwnProperty keys', () => {
    const parsed = parsedOrFail(parseResultsText(fixture('bad/proto-payload-serve.json')));
    expectNoPollution();
    const [result] = parsed.results;
    expect(result?.metrics).toEqual({
      request_throughput: 24.19,
      num_requests: 200,
      elapsed_time: 8.2,
      ttft_mean: 240.7,
      'x:valueOf': 7,
    });
    expect({ ...result?.attributes }).toEqual({ hasOwnProperty: 'x' });
  });

  it('reads a latency result and its .commands file with __proto__ keys', () => {
    const outcomes = parseResultFiles([
      fixtureFile('bad/proto-payload.json'),
      fixtureFile('bad/proto-payload.commands'),
    ]);
    expectNoPollution();
    const parsed = parsedOrFail(outcomes[0]?.outcome ?? parseResultsText(''));
    expect(parsed.results[0]).toMatchObject({
      tp: 2,
      gpu: { type: 'H100', count: 2 },
      metrics: { latency_median: 1046.8 },
    });
    expect(parsed.warnings).toEqual([
      'The latency result: the percentile "__proto__" was not read.',
      'The latency result: the percentile "constructor" was not read.',
    ]);
  });

  it('keeps markup in names as text', () => {
    const parsed = parsedOrFail(parseResultsText(fixture('bad/markup-in-names.json')));
    expect(parsed.results.map((result) => result.testName)).toEqual([
      '<img src=x onerror=alert(1)>',
      'serving_<i>llama</i>_tp1_sharegpt_qps_4',
    ]);
    expect(parsed.results[0]?.attributes.dtype).toBe("<script>alert('x')</script>");
    expect(parsed.results[0]?.gpu).toEqual({ type: '<b>8xH100</b>', count: null });
  });
});

describe('deeply nested JSON', () => {
  const DEPTH = 100_000;
  const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
  const deepObject = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;

  it('refuses 100,000 nested arrays or objects as not results, without overflowing', () => {
    expect(refusedOrFail(parseResultsText(deepArray)).kind).toBe('not-results');
    expect(refusedOrFail(parseResultsText(deepObject)).kind).toBe('not-results');
  });

  it('refuses 100,000 unclosed brackets as invalid JSON', () => {
    const error = refusedOrFail(parseResultsText('['.repeat(DEPTH)));
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toContain('ends too early');
  });

  it('reads results whose fields or cells hold deep nesting, dropping the nesting', () => {
    const serve = `{"model_id": "m", "request_rate": 1, "duration": 9, "completed": 9, "request_throughput": 1, "extra": ${deepObject}}`;
    expect(parsedOrFail(parseResultsText(serve)).results[0]?.metrics).toEqual({
      request_throughput: 1,
      num_requests: 9,
      elapsed_time: 9,
    });
    const records = `[{"Test name": "latency_a_tp1", "Mean latency (ms)": 5, "notes": ${deepArray}}]`;
    expect(parsedOrFail(parseResultsText(records)).results[0]?.metrics).toEqual({
      latency_mean: 5,
      'x:notes': null,
    });
    const pytorch = `[{"benchmark": {"name": "vLLM benchmark", "extra_info": {"args": ${deepObject}}}, "model": {"name": "m"}, "metric": {"name": "requests_per_second", "benchmark_values": [2], "extra_info": {}}}]`;
    expect(parsedOrFail(parseResultsText(pytorch)).results[0]?.metrics).toEqual({
      request_throughput: 2,
    });
  });
});

describe('enormous strings', () => {
  // 8 + 5,242,880 + 19 = 5,242,907 characters.
  const huge = `serving_${'x'.repeat(5 * 1024 * 1024)}_tp1_sharegpt_qps_4`;

  it('cuts a 5 MB test name in a records file to 200 characters, with a warning', () => {
    const text = JSON.stringify([{ 'Test name': huge, GPU: '8xH100', 'Tput (req/s)': 3.79 }]);
    const parsed = parsedOrFail(parseResultsText(text));
    const [result] = parsed.results;
    expect(result?.testName).toHaveLength(200);
    expect(result?.testName.startsWith('serving_xxxx')).toBe(true);
    expect(result?.testName.endsWith('…')).toBe(true);
    expect(result?.metrics).toEqual({ request_throughput: 3.79 });
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(
      /^The "Test name" of record 1 was 5,242,907 characters long/,
    );
    expectShortTexts(parsed);
  });

  it('cuts a 5 MB model id of a serve result, and the test name built from it', () => {
    const text = JSON.stringify({
      model_id: `org/${'m'.repeat(5 * 1024 * 1024)}`,
      request_rate: 'inf',
      duration: 8,
      completed: 200,
      request_throughput: 24.19,
    });
    const parsed = parsedOrFail(parseResultsText(text));
    expectShortTexts(parsed);
    expect(parsed.results[0]?.model).toHaveLength(200);
  });

  it('cuts 5 MB names and column names of CI’s embedded JSON', () => {
    const text = JSON.stringify({
      latency: {
        'Test name': { '0': huge },
        'Mean latency (ms)': { '0': 1046.9 },
        [`${'c'.repeat(5 * 1024 * 1024)} (ms)`]: { '0': 1 },
      },
    });
    const parsed = parsedOrFail(parseResultsText(text));
    expectShortTexts(parsed);
    expect(parsed.results[0]?.metrics.latency_mean).toBe(1046.9);
  });

  it('cuts a 5 MB test name in a markdown table', () => {
    const page = [
      'Latency tests',
      '| Test name | Mean latency (ms) |',
      '|---|---|',
      `| latency_${huge} | 1046.9 |`,
    ].join('\n');
    const parsed = parsedOrFail(parseResultsText(page));
    expectShortTexts(parsed);
    expect(parsed.results[0]?.metrics.latency_mean).toBe(1046.9);
  });

  it('cuts a 5 MB column name of a markdown table once, saying so once', () => {
    const column = `${'c'.repeat(5 * 1024 * 1024)} (ms)`;
    const page = [
      'Latency tests',
      `| Test name | Mean latency (ms) | ${column} |`,
      '|---|---|---|',
      '| latency_llama8B_tp1 | 1046.9 | 1 |',
      '| latency_llama70B_tp4 | 2540.8 | 2 |',
      '| latency_mixtral8x7B_tp2 | 2316.7 | 3 |',
    ].join('\n');
    const parsed = parsedOrFail(parseResultsText(page));
    expectShortTexts(parsed);
    expect(parsed.results.map((result) => Object.values(result.metrics))).toEqual([
      [1046.9, 1],
      [2540.8, 2],
      [2316.7, 3],
    ]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/^A metric name was 5,242,887 characters long/);
  });

  it('ignores a 5 MB file name as a hint', () => {
    const parsed = parsedOrFail(
      parseResultsText(fixture('latency/latency_llama8B_tp1.json'), `${huge}.json`),
    );
    expectShortTexts(parsed);
    expect(parsed.results[0]?.testName).toBe('latency');
  });
});

describe('names built to make patterns backtrack', () => {
  it.each([
    ['-1'.repeat(500)],
    ['a-1qps-'.repeat(140)],
    ['1'.repeat(999)],
    [`${'-'.repeat(990)}qps`],
    [`x-1qps-${'m-'.repeat(480)}`],
  ])('reads a file name like %#, quickly', (name) => {
    const start = performance.now();
    parseResultsText(fixture('latency/latency_llama8B_tp1.json'), `${name}.json`);
    parseResultFiles([
      { name: `${name}.commands`, text: '{}' },
      { name: `${name}.json`, text: '{}' },
    ]);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
