// @vitest-environment node
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseEmbeddedJson } from '../../../src/data/formats/embedded-json';
import { normalizeGpu } from '../../../src/data/gpu';
import { parseMarkdownPage } from '../../../src/data/formats/markdown-page';
import { resolveColumns } from '../../../src/data/metrics';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { parsePythonJson } from '../../../src/data/formats/python-json';
import type {
  GpuSpec,
  ParseErrorKind,
  ParseOutcome,
  Suite,
} from '../../../src/data/results/result-model';
import { parseTestName } from '../../../src/data/formats/test-name';
import {
  METRIC_COLUMNS,
  NIGHTLY_TESTS,
  SEED_RUNS,
  SUITE_NAMES,
  readRepoFile,
  type ExpectedTest,
} from '../nightly-runs';

const RUNS = 10_000;

const KNOWN_KINDS: readonly ParseErrorKind[] = [
  'empty',
  'binary',
  'invalid-json',
  'not-results',
  'no-rows',
];

/**
 * What is wrong with an outcome, or null: a result has results and a format label; a refusal
 * has a known kind and a message. Plain checks rather than `expect`, to keep 10,000 runs fast.
 */
function outcomeProblem(outcome: ParseOutcome): string | null {
  if (outcome.ok) {
    if (outcome.value.results.length === 0) return 'a success without results';
    return outcome.value.format.label === '' ? 'a success without a format label' : null;
  }
  if (!KNOWN_KINDS.includes(outcome.error.kind))
    return `an unknown error kind ${outcome.error.kind}`;
  return outcome.error.message.trim() === '' ? 'an error without a message' : null;
}

interface Target {
  readonly name: string;
  /** Runs the function on the text; returns what is wrong with its answer, or null. */
  readonly problem: (text: string) => string | null;
}

const TARGETS: readonly Target[] = [
  { name: 'parseResultsText', problem: (text) => outcomeProblem(parseResultsText(text)) },
  { name: 'parseEmbeddedJson', problem: (text) => outcomeProblem(parseEmbeddedJson(text)) },
  { name: 'parseMarkdownPage', problem: (text) => outcomeProblem(parseMarkdownPage(text)) },
  {
    name: 'parsePythonJson',
    problem: (text) => {
      const parsed = parsePythonJson(text);
      if (parsed.ok) return null;
      if (parsed.message.trim() === '') return 'an error without a message';
      const badPosition = [parsed.line, parsed.column].some(
        (position) => position !== undefined && !(Number.isSafeInteger(position) && position >= 1),
      );
      return badPosition ? `a bad position ${parsed.line}:${parsed.column}` : null;
    },
  },
  {
    name: 'parseTestName',
    problem: (text) => {
      const parts = parseTestName(text);
      if (parts.suite !== null && !SUITE_NAMES.includes(parts.suite)) return 'an unknown suite';
      const lacking = parts.model === null || parts.tp === null;
      return parts.complete && lacking ? 'complete without a model and TP' : null;
    },
  },
  {
    name: 'normalizeGpu',
    problem: (text) => {
      const gpu = normalizeGpu(text);
      if (gpu === null) return null;
      if (gpu.type === '') return 'an empty GPU type';
      return gpu.count === null || Number.isSafeInteger(gpu.count)
        ? null
        : 'a count that is no integer';
    },
  },
  {
    name: 'resolveColumns',
    problem: (text) => {
      const headers = text.split('|');
      const roles = resolveColumns(headers);
      if (roles.length !== headers.length) return 'not one role per header';
      const keys = roles.flatMap((role) => (role.kind === 'metric' ? [role.key] : []));
      return new Set(keys).size === keys.length ? null : 'a metric key used twice';
    },
  },
];

/** Every target on the text: throws, naming the function and the input, if any answer is wrong. */
function checkAllTargets(text: string): void {
  for (const target of TARGETS) {
    const problem = target.problem(text);
    if (problem !== null) {
      throw new Error(`${target.name} gave ${problem} for ${JSON.stringify(text.slice(0, 200))}`);
    }
  }
}

/** Pieces of the formats, so random text reaches past the first check of each parser. */
const FRAGMENTS = [
  '|',
  ' | ',
  '---|',
  '|:---|',
  '\n',
  '\r\n',
  '## ',
  'Latency tests\n',
  'Serving tests\n',
  'json version of the benchmarking tables\n',
  '```json\n',
  '```\n',
  'Test name',
  'GPU',
  'Mean TTFT (ms)',
  'Median',
  'P99',
  'P50 (s)',
  'Tput (req/s)',
  'TP Size',
  '8xH100',
  'H100\nH100',
  'serving_llama8B_tp1_sharegpt_qps_inf',
  'latency_llama8B_tp1',
  '_tp',
  '_qps_',
  '{"latency": ',
  '{"serving": {"Test name": {"0": ',
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  'NaN',
  'Infinity',
  '-Infinity',
  '200.0',
  'inf',
  '__proto__',
  '\uFEFF',
  '\u0000',
];

const SEED_TEXTS = SEED_RUNS.flatMap((run) => [
  readRepoFile(run.jsonPath),
  readRepoFile(run.markdownPath),
]);

const insertion = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(...FRAGMENTS),
);

/** A text of the corpus, sliced or whole, with a few characters removed and inserted. */
function mutated(corpus: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({
      text: fc.constantFrom(...corpus),
      start: fc.nat(),
      // Mostly slices, sometimes the whole file: whole files are slow to parse 10,000 times.
      length: fc.oneof(
        { arbitrary: fc.nat({ max: 800 }), weight: 19 },
        { arbitrary: fc.constant(Infinity), weight: 1 },
      ),
      edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: insertion }), {
        maxLength: 6,
      }),
    })
    .map(({ text, start, length, edits }) => {
      const from = length === Infinity ? 0 : start % (text.length + 1);
      let result = text.slice(from, from + length);
      for (const { at, remove, insert } of edits) {
        const cut = at % (result.length + 1);
        result = result.slice(0, cut) + insert + result.slice(cut + remove);
      }
      return result;
    });
}

const INPUTS: readonly { readonly name: string; readonly text: fc.Arbitrary<string> }[] = [
  { name: 'arbitrary strings', text: fc.string({ maxLength: 100 }) },
  { name: 'grapheme strings', text: fc.string({ unit: 'grapheme', maxLength: 100 }) },
  { name: 'binary strings', text: fc.string({ unit: 'binary', maxLength: 100 }) },
  { name: 'JSON texts', text: fc.jsonValue().map((value) => JSON.stringify(value)) },
  {
    name: 'format fragments',
    text: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
  },
  { name: 'mutated seed files', text: mutated(SEED_TEXTS) },
];

describe.each(INPUTS)('on $name', ({ text }) => {
  it(`no function throws, and each answers well-formed (${RUNS} runs of all seven)`, () => {
    fc.assert(fc.property(text, checkAllTargets), { numRuns: RUNS });
  });
});

describe('the small readers never throw on mutated values of their own kind', () => {
  const checkOne = (name: string) => (text: string) => {
    const problem = TARGETS.find((target) => target.name === name)?.problem(text);
    if (problem !== null)
      throw new Error(`${name} gave ${String(problem)} for ${JSON.stringify(text)}`);
  };

  it('parseTestName on mutated test names', () => {
    const names = [
      ...NIGHTLY_TESTS.keys(),
      'serving_qwen3-32B_tp2_random_128_128_qps_8_concurrency_16',
      'serving_llama70B_tp4_sharegpt_specdecode_qps_2',
    ];
    fc.assert(fc.property(mutated(names), checkOne('parseTestName')), { numRuns: RUNS });
  });

  it('normalizeGpu on mutated GPU values', () => {
    const values = [
      'H100\nH100\nH100\nH100',
      '8xH100',
      '8×A100-SXM4-80GB',
      'NVIDIA H100 80GB HBM3',
    ];
    fc.assert(fc.property(mutated(values), checkOne('normalizeGpu')), { numRuns: RUNS });
  });

  it('resolveColumns on arrays of arbitrary and mutated headers', () => {
    const headers = [...METRIC_COLUMNS.serving.keys(), 'Test name', 'GPU', 'Median', 'P99'];
    const header = fc.oneof(fc.string(), fc.constantFrom(...headers), mutated(headers));
    fc.assert(
      fc.property(fc.array(header, { maxLength: 20 }), (list) => {
        const roles = resolveColumns(list);
        if (roles.length !== list.length)
          throw new Error(`not one role per header: ${JSON.stringify(list)}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('embedded JSON round trip', () => {
  const TYPES = ['H100', 'H200', 'A100-SXM4-80GB', 'MI300X', 'gaudi2-hpu', 'cpu'];
  const gpuCell = fc
    .record({
      type: fc.constantFrom(...TYPES),
      count: fc.integer({ min: 1, max: 16 }),
      style: fc.constantFrom('list', 'counted'),
    })
    // One line is a bare type, whose count nobody can tell: a list has at least two.
    .filter(({ count, style }) => style === 'counted' || count >= 2)
    .map(({ type, count, style }) => ({
      cell: style === 'list' ? Array<string>(count).fill(type).join('\n') : `${count}x${type}`,
      gpu: { type, count } satisfies GpuSpec,
    }));
  // A missing value (the bare NaN token), an integer written as a float, or any finite double.
  const metricValue = fc.oneof(
    fc.constant<'NaN'>('NaN'),
    fc.integer({ min: 0, max: 1_000_000 }).map((value) => ({ integer: value })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
  );

  interface Row {
    readonly testName: string;
    readonly expected: ExpectedTest;
    readonly gpuCell: string;
    readonly gpu: GpuSpec;
    readonly values: readonly (number | 'NaN' | { integer: number })[];
  }

  const suiteRows = (suite: Suite): fc.Arbitrary<{ rows: Row[]; indexes: number[] }> => {
    const names = [...NIGHTLY_TESTS].filter(([, test]) => test.suite === suite);
    const columnCount = METRIC_COLUMNS[suite].size;
    // At most six rows a suite keeps 10,000 runs quick; the seed tests cover full tables.
    return fc.shuffledSubarray(names, { maxLength: Math.min(6, names.length) }).chain((picked) =>
      fc.record({
        rows: fc.tuple(
          ...picked.map(([testName, expected]) =>
            fc
              .record({
                gpu: gpuCell,
                values: fc.array(metricValue, {
                  minLength: columnCount,
                  maxLength: columnCount,
                }),
              })
              .map(({ gpu, values }): Row => ({
                testName,
                expected,
                gpuCell: gpu.cell,
                gpu: gpu.gpu,
                values,
              })),
          ),
        ),
        indexes: fc.uniqueArray(fc.nat({ max: 999 }), {
          minLength: picked.length,
          maxLength: picked.length,
        }),
      }),
    );
  };

  /** Writes a cell as pandas and Python's json.dumps would. */
  function pythonNumber(value: number | 'NaN' | { integer: number }): string {
    if (value === 'NaN') return 'NaN';
    if (typeof value === 'number') return JSON.stringify(value);
    return `${value.integer}.0`;
  }

  function serialize(
    suites: Readonly<Partial<Record<Suite, { rows: Row[]; indexes: number[] }>>>,
  ): string {
    const parts: string[] = [];
    for (const suite of SUITE_NAMES) {
      const table = suites[suite];
      if (table === undefined) continue;
      const { rows, indexes } = table;
      const column = (cellOf: (row: Row) => string) =>
        `{${rows.map((row, i) => `${JSON.stringify(String(indexes[i]))}: ${cellOf(row)}`).join(', ')}}`;
      const columns = [
        `"Test name": ${column((row) => JSON.stringify(row.testName))}`,
        `"GPU": ${column((row) => JSON.stringify(row.gpuCell))}`,
        ...[...METRIC_COLUMNS[suite].keys()].map(
          (name, c) =>
            `${JSON.stringify(name)}: ${column((row) => pythonNumber(row.values[c] ?? 'NaN'))}`,
        ),
      ];
      parts.push(`${JSON.stringify(suite)}: {${rows.length === 0 ? '' : columns.join(', ')}}`);
    }
    return `{${parts.join(', ')}}`;
  }

  const anySuite = (suite: Suite) => fc.option(suiteRows(suite), { nil: undefined });

  it('gives back every test with its dimensions and values, whatever the row order', () => {
    fc.assert(
      fc.property(
        fc.record({
          latency: anySuite('latency'),
          throughput: anySuite('throughput'),
          serving: anySuite('serving'),
        }),
        (suites) => {
          const text = serialize(suites);
          const outcome = parseEmbeddedJson(text);
          const rows = SUITE_NAMES.flatMap((suite) => suites[suite]?.rows ?? []);
          if (rows.length === 0) {
            if (outcome.ok) throw new Error(`no rows, yet parsed: ${text}`);
            return;
          }
          if (!outcome.ok) throw new Error(`${outcome.error.message} in ${text}`);
          const results = outcome.value.results;
          if (results.length !== rows.length) throw new Error(`${results.length} results`);
          // Plain comparisons rather than `expect`, to keep 10,000 runs fast.
          for (const row of rows) {
            const result = results.find((entry) => entry.testName === row.testName);
            const wanted = row.expected;
            const same =
              result !== undefined &&
              result.suite === wanted.suite &&
              result.model === wanted.model &&
              result.tp === wanted.tp &&
              result.qps === wanted.qps &&
              result.gpu?.type === row.gpu.type &&
              result.gpu.count === row.gpu.count;
            if (!same) throw new Error(`${row.testName} came back as ${JSON.stringify(result)}`);
            [...METRIC_COLUMNS[wanted.suite].values()].forEach((key, c) => {
              const written = row.values[c];
              const value =
                written === 'NaN' || written === undefined
                  ? null
                  : typeof written === 'number'
                    ? written
                    : written.integer;
              if (!Object.is(result.metrics[key], value)) {
                throw new Error(
                  `${row.testName} ${key}: ${String(result.metrics[key])}, not ${String(value)}`,
                );
              }
            });
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
