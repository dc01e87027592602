// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS, datasetSetup } from '../../../src/data/methodology/dataset-setup';
import {
  collect,
  listText,
  newCollector,
  suiteFacts,
  type CommandGroup,
} from '../../../src/data/methodology/suite-facts';
import { MAX_LONG_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../../../src/data/formats/shared';
import type { BenchmarkResult, Dataset, ResultsMeta } from '../../../src/data/results/result-model';
import { factsOf } from './methodology-fixtures';

/** A serving result of 8×H100 with the given changes. */
function serving(change: Partial<BenchmarkResult> = {}): BenchmarkResult {
  return {
    suite: 'serving',
    testName: 'serving_a',
    model: 'llama8B',
    tp: 1,
    pp: null,
    dp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps: 1,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    engine: null,
    metrics: {},
    attributes: {},
    ...change,
  };
}

function dataset(results: readonly BenchmarkResult[], meta?: ResultsMeta): Dataset {
  return {
    id: 'run',
    label: 'PR run',
    source: { kind: 'file', name: 'run.json' },
    format: { id: 'vllm-embedded-json', label: 'hand-made' },
    results,
    warnings: [],
    ...(meta === undefined ? {} : { meta }),
  };
}

/** What one result's attributes say: its suite's facts, commands and commits. */
function readAttributes(attributes: Record<string, string>) {
  const collector = newCollector();
  const commands = new Map<string, CommandGroup>();
  const commits = new Set<string>();
  collect(serving({ attributes }), collector, commands, commits);
  return {
    facts: factsOf(suiteFacts(collector)),
    commands: [...commands.values()].map((group) => group.key),
    commits: [...commits],
  };
}

describe('attributes of results', () => {
  it('takes a column as a command by its name, however it is spelled', () => {
    const keys = ['command', 'cmd', 'Server Command', 'client-cmd', ' bench_cmd ', 'CMD'];
    for (const key of keys)
      expect(readAttributes({ [key]: 'vllm x' }).commands, key).toEqual([key]);
    for (const key of ['commander', 'cmdline', 'command_line', 'my_cmds']) {
      expect(readAttributes({ [key]: 'vllm x' }).commands, key).toEqual([]);
    }
  });

  it('takes a column as the vLLM commit by its name, however it is spelled', () => {
    const keys = [
      'commit',
      'SHA',
      'revision',
      ' vllm_commit ',
      'vllmcommit',
      'vllm commit',
      'vllm-git-sha',
      'gitsha',
      'git sha',
      'commit_hash',
      'commitid',
      'commit id',
      'Git Revision ID',
    ];
    for (const key of keys)
      expect(readAttributes({ [key]: 'abc123' }).commits, key).toEqual(['abc123']);
    for (const key of ['my_commit', 'commit_url', 'commits', 'vllm', 'hash']) {
      expect(readAttributes({ [key]: 'abc123' }).commits, key).toEqual([]);
    }
  });

  it('ignores empty values and reads prompts, data type, backend and burstiness', () => {
    const blank = readAttributes({
      num_prompts: ' ',
      dtype: '',
      backend: 'vllm',
      server_command: '  ',
    });
    expect(blank.commands).toEqual([]);
    expect(blank.facts.Prompts).toBeUndefined();
    expect(blank.facts['Data type']).toBeUndefined();
    expect(blank.facts.Backend).toBe('vllm');
    expect(
      readAttributes({ num_prompts: '500', dtype: 'bfloat16', backend: 'openai' }).facts,
    ).toMatchObject({
      Prompts: '500',
      'Data type': 'bfloat16',
      Backend: 'openai',
    });
  });

  it('says what a burstiness means', () => {
    const arrivals = (value: string) =>
      readAttributes({ burstiness: value }).facts['Request arrivals (burstiness)'];
    expect(arrivals('1')).toBe('1 (Poisson arrivals)');
    expect(arrivals('1.0')).toBe('1.0 (Poisson arrivals)');
    expect(arrivals('0.5')).toBe('0.5 (gamma-distributed arrivals, burstier than Poisson)');
    expect(arrivals('2')).toBe('2 (gamma-distributed arrivals, more uniform than Poisson)');
    for (const value of ['0', '-1', 'Infinity', 'high']) expect(arrivals(value), value).toBe(value);
  });

  it('states models, TP and variants the results have, and nothing for what they leave out', () => {
    const collector = newCollector();
    const commands = new Map<string, CommandGroup>();
    collect(
      serving({ model: '', tp: null, variant: 'specdecode' }),
      collector,
      commands,
      new Set(),
    );
    expect(factsOf(suiteFacts(collector))).toEqual({
      'Prompt dataset': 'sharegpt',
      QPS: '1',
      Variant: 'specdecode',
    });
  });

  it('names 12 values in full', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `v${String(i + 1)}`);
    expect(listText(twelve)).toBe('v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12');
  });
});

describe('what a file recorded about its run', () => {
  it('names commands by their key in words and counts the tests that ran them', () => {
    const setup = datasetSetup(
      dataset([
        serving({ testName: 'a', attributes: { 'Client  Command': 'vllm bench serve' } }),
        serving({ testName: 'b', qps: 2, attributes: { 'Client  Command': 'vllm bench serve' } }),
        serving({ testName: 'c', qps: 4, attributes: { 'Client  Command': 'vllm bench serve' } }),
        serving({ testName: 'd', qps: 8, attributes: { __cmd: 'vllm serve' } }),
        serving({ testName: 'e', qps: 16, attributes: { __cmd: 'vllm serve' } }),
      ]),
    );
    expect(setup.commands.map(({ id, name }) => [id, name])).toEqual([
      ['0:Client  Command', 'client command of a and 2 more tests'],
      ['1:__cmd', 'cmd of d and 1 more test'],
    ]);
  });

  it('gives the commands of the file the one test it has, or the dataset’s name', () => {
    const meta = { commands: { server_command: 'vllm serve x', '-': 'echo', blank: '   ' } };
    const one = datasetSetup(dataset([serving()], meta));
    expect(one.commands.map(({ name, tests }) => [name, tests])).toEqual([
      ['server command of serving_a', ['serving_a']],
      ['command of serving_a', ['serving_a']],
    ]);
    const two = datasetSetup(
      dataset([serving(), serving({ suite: 'latency', testName: 'latency_a', qps: null })], meta),
    );
    expect(two.commands.map(({ name, tests }) => [name, tests])).toEqual([
      ['server command of PR run', []],
      ['command of PR run', []],
    ]);
    const sameName = datasetSetup(
      dataset([serving(), serving({ suite: 'latency', qps: null })], meta),
    );
    expect(sameName.commands[0]?.tests).toEqual(['serving_a']);
    const twoTests = datasetSetup(dataset([serving(), serving({ testName: 'b', qps: 2 })], meta));
    expect(twoTests.commands[0]?.name).toBe('server command of PR run');
    // One suite with two tests and another with one: still no single test.
    const mixed = datasetSetup(
      dataset(
        [
          serving(),
          serving({ testName: 'b', qps: 2 }),
          serving({ suite: 'latency', testName: 'latency_a', qps: null }),
        ],
        meta,
      ),
    );
    expect(mixed.commands[0]?.tests).toEqual([]);
  });

  it('knows a command the reader cut by its length and the … at its end', () => {
    const cutAt = (length: number, end: string) => 'x'.repeat(length - 1) + end;
    const meta = {
      commands: {
        short: cutAt(MAX_TEXT_LENGTH, '…'),
        long: cutAt(MAX_LONG_TEXT_LENGTH, '…'),
        other: cutAt(MAX_TEXT_LENGTH + 1, '…'),
        whole: cutAt(MAX_TEXT_LENGTH, 'x'),
      },
    };
    const setup = datasetSetup(dataset([serving()], meta));
    expect(setup.commands.map(({ key, cut }) => [key, cut])).toEqual([
      ['short', true],
      ['long', true],
      ['other', false],
      ['whole', false],
    ]);
  });

  it('takes the number of prompts from the command of the suite, when the results do not say', () => {
    const prompts = (key: string, command: string, attributes: Record<string, string> = {}) =>
      factsOf(
        datasetSetup(dataset([serving({ attributes })], { commands: { [key]: command } })).suites[0]
          ?.facts ?? [],
      ).Prompts;
    expect(prompts('client_command', 'vllm bench serve --num-prompts 200')).toBe('200');
    expect(prompts('serving_command', 'vllm bench serve --num-prompts=300')).toBe('300');
    expect(prompts('client_command', 'vllm bench serve --num-prompts --seed 1')).toBeUndefined();
    expect(prompts('client_command', 'vllm bench serve --num-prompts')).toBeUndefined();
    expect(prompts('client_command', 'x --max-num-prompts 5 --num-prompts-x 6')).toBeUndefined();
    expect(prompts('client_command', '--num-prompts 200', { num_prompts: '50' })).toBe('50');
    // The latency suite's command tells the latency results' prompts.
    const latencySetup = datasetSetup(
      dataset([serving({ suite: 'latency', testName: 'latency_a', qps: null })], {
        commands: { latency_command: 'vllm bench latency --num-prompts 100' },
      }),
    );
    expect(factsOf(latencySetup.suites[0]?.facts ?? []).Prompts).toBe('100');
    // A command of another suite, or of none, says nothing about serving.
    expect(prompts('latency_command', 'vllm bench latency --num-prompts 200')).toBeUndefined();
    expect(prompts('throughput_command', 'vllm bench --num-prompts 200')).toBeUndefined();
    expect(prompts('server_command', 'vllm serve --num-prompts 200')).toBeUndefined();
    expect(prompts('my_serving_command', 'vllm serve --num-prompts 200')).toBeUndefined();
  });

  it('writes a date and time with a space and any other date as given', () => {
    const date = (value: string) =>
      factsOf(datasetSetup(dataset([serving()], { date: value })).run)['Run date'];
    expect(date('2025-03-12T10:15:02')).toBe('2025-03-12 10:15:02');
    expect(date('on 2025-03-12T10:15:02')).toBe('on 2025-03-12T10:15:02');
    expect(date('12 March')).toBe('12 March');
  });

  it('says the file recorded nothing only when it recorded none of its run facts', () => {
    const nothing = (meta?: ResultsMeta, attributes: Record<string, string> = {}) =>
      datasetSetup(dataset([serving({ attributes })], meta)).recordedNothing;
    expect(nothing()).toBe(true);
    expect(nothing({})).toBe(true);
    expect(nothing({ commands: { server_command: 'vllm serve' } })).toBe(false);
    expect(nothing({ platform: { CPU: 'x86' } })).toBe(false);
    expect(nothing({ vllmVersion: '0.6.1' })).toBe(false);
    expect(nothing({ date: '2025-03-12T10:15:02' })).toBe(false);
    expect(nothing(undefined, { vllm_commit: 'abc' })).toBe(false);
    expect(nothing(undefined, { cmd: 'vllm serve' })).toBe(false);
    const many = Object.fromEntries(
      Array.from({ length: MAX_COMMANDS + 1 }, (_, i) => [`c${String(i)}_command`, 'vllm']),
    );
    const setup = datasetSetup(dataset([serving()], { commands: many }));
    expect(setup.commands).toHaveLength(MAX_COMMANDS);
    expect(setup.moreCommands).toBe(1);
  });

  it('leaves results without a GPU out of the GPU fact', () => {
    const setup = datasetSetup(dataset([serving({ gpu: null })]));
    expect(setup.run).toEqual([]);
  });
});
