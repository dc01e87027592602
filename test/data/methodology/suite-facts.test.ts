// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  Distinct,
  collect,
  listText,
  newCollector,
  suiteFacts,
  type CommandGroup,
} from '../../../src/data/methodology/suite-facts';
import type { BenchmarkResult } from '../../../src/data/results/result-model';

/** Two serving tests of one file: they share one attributes record, as a table's rows do. */
const attributes = {
  num_prompts: '200',
  burstiness: '0.5',
  server_command: 'vllm serve llama',
  vllm_commit: 'abc123',
};

function serving(testName: string, model: string, tp: number, qps: number): BenchmarkResult {
  return {
    suite: 'serving',
    testName,
    model,
    tp,
    pp: null,
    dp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    engine: null,
    metrics: {},
    attributes,
  };
}

describe('listText', () => {
  it('names up to 12 values and counts the rest', () => {
    expect(listText(['a', 'b', 'c'])).toBe('a, b, c');
    const fourteen = Array.from({ length: 14 }, (_, i) => `v${i + 1}`);
    expect(listText(fourteen)).toBe('v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12 and 2 more');
  });
});

describe('Distinct', () => {
  it('keeps each value once, in first-seen order', () => {
    const values = new Distinct<string>();
    for (const value of ['a', 'a', 'b', 'a']) values.add(value);
    expect(values.list()).toEqual(['a', 'b']);
    expect(values.size).toBe(2);
  });
});

describe('collect and suiteFacts', () => {
  it('states each distinct value once, numbers by size, and groups a command by its text', () => {
    const collector = newCollector();
    const commands = new Map<string, CommandGroup>();
    const commits = new Set<string>();
    collect(serving('qps_inf', 'llama70B', 4, Infinity), collector, commands, commits);
    collect(serving('qps_16', 'llama8B', 1, 16), collector, commands, commits);
    collect(serving('qps_16_again', 'llama8B', 1, 16), collector, commands, commits);

    expect(suiteFacts(collector)).toEqual([
      { term: 'Models', value: 'llama70B, llama8B' },
      { term: 'Prompt dataset', value: 'sharegpt' },
      { term: 'Prompts', value: '200' },
      { term: 'QPS', value: '16, inf' },
      {
        term: 'Request arrivals (burstiness)',
        value: '0.5 (gamma-distributed arrivals, burstier than Poisson)',
      },
      { term: 'TP', value: '1, 4' },
    ]);
    expect(collector.tests.list()).toEqual(['qps_inf', 'qps_16', 'qps_16_again']);
    expect([...commits]).toEqual(['abc123']);
    const groups = [...commands.values()];
    expect(groups.map((group) => [group.key, group.command, group.tests.list()])).toEqual([
      ['server_command', 'vllm serve llama', ['qps_inf', 'qps_16', 'qps_16_again']],
    ]);
  });

  it('states the PP and DP sizes the results state, by size', () => {
    const collector = newCollector();
    const commands = new Map<string, CommandGroup>();
    const commits = new Set<string>();
    const base = serving('a', 'llama70B', 4, 1);
    collect({ ...base, pp: 2, dp: 4 }, collector, commands, commits);
    collect({ ...base, pp: 2, dp: 2 }, collector, commands, commits);
    const terms = suiteFacts(collector).filter((fact) => fact.term === 'PP' || fact.term === 'DP');
    expect(terms).toEqual([
      { term: 'PP', value: '2' },
      { term: 'DP', value: '2, 4' },
    ]);
  });

  it('says nothing for a suite whose results state nothing', () => {
    expect(suiteFacts(newCollector())).toEqual([]);
  });
});
