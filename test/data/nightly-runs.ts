/**
 * What the three seed nightly runs hold, written out by hand from CI's test-name grammar and
 * the seed files, so tests can check the parsers against it without asking the parsers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GpuSpec, Suite } from '../../src/data/results/result-model';

const repoRoot = resolve(import.meta.dirname, '..', '..');

/** A repository file as text, by its path from the repository root. */
export function readRepoFile(path: string): string {
  return readFileSync(resolve(repoRoot, path), 'utf8');
}

export interface SeedRun {
  readonly gpuName: string;
  readonly jsonPath: string;
  readonly markdownPath: string;
  readonly gpu: GpuSpec;
}

export const SEED_RUNS: readonly SeedRun[] = [
  {
    gpuName: 'H100',
    jsonPath: 'public/data/nightly-8xH100.json',
    markdownPath: 'test/fixtures/nightly/nightly-8xH100.md',
    gpu: { type: 'H100', count: 8 },
  },
  {
    gpuName: 'H200',
    jsonPath: 'public/data/nightly-8xH200.json',
    markdownPath: 'test/fixtures/nightly/nightly-8xH200.md',
    gpu: { type: 'H200', count: 8 },
  },
  {
    gpuName: 'A100-SXM4-80GB',
    jsonPath: 'public/data/nightly-8xA100-SXM4-80GB.json',
    markdownPath: 'test/fixtures/nightly/nightly-8xA100-SXM4-80GB.md',
    gpu: { type: 'A100-SXM4-80GB', count: 8 },
  },
];

export interface ExpectedTest {
  readonly suite: Suite;
  readonly model: string;
  readonly tp: number;
  /** Offered QPS of a serving test (`inf` = Infinity); null for latency and throughput. */
  readonly qps: number | null;
}

/** The 18 tests of every seed run, with what their names say. */
export const NIGHTLY_TESTS: ReadonlyMap<string, ExpectedTest> = new Map<string, ExpectedTest>([
  ['latency_llama8B_tp1', { suite: 'latency', model: 'llama8B', tp: 1, qps: null }],
  ['latency_llama70B_tp4', { suite: 'latency', model: 'llama70B', tp: 4, qps: null }],
  ['latency_mixtral8x7B_tp2', { suite: 'latency', model: 'mixtral8x7B', tp: 2, qps: null }],
  ['throughput_llama8B_tp1', { suite: 'throughput', model: 'llama8B', tp: 1, qps: null }],
  ['throughput_llama70B_tp4', { suite: 'throughput', model: 'llama70B', tp: 4, qps: null }],
  ['throughput_mixtral8x7B_tp2', { suite: 'throughput', model: 'mixtral8x7B', tp: 2, qps: null }],
  ['serving_llama8B_tp1_sharegpt_qps_1', { suite: 'serving', model: 'llama8B', tp: 1, qps: 1 }],
  ['serving_llama8B_tp1_sharegpt_qps_4', { suite: 'serving', model: 'llama8B', tp: 1, qps: 4 }],
  ['serving_llama8B_tp1_sharegpt_qps_16', { suite: 'serving', model: 'llama8B', tp: 1, qps: 16 }],
  [
    'serving_llama8B_tp1_sharegpt_qps_inf',
    { suite: 'serving', model: 'llama8B', tp: 1, qps: Infinity },
  ],
  ['serving_llama70B_tp4_sharegpt_qps_1', { suite: 'serving', model: 'llama70B', tp: 4, qps: 1 }],
  ['serving_llama70B_tp4_sharegpt_qps_4', { suite: 'serving', model: 'llama70B', tp: 4, qps: 4 }],
  ['serving_llama70B_tp4_sharegpt_qps_16', { suite: 'serving', model: 'llama70B', tp: 4, qps: 16 }],
  [
    'serving_llama70B_tp4_sharegpt_qps_inf',
    { suite: 'serving', model: 'llama70B', tp: 4, qps: Infinity },
  ],
  [
    'serving_mixtral8x7B_tp2_sharegpt_qps_1',
    { suite: 'serving', model: 'mixtral8x7B', tp: 2, qps: 1 },
  ],
  [
    'serving_mixtral8x7B_tp2_sharegpt_qps_4',
    { suite: 'serving', model: 'mixtral8x7B', tp: 2, qps: 4 },
  ],
  [
    'serving_mixtral8x7B_tp2_sharegpt_qps_16',
    { suite: 'serving', model: 'mixtral8x7B', tp: 2, qps: 16 },
  ],
  [
    'serving_mixtral8x7B_tp2_sharegpt_qps_inf',
    { suite: 'serving', model: 'mixtral8x7B', tp: 2, qps: Infinity },
  ],
]);

/** The V4 metric columns of each suite and the metric key each is read into. */
export const METRIC_COLUMNS: Readonly<Record<Suite, ReadonlyMap<string, string>>> = {
  latency: new Map([
    ['Mean latency (ms)', 'latency_mean'],
    ['Median latency (ms)', 'latency_median'],
    ['P99 latency (ms)', 'latency_p99'],
  ]),
  throughput: new Map([['Tput (req/s)', 'request_throughput']]),
  serving: new Map([
    ['Tput (req/s)', 'request_throughput'],
    ['Mean TTFT (ms)', 'ttft_mean'],
    ['Median TTFT (ms)', 'ttft_median'],
    ['P99 TTFT (ms)', 'ttft_p99'],
    ['Mean ITL (ms)', 'itl_mean'],
    ['Median ITL (ms)', 'itl_median'],
    ['P99 ITL (ms)', 'itl_p99'],
  ]),
};

export const SUITE_NAMES: readonly Suite[] = ['latency', 'throughput', 'serving'];
