// @vitest-environment node
/**
 * Properties of the readers, each checked on 10,000 generated inputs: nothing throws, and every
 * refusal is a typed error of a known kind. Checks are plain comparisons (not `expect`) for speed.
 */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { readCommandLine, splitCommandLine } from '../../../src/data/formats/commands';
import { readFileName } from '../../../src/data/formats/file-name';
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import type {
  FormatId,
  ParseErrorKind,
  ParseOutcome,
} from '../../../src/data/results/result-model';
import { fixture } from './fixtures';
import { RUNS, TIMEOUT } from './property-values';

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
  'sglang-bench-serving',
  'vllm-sweep-json',
  'perf-eval',
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

const FORMAT_DIRS = [
  'serve',
  'latency',
  'throughput',
  'pytorch',
  'records',
  'markdown',
  'traps',
  'sglang',
  'sweep',
  'perf-eval',
];
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
  '"request_rate": Infinity',
  '"total_throughput": 7680.0',
  '"mean_e2e_latency_ms": 1590.5',
  '"concurrency": 15.9',
  '"server_info": {"model_path": "m", "tp_size": 2}',
  '"backend": "sglang-oai"',
  '"framework": "sgl"',
  '"type": "warmup"',
  '"run_number": -1',
  '"aggregation_method": "median"',
  '"tput_per_gpu": 8151.0',
  '"conc": 32',
  '"median_ttft": 0.0845',
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
