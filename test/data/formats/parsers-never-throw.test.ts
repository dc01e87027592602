// @vitest-environment node
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseEmbeddedJson } from '../../../src/data/formats/embedded-json';
import { normalizeGpu } from '../../../src/data/gpu';
import { parseMarkdownPage } from '../../../src/data/formats/markdown-page';
import { resolveColumns } from '../../../src/data/metrics';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { parsePythonJson } from '../../../src/data/formats/python-json';
import type { ParseErrorKind, ParseOutcome } from '../../../src/data/results/result-model';
import { parseTestName } from '../../../src/data/formats/test-name';
import {
  METRIC_COLUMNS,
  NIGHTLY_TESTS,
  SEED_RUNS,
  SUITE_NAMES,
  readRepoFile,
} from '../nightly-runs';
import { propertyRuns } from '../../helpers/property-runs';

const RUNS = propertyRuns(10_000);

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
