// @vitest-environment node
/**
 * Properties of the readers of other tools' files, on their fixtures with values swapped for
 * arbitrary JSON and hostile keys (`__proto__`, `constructor`) added: nothing throws, every answer
 * is a success or a typed error, every metric is finite or null, and no prototype is polluted.
 * LLMPerf's per-request lists are also generated whole: their requests are all counted. Checks
 * are plain comparisons (not `expect`) for speed.
 */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import type { ParseOutcome } from '../../../../src/data/results/result-model';
import { fixture } from '../fixtures';
import { TIMEOUT } from '../property-values';
import { propertyRuns } from '../../../helpers/property-runs';

const RUNS = propertyRuns(1_000);
const TOOL_DIRS = ['trtllm-bench', 'aiperf', 'guidellm', 'llmperf', 'llm-d'];
const KNOWN_KINDS = ['empty', 'binary', 'invalid-json', 'not-results', 'no-rows'];

const FIXTURES = TOOL_DIRS.flatMap((dir) =>
  readdirSync(resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'formats', dir)).map(
    (name) => ({ name, text: fixture(`${dir}/${name}`) }),
  ),
);

/** The paths of every value in a JSON value, parents before children. */
function pathsOf(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [[...path]];
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => paths.push(...pathsOf(item, [...path, index])));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key]));
  }
  return paths;
}

/** A copy of `value` with the value at `path` replaced. */
function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => (index === head ? replaced(item, rest, by) : item));
  }
  if (typeof value === 'object' && value !== null && head !== undefined) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    copy[String(head)] = replaced(copy[String(head)], rest, by);
    return copy;
  }
  return value;
}

const HOSTILE: readonly unknown[] = [
  null,
  'inf',
  '',
  -1,
  0,
  1e308,
  'x'.repeat(5000),
  [],
  {},
  { unit: 'parsecs', avg: 1 },
  { units: 's', mean: 'NaN' },
  // An aggregate's statistic whose sums overflow, and an interval that is no number.
  { mean: 1e308, unit: 'ms', ci_low: -1e308, ci_high: 'x', t_critical: 4.3 },
  // A request whose times overflow a sum; a record's key name where a record should be.
  { error_code: null, ttft_s: 1e308, end_to_end_latency_s: 1e308, inter_token_latency_s: 1e308 },
  'error_code',
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
];

/** Adds `__proto__` and `constructor` keys to every object the text opens. */
function withHostileKeys(text: string): string {
  return text.replace(
    /\{/g,
    '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, ',
  );
}

const mutated = fc
  .record({
    file: fc.constantFrom(...FIXTURES),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        by: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...HOSTILE)),
      }),
      { maxLength: 6 },
    ),
    hostileKeys: fc.boolean(),
  })
  .map(({ file, edits, hostileKeys }) => {
    const yaml = file.name.endsWith('.yaml');
    let value: unknown = yaml ? parseYaml(file.text) : JSON.parse(file.text);
    for (const { at, by } of edits) {
      const paths = pathsOf(value);
      value = replaced(value, paths[at % paths.length] ?? [], by);
    }
    if (yaml) return { name: file.name, text: stringifyYaml(value) };
    const text = JSON.stringify(value);
    return { name: file.name, text: hostileKeys ? withHostileKeys(text) : text };
  });

function problemOf(outcome: ParseOutcome): string | null {
  if (!outcome.ok) {
    const { kind, message } = outcome.error;
    if (!KNOWN_KINDS.includes(kind)) return `an unknown error kind ${kind}`;
    return message.trim() === '' ? 'an error without a message' : null;
  }
  if (outcome.value.results.length === 0) return 'a success without results';
  for (const result of outcome.value.results) {
    for (const [key, value] of Object.entries(result.metrics)) {
      if (value !== null && !Number.isFinite(value)) return `metric ${key} is ${String(value)}`;
    }
    if (result.testName === '' || result.testName.length > 200) return 'a bad test name';
  }
  return null;
}

describe("other tools' readers on mutated fixtures", () => {
  it('read every fixture as it is, each format among them', () => {
    const formats = FIXTURES.map(({ name, text }) => {
      const outcome = parseResultsText(text, name);
      return outcome.ok ? outcome.value.format.id : `refused: ${name}`;
    });
    expect([...new Set(formats)].sort()).toEqual([
      'aiperf',
      'aiperf-aggregate',
      'genai-perf',
      'guidellm',
      'llm-d-report',
      'llmperf',
      'llmperf-requests',
      'trtllm-bench',
    ]);
  });

  it(
    `never throw, answer well-formed, keep metrics finite or null, pollute nothing (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(mutated, ({ name, text }) => {
          const problem = problemOf(parseResultsText(text, name));
          if (problem !== null) throw new Error(`${problem} for ${text.slice(0, 300)}`);
          if ((Object.prototype as Record<string, unknown>).polluted !== undefined) {
            throw new Error('Object.prototype was polluted');
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

/** A time in seconds as a request record may hold it: a number, nothing, or something else. */
const requestTime = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom<unknown>(0, null, 'NaN', '0.5', -1, 1e308),
);

/** A per-request record as LLMPerf writes it; error_code null for a request that succeeded. */
const requestRecord = fc.record({
  error_code: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 599 }), fc.string()),
  error_msg: fc.string(),
  ttft_s: requestTime,
  end_to_end_latency_s: requestTime,
  inter_token_latency_s: requestTime,
  number_output_tokens: fc.nat(),
});

describe("LLMPerf's individual responses, generated", () => {
  it(
    `count every request as succeeded or failed, keep metrics finite or null (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(fc.array(requestRecord, { minLength: 1, maxLength: 20 }), (records) => {
          const text = JSON.stringify(records);
          const outcome = parseResultsText(text, 'm_550_150_individual_responses.json');
          const problem = problemOf(outcome);
          if (problem !== null) throw new Error(`${problem} for ${text.slice(0, 300)}`);
          if (!outcome.ok) return;
          const metrics = outcome.value.results[0]?.metrics ?? {};
          const counted = (metrics.num_requests ?? 0) + (metrics.failed_requests ?? 0);
          if (counted !== records.length) {
            throw new Error(`${counted} of ${records.length} requests counted for ${text}`);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
