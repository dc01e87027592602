/** Generated values written the way Python writes them, for the property tests in this folder. */
import fc from 'fast-check';
import { propertyRuns } from '../../helpers/property-runs';

export const RUNS = propertyRuns(10_000);
export const TIMEOUT = 180_000;

/** A metric value as Python's json.dumps writes it: a bare NaN, an integer as `N.0`, or a double. */
export type WrittenValue = 'NaN' | { readonly integer: number } | number;

export const writtenValue: fc.Arbitrary<WrittenValue> = fc.oneof(
  fc.constant<'NaN'>('NaN'),
  fc.integer({ min: 0, max: 10_000_000 }).map((integer) => ({ integer })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
);

export function pythonNumber(value: WrittenValue): string {
  if (value === 'NaN') return 'NaN';
  if (typeof value === 'number') return JSON.stringify(value);
  return `${value.integer}.0`;
}

export function valueOf(value: WrittenValue): number | null {
  if (value === 'NaN') return null;
  return typeof value === 'number' ? value : value.integer;
}

/** A JSON object written the way Python writes it, values already written. */
export function pythonObject(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}: ${value}`).join(', ')}}`;
}

export function sameNumber(actual: number | null | undefined, expected: number | null): boolean {
  return Object.is(actual, expected);
}

export const MODEL_TOKENS = ['llama8B', 'llama70B', 'mixtral8x7B', 'qwen3-32B'];
export const GPU_TYPES = ['H100', 'H200', 'A100-SXM4-80GB', 'MI300X', 'gaudi2-hpu', 'cpu'];
export const DATASETS = ['sharegpt', 'random', 'sonnet'];
export const QPS_VALUES = [1, 4, 16, Infinity];

/** Model ids as vLLM's raw result files name them. */
export const MODEL_IDS = [
  'meta-llama/Llama-3.1-8B-Instruct',
  'meta-llama/Meta-Llama-3-70B-Instruct',
  'Qwen/Qwen3-32B',
  'mistralai/Mixtral-8x7B-Instruct-v0.1',
];
