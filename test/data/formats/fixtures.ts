/** Reading the format fixtures and asking the parsers about them, for the tests in this folder. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import type {
  BenchmarkResult,
  ParseError,
  ParseOutcome,
  ParsedResults,
} from '../../../src/data/results/result-model';

const fixtureRoot = resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats');

/** A fixture's text by its path under test/fixtures/formats. */
export function fixture(path: string): string {
  return readFileSync(resolve(fixtureRoot, path), 'utf8');
}

/** A `vllm bench serve` JSON of a 4 req/s run of 200 requests, with some fields changed or added. */
export function serveText(fields: Record<string, unknown>): string {
  return JSON.stringify({
    date: '20250601-120000',
    backend: 'vllm',
    model_id: 'meta-llama/Llama-3.1-8B-Instruct',
    request_rate: 4.0,
    duration: 52.79,
    completed: 200,
    request_throughput: 3.79,
    ...fields,
  });
}

/** A fixture as a dropped file: its own name and its text. */
export function fixtureFile(path: string): { name: string; text: string } {
  const name = path.split('/').pop() ?? path;
  return { name, text: fixture(path) };
}

export function parsedOrFail(outcome: ParseOutcome): ParsedResults {
  if (!outcome.ok) throw new Error(`did not parse: ${outcome.error.message}`);
  return outcome.value;
}

export function refusedOrFail(outcome: ParseOutcome): ParseError {
  if (outcome.ok) throw new Error(`parsed as ${outcome.value.format.label}, but should be refused`);
  return outcome.error;
}

/** A fixture parsed by content, with its file name as the hint. */
export function parseFixture(path: string): ParsedResults {
  const { name, text } = fixtureFile(path);
  return parsedOrFail(parseResultsText(text, name));
}

/** Fixtures dropped together; the outcomes by file name. */
export function parseFixtures(paths: readonly string[]): Map<string, ParseOutcome> {
  const outcomes = parseResultFiles(paths.map(fixtureFile));
  return new Map(outcomes.map(({ name, outcome }) => [name, outcome]));
}

/** The one result with this test name. */
export function named(parsed: ParsedResults, testName: string): BenchmarkResult {
  const matches = parsed.results.filter((result) => result.testName === testName);
  if (matches.length !== 1) {
    const names = parsed.results.map((result) => result.testName).join(', ');
    throw new Error(`${matches.length} results named ${testName} among ${names}`);
  }
  return matches[0] as BenchmarkResult;
}

/** The only result of a file that holds one. */
export function only(parsed: ParsedResults): BenchmarkResult {
  if (parsed.results.length !== 1) throw new Error(`${parsed.results.length} results, not one`);
  return parsed.results[0] as BenchmarkResult;
}
