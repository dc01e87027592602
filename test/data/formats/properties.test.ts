// @vitest-environment node
/**
 * Properties of the readers, each checked on 10,000 generated inputs: nothing throws, every
 * refusal is a typed error of a known kind, and valid files of each format written from generated
 * values read back as the same values. Checks are plain comparisons (not `expect`) for speed.
 */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { readCommandLine, splitCommandLine } from '../../../src/data/formats/commands';
import { readFileName } from '../../../src/data/formats/file-name';
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import type {
  BenchmarkResult,
  FormatId,
  ParseErrorKind,
  ParseOutcome,
  Suite,
} from '../../../src/data/results/result-model';
import { fixture } from './fixtures';

const RUNS = 10_000;
const TIMEOUT = 180_000;

const KNOWN_KINDS: readonly ParseErrorKind[] = [
  'empty',
  'binary',
  'invalid-json',
  'not-results',
  'no-rows',
];
const KNOWN_FORMATS: readonly FormatId[] = [
  'vllm-embedded-json',
  'vllm-markdown',
  'vllm-records-json',
  'vllm-serve-json',
  'vllm-serve-json-lines',
  'vllm-latency-json',
  'vllm-throughput-json',
  'pytorch-benchmark-json',
];
/** The message of the last-resort guard: no input may reach it. */
const INTERNAL_FAILURE = 'This file could not be read as benchmark results.';

/** What is wrong with an outcome, or null. */
function outcomeProblem(outcome: ParseOutcome): string | null {
  if (outcome.ok) {
    const { format, results, warnings } = outcome.value;
    if (results.length === 0) return 'a success without results';
    if (!KNOWN_FORMATS.includes(format.id)) return `an unknown format ${format.id}`;
    if (format.label.trim() === '') return 'a success without a format label';
    if (!warnings.every((warning) => typeof warning === 'string' && warning.length < 10_000)) {
      return 'a warning that is not short text';
    }
    for (const result of results) {
      if (result.testName === '' || result.testName.length > 200) return 'a bad test name';
    }
    return null;
  }
  const { kind, message } = outcome.error;
  if (!KNOWN_KINDS.includes(kind)) return `an unknown error kind ${kind}`;
  if (message.trim() === '') return 'an error without a message';
  return message === INTERNAL_FAILURE ? 'the last-resort guard' : null;
}

function check(outcome: ParseOutcome, input: string): void {
  const problem = outcomeProblem(outcome);
  if (problem !== null) throw new Error(`${problem} for ${JSON.stringify(input.slice(0, 300))}`);
}

// ---------------------------------------------------------------------------------------------
// Nothing throws

const FORMAT_DIRS = ['serve', 'latency', 'throughput', 'pytorch', 'records', 'markdown', 'traps'];
const FIXTURES: readonly { name: string; text: string }[] = FORMAT_DIRS.flatMap((dir) =>
  readdirSync(resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats', dir)).map((name) => ({
    name,
    text: fixture(`${dir}/${name}`),
  })),
);

const FRAGMENTS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\n',
  '"',
  ' ',
  'NaN',
  'Infinity',
  '"inf"',
  '200.0',
  '1e309',
  '-0',
  '"__proto__"',
  '"constructor"',
  '"request_throughput": 3.5',
  '"request_goodput:": null',
  '"completed": 200',
  '"duration": 8.2',
  '"mean_e2el_ms": 1468.9',
  '"median_e2el_ms": 1742.3',
  '"p50_e2el_ms": 1468.9',
  '"p99.9_ttft_ms": 30',
  '"date": "20241105-140312"',
  '"latencies": [1, 2, 6]',
  '"model_id": "meta-llama/Llama-3.1-8B-Instruct"',
  '"tensor_parallel_size": "2"',
  '"request_rate": "inf"',
  '"avg_latency": 1.04',
  '"percentiles": {"50": 1.0, "99": 1.1}',
  '"requests_per_second": 21.6',
  '"tokens_per_second": 9348.7',
  '{"benchmark": {"name": "vLLM benchmark", "extra_info": {"args": {}}}, "model": {"name": "m"}, "metric": {"name": "latency", "benchmark_values": [1.0], "extra_info": {}}}',
  '"Test name": "serving_llama8B_tp1_sharegpt_qps_inf"',
  '"GPU": "8xH100"',
  '"GPU": "H100\\nH100"',
  '"Median": 1',
  '"P99": 2',
  '"Mean TPOT (ms)": 8.4',
  '"qps": "inf"',
  '"results": ',
  '"server_command": "vllm serve m -tp 2"',
  '"gpu_type": "H100"',
  '| Test name | GPU | Tput (req/s) |\n|---|---|---|\n',
  '| Platform Info |',
];

const insertion = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...FRAGMENTS));

/** A slice of a fixture (sometimes all of it) with a few characters removed and inserted. */
const mutatedFixture: fc.Arbitrary<{ name: string; text: string }> = fc
  .record({
    file: fc.constantFrom(...FIXTURES),
    start: fc.nat(),
    length: fc.oneof(
      { arbitrary: fc.nat({ max: 1500 }), weight: 9 },
      { arbitrary: fc.constant(Infinity), weight: 1 },
    ),
    edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: insertion }), {
      maxLength: 5,
    }),
  })
  .map(({ file, start, length, edits }) => {
    const from = length === Infinity ? 0 : start % (file.text.length + 1);
    let text = file.text.slice(from, from + length);
    for (const { at, remove, insert } of edits) {
      const cut = at % (text.length + 1);
      text = text.slice(0, cut) + insert + text.slice(cut + remove);
    }
    return { name: file.name, text };
  });

const FILE_NAMES = [
  undefined,
  'serving_llama8B_tp1_sharegpt_qps_inf.json',
  'latency_llama8B_tp1.pytorch.json',
  'vllm-infqps-concurrency8-Llama-3.1-8B-Instruct-20250312-101502.json',
  'x.commands',
  'benchmark_results.md',
];

const INPUTS: readonly { readonly name: string; readonly text: fc.Arbitrary<string> }[] = [
  { name: 'arbitrary strings', text: fc.string({ maxLength: 200 }) },
  { name: 'binary strings', text: fc.string({ unit: 'binary', maxLength: 200 }) },
  { name: 'JSON values', text: fc.jsonValue().map((value) => JSON.stringify(value)) },
  {
    name: 'JSON values in lines',
    text: fc
      .array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 })
      .map((values) => values.map((value) => JSON.stringify(value)).join('\n')),
  },
  {
    name: 'format fragments',
    text: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')),
  },
  { name: 'mutated fixtures', text: mutatedFixture.map((file) => file.text) },
];

describe.each(INPUTS)('on $name', ({ text }) => {
  it(
    `parseResultsText never throws and answers well-formed, with any file name (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(text, fc.constantFrom(...FILE_NAMES), (input, name) => {
          check(parseResultsText(input, name), input);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('the other entry points never throw', () => {
  it(
    `parseResultFiles on groups of mutated fixtures and .commands files (${RUNS} runs)`,
    () => {
      const commandsFile = fc
        .record({ base: fc.constantFrom(...FIXTURES), text: fc.oneof(fc.string(), insertion) })
        .map(({ base, text }) => ({
          name: base.name.replace(/\.(?:pytorch\.json|json|md|txt)$/, '.commands'),
          text: `{"server_command": ${JSON.stringify(text)}, "gpu_type": ${JSON.stringify(text)}}`,
        }));
      fc.assert(
        fc.property(fc.array(fc.oneof(mutatedFixture, commandsFile), { maxLength: 4 }), (files) => {
          const outcomes = parseResultFiles(files);
          const expected = files.filter(
            (file) =>
              !file.name.endsWith('.commands') ||
              !files.some(
                (other) =>
                  !other.name.endsWith('.commands') &&
                  other.name.replace(/\.(?:pytorch\.json|json|md|txt)$/, '') ===
                    file.name.replace(/\.commands$/, ''),
              ),
          );
          if (outcomes.length !== expected.length) throw new Error('an entry too many or few');
          for (const { outcome } of outcomes) check(outcome, files.map((f) => f.text).join('|'));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `splitCommandLine, readCommandLine and readFileName on arbitrary text (${RUNS} runs)`,
    () => {
      const text = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc
          .array(
            fc.constantFrom(
              'vllm',
              'serve',
              '-tp',
              '--tensor-parallel-size',
              '=',
              '"',
              "'",
              '\\',
              ' ',
              '\n',
              '4',
              'inf',
              '--metadata',
              'tp=2',
              '.json',
              '_qps_',
              'qps-',
              '-20250101-000000',
            ),
            { maxLength: 20 },
          )
          .map((parts) => parts.join('')),
      );
      fc.assert(
        fc.property(text, (input) => {
          const words = splitCommandLine(input);
          if (!words.every((word) => typeof word === 'string')) throw new Error('not words');
          const facts = readCommandLine(input);
          for (const value of [facts.tp, facts.pp, facts.concurrency]) {
            if (value !== null && !(Number.isSafeInteger(value) && value > 0)) {
              throw new Error(`a bad count ${value} for ${JSON.stringify(input)}`);
            }
          }
          readFileName(input);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Round trips: generated values → a file in the format → parse → the same values

/** A metric value as Python's json.dumps writes it: a bare NaN, an integer as `N.0`, or a double. */
type WrittenValue = 'NaN' | { readonly integer: number } | number;

const writtenValue: fc.Arbitrary<WrittenValue> = fc.oneof(
  fc.constant<'NaN'>('NaN'),
  fc.integer({ min: 0, max: 10_000_000 }).map((integer) => ({ integer })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
);

function pythonNumber(value: WrittenValue): string {
  if (value === 'NaN') return 'NaN';
  if (typeof value === 'number') return JSON.stringify(value);
  return `${value.integer}.0`;
}

function valueOf(value: WrittenValue): number | null {
  if (value === 'NaN') return null;
  return typeof value === 'number' ? value : value.integer;
}

/** A JSON object written the way Python writes it, values already written. */
function pythonObject(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}: ${value}`).join(', ')}}`;
}

function sameNumber(actual: number | null | undefined, expected: number | null): boolean {
  return Object.is(actual, expected);
}

const MODEL_TOKENS = ['llama8B', 'llama70B', 'mixtral8x7B', 'qwen3-32B'];
const GPU_TYPES = ['H100', 'H200', 'A100-SXM4-80GB', 'MI300X', 'gaudi2-hpu', 'cpu'];
const DATASETS = ['sharegpt', 'random', 'sonnet'];
const QPS_VALUES = [1, 4, 16, Infinity];

/** V5's columns: every mean has its median, named or bare (a bare one after TPOT only). */
const RECORD_COLUMNS: Readonly<Record<Suite, readonly (readonly [string, string])[]>> = {
  latency: [
    ['Mean latency (ms)', 'latency_mean'],
    ['Median latency (ms)', 'latency_median'],
    ['P99 latency (ms)', 'latency_p99'],
  ],
  throughput: [
    ['# of req.', 'num_requests'],
    ['Total # of tokens', 'total_tokens'],
    ['Elapsed time (s)', 'elapsed_time'],
    ['Tput (req/s)', 'request_throughput'],
    ['Tput (tok/s)', 'token_throughput'],
  ],
  serving: [
    ['# of req.', 'num_requests'],
    ['Tput (req/s)', 'request_throughput'],
    ['Mean TTFT (ms)', 'ttft_mean'],
    ['Median TTFT (ms)', 'ttft_median'],
    ['P99 TTFT (ms)', 'ttft_p99'],
    ['Mean TPOT (ms)', 'tpot_mean'],
    ['Median', 'tpot_median'],
    ['P99', 'tpot_p99'],
    ['Mean ITL (ms)', 'itl_mean'],
    ['Median ITL (ms)', 'itl_median'],
  ],
};

interface RecordRow {
  readonly suite: Suite;
  readonly model: string;
  readonly tp: number;
  readonly dataset: string;
  readonly qps: number;
  readonly gpuType: string;
  readonly gpuCount: number;
  readonly gpuStyle: 'counted' | 'list';
  readonly values: readonly WrittenValue[];
}

function recordTestName(row: RecordRow): string {
  const base = `${row.suite}_${row.model}_tp${row.tp}`;
  if (row.suite !== 'serving') return base;
  return `${base}_${row.dataset}_qps_${row.qps === Infinity ? 'inf' : row.qps}`;
}

const recordRow: fc.Arbitrary<RecordRow> = fc
  .record({
    suite: fc.constantFrom<Suite>('latency', 'throughput', 'serving'),
    model: fc.constantFrom(...MODEL_TOKENS),
    tp: fc.integer({ min: 1, max: 8 }),
    dataset: fc.constantFrom(...DATASETS),
    qps: fc.constantFrom(...QPS_VALUES),
    gpuType: fc.constantFrom(...GPU_TYPES),
    gpuCount: fc.integer({ min: 2, max: 16 }),
    gpuStyle: fc.constantFrom<'counted' | 'list'>('counted', 'list'),
    values: fc.array(writtenValue, { minLength: 10, maxLength: 10 }),
  })
  .map((row) => ({ ...row, values: row.values.slice(0, RECORD_COLUMNS[row.suite].length) }));

function writeRecord(row: RecordRow): string {
  const gpu =
    row.gpuStyle === 'counted'
      ? `${row.gpuCount}x${row.gpuType}`
      : Array<string>(row.gpuCount).fill(row.gpuType).join('\n');
  return pythonObject([
    ['Test name', JSON.stringify(recordTestName(row))],
    ['GPU', JSON.stringify(gpu)],
    ...RECORD_COLUMNS[row.suite].map(
      ([column], c) => [column, pythonNumber(row.values[c] ?? 'NaN')] as const,
    ),
  ]);
}

function sameDimensions(result: BenchmarkResult | undefined, row: RecordRow): boolean {
  return (
    result !== undefined &&
    result.suite === row.suite &&
    result.model === row.model &&
    result.tp === row.tp &&
    result.qps === (row.suite === 'serving' ? row.qps : null) &&
    result.dataset === (row.suite === 'serving' ? row.dataset : null) &&
    result.gpu?.type === row.gpuType &&
    result.gpu.count === row.gpuCount
  );
}

describe('round trips', () => {
  it(
    `records JSON: any rows of mixed suites, in any order, wrapped or not (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(recordRow, { minLength: 1, maxLength: 8, selector: recordTestName }),
          fc.constantFrom(null, 'results', 'serving_results', 'benchmarks', 'data'),
          (rows, wrapper) => {
            const list = `[${rows.map(writeRecord).join(', ')}]`;
            const text = wrapper === null ? list : `{${JSON.stringify(wrapper)}: ${list}}`;
            const outcome = parseResultsText(text);
            if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
            const { format, results, warnings } = outcome.value;
            if (format.id !== 'vllm-records-json' || warnings.length !== 0) {
              throw new Error(`${format.label} with ${JSON.stringify(warnings)}`);
            }
            if (results.length !== rows.length) throw new Error(`${results.length} results`);
            for (const row of rows) {
              const name = recordTestName(row);
              const result = results.find((entry) => entry.testName === name);
              if (!sameDimensions(result, row)) {
                throw new Error(`${name} came back as ${JSON.stringify(result)}`);
              }
              RECORD_COLUMNS[row.suite].forEach(([, key], c) => {
                const expected = valueOf(row.values[c] ?? 'NaN');
                if (!sameNumber(result?.metrics[key], expected)) {
                  throw new Error(
                    `${name} ${key}: ${String(result?.metrics[key])}, not ${String(expected)}`,
                  );
                }
              });
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  // --- serve JSON, single and as lines

  const SERVE_SCALARS: readonly (readonly [string, string])[] = [
    ['request_throughput', 'request_throughput'],
    ['output_throughput', 'output_throughput'],
    ['total_token_throughput', 'total_token_throughput'],
    ['total_input_tokens', 'total_input_tokens'],
    ['total_output_tokens', 'total_output_tokens'],
    ['completed', 'num_requests'],
    ['failed', 'failed_requests'],
    ['max_output_tokens_per_s', 'max_output_tokens_per_s'],
    ['max_concurrent_requests', 'max_concurrent_requests'],
    ['duration', 'elapsed_time'],
  ];
  const MODEL_IDS = [
    'meta-llama/Llama-3.1-8B-Instruct',
    'meta-llama/Meta-Llama-3-70B-Instruct',
    'Qwen/Qwen3-32B',
    'mistralai/Mixtral-8x7B-Instruct-v0.1',
  ];

  interface ServeRun {
    readonly modelId: string;
    readonly tp: number | null;
    readonly qps: number;
    readonly concurrency: number | null;
    readonly day: number;
    readonly scalars: readonly WrittenValue[];
    readonly goodput: { readonly colon: boolean; readonly value: WrittenValue | null } | null;
    /** Per quantity: mean, median, std and percentiles (e2el without P50, which tells swaps). */
    readonly stats: Readonly<Record<string, readonly (readonly [string, WrittenValue])[]>>;
  }

  const statList = (quantity: string) =>
    fc
      .uniqueArray(
        fc.constantFrom(
          'mean',
          'median',
          'std',
          ...(quantity === 'e2el'
            ? ['p25', 'p90', 'p99', 'p99.9']
            : ['p25', 'p50', 'p90', 'p99', 'p99.9']),
        ),
        { maxLength: 7 },
      )
      .chain((names) =>
        fc.tuple(...names.map((name) => writtenValue.map((value) => [name, value] as const))),
      );

  const serveRun: fc.Arbitrary<ServeRun> = fc.record({
    modelId: fc.constantFrom(...MODEL_IDS),
    tp: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    qps: fc.constantFrom(0.5, 1, 4, 16, Infinity),
    concurrency: fc.option(fc.integer({ min: 1, max: 512 }), { nil: null }),
    day: fc.integer({ min: 1, max: 28 }),
    scalars: fc.array(writtenValue, {
      minLength: SERVE_SCALARS.length,
      maxLength: SERVE_SCALARS.length,
    }),
    goodput: fc.option(
      fc.record({ colon: fc.boolean(), value: fc.option(writtenValue, { nil: null }) }),
      { nil: null },
    ),
    stats: fc.record({
      ttft: statList('ttft'),
      tpot: statList('tpot'),
      itl: statList('itl'),
      e2el: statList('e2el'),
    }),
  });

  function writeServe(run: ServeRun): string {
    const entries: [string, string][] = [
      ['date', JSON.stringify(`202506${String(run.day).padStart(2, '0')}-101502`)],
      ['backend', '"vllm"'],
      ['model_id', JSON.stringify(run.modelId)],
      ['tokenizer_id', JSON.stringify(run.modelId)],
      ['num_prompts', '200'],
    ];
    if (run.tp !== null) entries.push(['tensor_parallel_size', JSON.stringify(String(run.tp))]);
    entries.push(['request_rate', run.qps === Infinity ? '"inf"' : JSON.stringify(run.qps)]);
    entries.push(['burstiness', '1.0']);
    entries.push(['max_concurrency', run.concurrency === null ? 'null' : String(run.concurrency)]);
    SERVE_SCALARS.forEach(([key], index) => {
      entries.push([key, pythonNumber(run.scalars[index] ?? 'NaN')]);
    });
    if (run.goodput !== null) {
      entries.push([
        run.goodput.colon ? 'request_goodput:' : 'request_goodput',
        run.goodput.value === null ? 'null' : pythonNumber(run.goodput.value),
      ]);
    }
    for (const [quantity, stats] of Object.entries(run.stats)) {
      for (const [stat, value] of stats) {
        const key = stat.startsWith('p') ? `${stat}_${quantity}_ms` : `${stat}_${quantity}_ms`;
        entries.push([key, pythonNumber(value)]);
      }
    }
    entries.push(['latencies', '[1.0, 2.0]']);
    return pythonObject(entries);
  }

  function serveTestName(run: ServeRun): string {
    const parts = ['serving', run.modelId.split('/').pop() ?? ''];
    if (run.tp !== null) parts.push(`tp${run.tp}`);
    parts.push('qps', run.qps === Infinity ? 'inf' : String(run.qps));
    if (run.concurrency !== null) parts.push('concurrency', String(run.concurrency));
    return parts.join('_');
  }

  function serveProblem(result: BenchmarkResult | undefined, run: ServeRun): string | null {
    if (result === undefined) return 'no result';
    if (
      result.suite !== 'serving' ||
      result.testName !== serveTestName(run) ||
      result.model !== run.modelId ||
      result.tp !== run.tp ||
      result.qps !== run.qps ||
      result.concurrency !== run.concurrency
    ) {
      return 'other dimensions';
    }
    const expected = new Map<string, number | null>();
    SERVE_SCALARS.forEach(([, key], index) =>
      expected.set(key, valueOf(run.scalars[index] ?? 'NaN')),
    );
    if (run.goodput !== null) {
      expected.set(
        'request_goodput',
        run.goodput.value === null ? null : valueOf(run.goodput.value),
      );
    }
    for (const [quantity, stats] of Object.entries(run.stats)) {
      for (const [stat, value] of stats) expected.set(`${quantity}_${stat}`, valueOf(value));
    }
    const keys = Object.keys(result.metrics);
    if (keys.length !== expected.size) return `keys ${keys.join(',')}`;
    for (const [key, value] of expected) {
      if (!sameNumber(result.metrics[key], value)) {
        return `${key}: ${String(result.metrics[key])}, not ${String(value)}`;
      }
    }
    return null;
  }

  it(
    `vllm bench serve JSON: header, results and every percentile (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(serveRun, (run) => {
          const text = writeServe(run);
          const outcome = parseResultsText(text);
          if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
          if (outcome.value.format.id !== 'vllm-serve-json') throw new Error('another format');
          const problem = serveProblem(outcome.value.results[0], run);
          if (problem !== null) throw new Error(`${problem} in ${text}`);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `vllm bench serve JSON lines: several runs, one per line, in order (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.array(serveRun, { minLength: 2, maxLength: 4 }),
          fc.boolean(),
          (runs, crlf) => {
            const text = runs.map(writeServe).join(crlf ? '\r\n' : '\n');
            const outcome = parseResultsText(text);
            if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
            const { format, results } = outcome.value;
            if (format.id !== 'vllm-serve-json-lines' || results.length !== runs.length) {
              throw new Error(`${format.label} with ${results.length} results`);
            }
            runs.forEach((run, index) => {
              const problem = serveProblem(results[index], run);
              if (problem !== null) throw new Error(`line ${index + 1}: ${problem}`);
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  // --- latency and throughput JSON, alone and as PyTorch records

  const PERCENTILES = ['10', '25', '50', '75', '90', '99'];
  const secondsValue = fc.oneof(
    fc.constant<'NaN'>('NaN'),
    fc.double({ min: 0, max: 1e6, noNaN: true }).map((value) => (value === 0 ? 0 : value)),
  );

  interface LatencyRun {
    readonly avg: WrittenValue;
    readonly std: WrittenValue | null;
    readonly percentiles: readonly (readonly [string, WrittenValue])[];
  }

  const latencyRun: fc.Arbitrary<LatencyRun> = fc.record({
    avg: secondsValue,
    std: fc.option(secondsValue, { nil: null }),
    percentiles: fc
      .subarray(PERCENTILES, { minLength: 1 })
      .chain((names) =>
        fc.tuple(...names.map((name) => secondsValue.map((value) => [name, value] as const))),
      ),
  });

  function latencyObject(run: LatencyRun): string {
    const entries: [string, string][] = [['avg_latency', pythonNumber(run.avg)]];
    if (run.std !== null) entries.push(['std_latency', pythonNumber(run.std)]);
    entries.push(['latencies', '[1.0]']);
    entries.push([
      'percentiles',
      pythonObject(run.percentiles.map(([p, v]) => [p, pythonNumber(v)])),
    ]);
    return pythonObject(entries);
  }

  function latencyProblem(result: BenchmarkResult | undefined, run: LatencyRun): string | null {
    if (result?.suite !== 'latency') return 'no latency result';
    const ms = (value: WrittenValue) => {
      const seconds = valueOf(value);
      return seconds === null ? null : seconds * 1000;
    };
    const expected = new Map<string, number | null>([['latency_mean', ms(run.avg)]]);
    if (run.std !== null) expected.set('latency_std', ms(run.std));
    for (const [p, value] of run.percentiles) {
      expected.set(p === '50' ? 'latency_median' : `latency_p${p}`, ms(value));
    }
    if (Object.keys(result.metrics).length !== expected.size) return 'other keys';
    for (const [key, value] of expected) {
      if (!sameNumber(result.metrics[key], value)) return `${key}: ${String(result.metrics[key])}`;
    }
    return null;
  }

  const THROUGHPUT_KEYS: readonly (readonly [string, string])[] = [
    ['elapsed_time', 'elapsed_time'],
    ['num_requests', 'num_requests'],
    ['total_num_tokens', 'total_tokens'],
    ['requests_per_second', 'request_throughput'],
    ['tokens_per_second', 'token_throughput'],
  ];

  it(
    `vllm bench latency JSON: seconds in, ms out, percentiles by number (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(latencyRun, fc.integer({ min: 1, max: 8 }), (run, tp) => {
          const text = latencyObject(run);
          const outcome = parseResultsText(text, `latency_llama8B_tp${tp}.json`);
          if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
          const [result] = outcome.value.results;
          const problem = latencyProblem(result, run);
          if (problem !== null || result?.tp !== tp) throw new Error(`${problem} in ${text}`);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `vllm bench throughput JSON: the five keys under their metric names (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.array(writtenValue, { minLength: 5, maxLength: 5 }),
          fc.integer({ min: 1, max: 8 }),
          (values, tp) => {
            const text = pythonObject(
              THROUGHPUT_KEYS.map(([key], index) => [key, pythonNumber(values[index] ?? 'NaN')]),
            );
            const outcome = parseResultsText(text, `throughput_mixtral8x7B_tp${tp}.json`);
            if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
            const [result] = outcome.value.results;
            if (result?.testName !== `throughput_mixtral8x7B_tp${tp}` || result.tp !== tp) {
              throw new Error(`named ${String(result?.testName)}`);
            }
            THROUGHPUT_KEYS.forEach(([, key], index) => {
              if (!sameNumber(result.metrics[key], valueOf(values[index] ?? 'NaN'))) {
                throw new Error(`${key} in ${text}`);
              }
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `PyTorch benchmark JSON: latency and throughput runs as one record per metric (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(
          latencyRun,
          fc.array(writtenValue, { minLength: 5, maxLength: 5 }),
          fc.constantFrom(...MODEL_IDS),
          fc.integer({ min: 1, max: 8 }),
          (latency, throughput, model, tp) => {
            const args = `{"model": ${JSON.stringify(model)}, "tensor_parallel_size": ${tp}, "max_model_len": "inf", "batch_size": 8}`;
            const record = (name: string, values: string, extra: string) =>
              `{"benchmark": {"name": "vLLM benchmark", "extra_info": {"args": ${args}}}, "model": {"name": ${JSON.stringify(model)}}, "metric": {"name": "${name}", "benchmark_values": ${values}, "extra_info": ${extra}}}`;
            const latencyExtra = latencyObject(latency);
            const throughputExtra = pythonObject(
              THROUGHPUT_KEYS.slice(0, 3).map(([key], index) => [
                key,
                pythonNumber(throughput[index] ?? 'NaN'),
              ]),
            );
            const text = `[${[
              record('latency', '[1.0, 1.1]', latencyExtra),
              record(
                'requests_per_second',
                `[${pythonNumber(throughput[3] ?? 'NaN')}]`,
                throughputExtra,
              ),
              record(
                'tokens_per_second',
                `[${pythonNumber(throughput[4] ?? 'NaN')}]`,
                throughputExtra,
              ),
            ].join(', ')}]`;
            const outcome = parseResultsText(text);
            if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
            const [latencyResult, throughputResult] = outcome.value.results;
            const problem = latencyProblem(latencyResult, latency);
            if (problem !== null) throw new Error(`${problem} in ${text}`);
            if (
              latencyResult?.model !== model ||
              latencyResult.tp !== tp ||
              throughputResult?.suite !== 'throughput' ||
              throughputResult.tp !== tp
            ) {
              throw new Error(`dimensions in ${text}`);
            }
            THROUGHPUT_KEYS.forEach(([, key], index) => {
              if (!sameNumber(throughputResult.metrics[key], valueOf(throughput[index] ?? 'NaN'))) {
                throw new Error(`${key} in ${text}`);
              }
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `a result with its .commands file: TP, model and GPU from the commands (${RUNS} runs)`,
    () => {
      const tpOption = fc
        .record({ tp: fc.integer({ min: 1, max: 64 }), style: fc.integer({ min: 0, max: 3 }) })
        .map(({ tp, style }) => ({
          tp,
          text:
            [
              `--tensor-parallel-size ${tp}`,
              `--tensor-parallel-size=${tp}`,
              `-tp ${tp}`,
              `--tensor_parallel_size "${tp}"`,
            ][style] ?? '',
        }));
      fc.assert(
        fc.property(
          tpOption,
          fc.integer({ min: 1, max: 8 }),
          fc.constantFrom(...MODEL_IDS),
          fc.constantFrom(...GPU_TYPES),
          fc.integer({ min: 1, max: 16 }),
          fc.constantFrom(' ', '   ', ' \\\n   '),
          (option, nameTp, model, gpuType, gpuCount, gap) => {
            const base = `throughput_llama8B_tp${nameTp}`;
            const commands = JSON.stringify({
              throughput_command: `vllm bench throughput${gap}--output-json results/${base}.json${gap}--model ${model}${gap}${option.text} --load-format dummy`,
              gpu_type: Array<string>(gpuCount).fill(gpuType).join('\n'),
            });
            const [entry, ...rest] = parseResultFiles([
              { name: `${base}.commands`, text: commands },
              {
                name: `${base}.json`,
                text: '{"requests_per_second": 2.5, "tokens_per_second": 900.0}',
              },
            ]);
            if (entry === undefined || rest.length !== 0 || !entry.outcome.ok) {
              throw new Error(`not one good entry for ${commands}`);
            }
            const { results, warnings } = entry.outcome.value;
            const [result] = results;
            const warned = warnings.some((warning) => warning.includes(`tp${nameTp}`));
            if (
              result?.tp !== option.tp ||
              result.model !== model ||
              result.gpu?.type !== gpuType ||
              result.gpu.count !== (gpuCount === 1 ? null : gpuCount) ||
              warned !== (option.tp !== nameTp)
            ) {
              throw new Error(
                `${JSON.stringify(result)} ${JSON.stringify(warnings)} for ${commands}`,
              );
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
