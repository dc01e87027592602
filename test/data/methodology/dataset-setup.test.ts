// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS, datasetSetup } from '../../../src/data/methodology/dataset-setup';
import { readSiteFile, seedDataset } from '../../helpers/seed';
import {
  SERVER_70B,
  SERVER_8B_TP2,
  droppedDataset,
  factsOf,
  suiteFacts,
  textDataset,
} from './methodology-fixtures';

describe('datasetSetup', () => {
  it('says a bundled nightly run recorded nothing but its results, and what those state', () => {
    const setup = datasetSetup(seedDataset('A100-SXM4-80GB'));
    expect(setup.recordedNothing).toBe(true);
    expect(setup.commands).toEqual([]);
    expect(setup.platform).toEqual([]);
    // Which A100: the GPU cells say it.
    expect(setup.run).toEqual([{ term: 'GPU', value: '8×A100-SXM4-80GB' }]);
    expect(suiteFacts(setup, 'latency')).toEqual({
      Tests: '3',
      Models: 'llama8B, llama70B, mixtral8x7B',
      TP: '1, 2, 4',
    });
    expect(suiteFacts(setup, 'serving')).toEqual({
      Tests: '12',
      Models: 'llama8B, llama70B, mixtral8x7B',
      'Prompt dataset': 'sharegpt',
      QPS: '1, 4, 16, inf',
      TP: '1, 2, 4',
    });
  });

  it('says a date and a commit read from the path are from there, and that it recorded them', () => {
    const text = readSiteFile('data/nightly-8xH100.json');
    const setup = datasetSetup(textDataset('2026-09-30/a1b2c3d/nightly-8xH100.json', text));
    expect(setup.run).toEqual([
      { term: 'vLLM commit', value: 'a1b2c3d (from its path)' },
      { term: 'Run date', value: '2026-09-30 (from its folder name)' },
      { term: 'GPU', value: '8×H100' },
    ]);
    expect(setup.recordedNothing).toBe(false);
    const named = datasetSetup(textDataset('nightly_2026-09-30_18-47-20.json', text));
    expect(factsOf(named.run)['Run date']).toBe('2026-09-30 18:47:20 (from its file name)');
  });

  it('lists the commands of a .commands file dropped with its result, by the test they ran', () => {
    const setup = datasetSetup(
      droppedDataset(
        'formats/serve/serving_llama8B_tp2_random_128_128_qps_4_concurrency_16.json',
        'formats/serve/serving_llama8B_tp2_random_128_128_qps_4_concurrency_16.commands',
      ),
    );
    const test = 'serving_llama8B_tp2_random_128_128_qps_4_concurrency_16';
    expect(setup.commands.map(({ name, key, tests, cut }) => ({ name, key, tests, cut }))).toEqual([
      { name: `server command of ${test}`, key: 'server_command', tests: [test], cut: false },
      { name: `client command of ${test}`, key: 'client_command', tests: [test], cut: false },
    ]);
    expect(setup.commands[0]?.command).toBe(SERVER_8B_TP2);
    expect(setup.commands[1]?.command).toMatch(/^vllm bench serve {11}--save-result/);
    expect(setup.recordedNothing).toBe(false);
    expect(setup.run).toEqual([
      { term: 'Run date', value: '2025-11-04 22:17:33' },
      { term: 'GPU', value: '8×H100' },
    ]);
    // The workload, said once: from the result file, completed by the commands.
    expect(suiteFacts(setup, 'serving')).toEqual({
      Tests: '1',
      Models: 'meta-llama/Llama-3.1-8B-Instruct',
      'Prompt dataset': 'random',
      Prompts: '16',
      'Input length (tokens)': '128',
      'Output length (tokens)': '128',
      QPS: '4',
      'Request arrivals (burstiness)': '1 (Poisson arrivals)',
      'Max concurrency': '16',
      TP: '2',
      'Data type': 'bfloat16',
      Backend: 'vllm',
    });
  });

  it('tells which A100 a .commands file recorded, with the server command as written', () => {
    const setup = datasetSetup(
      droppedDataset(
        'formats/serve/serving_llama70B_tp4_sharegpt_qps_inf.json',
        'formats/serve/serving_llama70B_tp4_sharegpt_qps_inf.commands',
      ),
    );
    expect(factsOf(setup.run)).toEqual({
      'Run date': '2024-09-18 05:44:08',
      GPU: '8×A100-SXM4-80GB',
    });
    expect(setup.commands[0]).toMatchObject({
      name: 'server command of serving_llama70B_tp4_sharegpt_qps_inf',
      command: SERVER_70B,
    });
    expect(suiteFacts(setup, 'serving')).toMatchObject({
      'Prompt dataset': 'sharegpt',
      Prompts: '200',
    });
  });

  it('names latency and throughput commands, and reads the prompts a command asked for', () => {
    const latency = datasetSetup(
      droppedDataset(
        'formats/latency/latency_llama8B_tp1.json',
        'formats/latency/latency_llama8B_tp1.commands',
      ),
    );
    expect(latency.commands.map((command) => command.name)).toEqual([
      'latency command of latency_llama8B_tp1',
    ]);
    const throughput = datasetSetup(
      droppedDataset(
        'formats/throughput/throughput_llama8B_tp1.json',
        'formats/throughput/throughput_llama8B_tp1.commands',
      ),
    );
    expect(throughput.commands.map((command) => command.name)).toEqual([
      'throughput command of throughput_llama8B_tp1',
    ]);
    // The result file does not say how many prompts; `--num-prompts 200` in the command does.
    expect(suiteFacts(throughput, 'throughput')).toEqual({
      Tests: '1',
      Models: 'meta-llama/Llama-3.1-8B-Instruct',
      'Prompt dataset': 'sharegpt',
      Prompts: '200',
      TP: '1',
    });
  });

  it('keeps a markdown page’s Platform Information table in its order', () => {
    const setup = datasetSetup(droppedDataset('formats/markdown/benchmark_results-v6.md'));
    expect(setup.platform).toEqual([
      { term: 'Physical cores', value: '104' },
      { term: 'Total cores', value: '208' },
      { term: 'Total Memory', value: '2015.56GB' },
      { term: 'Total NUMA nodes', value: '2' },
      { term: 'CPU Brand', value: 'Intel(R) Xeon(R) Platinum 8480+' },
    ]);
    // The table names no GPU; the GPU cells do.
    expect(setup.run).toEqual([{ term: 'GPU', value: '8×H100' }]);
    expect(setup.recordedNothing).toBe(false);
    expect(suiteFacts(setup, 'serving')).toEqual({
      Tests: '2',
      Models: 'meta-llama/Llama-3.1-8B-Instruct',
      'Prompt dataset': 'random, sharegpt',
      'Input length (tokens)': '128',
      'Output length (tokens)': '128',
      QPS: '1, inf',
      'Max concurrency': '16, 200',
      TP: '1',
      PP: '1',
      'Data type': 'bfloat16',
    });
  });

  it('reads the vLLM version a serve result names', () => {
    const setup = datasetSetup(
      droppedDataset(
        'formats/serve/vllm-infqps-concurrency200-Llama-3.1-8B-Instruct-20250312-101502.json',
      ),
    );
    expect(setup.run).toEqual([
      { term: 'vLLM version', value: '0.7.3' },
      { term: 'Run date', value: '2025-03-12 10:15:02' },
    ]);
    expect(suiteFacts(setup, 'serving')).toMatchObject({ QPS: 'inf', 'Max concurrency': '200' });
  });

  it('keeps per-test commands of table columns, each text once with the tests that ran it', () => {
    const page = [
      '## Serving tests',
      '',
      '| Test name | GPU | Tput (req/s) | Mean TTFT (ms) | server_command | client_command | vllm_commit |',
      '|---|---|---|---|---|---|---|',
      '| serving_llama8B_tp1_sharegpt_qps_1 | 8xH100 | 1.0 | 18.4 | vllm serve m --tensor-parallel-size 1 | vllm bench serve --request-rate 1 | 1a2b3c4d |',
      '| serving_llama8B_tp1_sharegpt_qps_4 | 8xH100 | 3.8 | 16.2 | vllm serve m --tensor-parallel-size 1 | vllm bench serve --request-rate 4 | 1a2b3c4d |',
    ].join('\n');
    const setup = datasetSetup(textDataset('page.md', page));
    expect(setup.commands.map(({ name, tests, command }) => ({ name, tests, command }))).toEqual([
      {
        name: 'server command of serving_llama8B_tp1_sharegpt_qps_1 and 1 more test',
        tests: ['serving_llama8B_tp1_sharegpt_qps_1', 'serving_llama8B_tp1_sharegpt_qps_4'],
        command: 'vllm serve m --tensor-parallel-size 1',
      },
      {
        name: 'client command of serving_llama8B_tp1_sharegpt_qps_1',
        tests: ['serving_llama8B_tp1_sharegpt_qps_1'],
        command: 'vllm bench serve --request-rate 1',
      },
      {
        name: 'client command of serving_llama8B_tp1_sharegpt_qps_4',
        tests: ['serving_llama8B_tp1_sharegpt_qps_4'],
        command: 'vllm bench serve --request-rate 4',
      },
    ]);
    expect(factsOf(setup.run)).toEqual({ 'vLLM commit': '1a2b3c4d', GPU: '8×H100' });
    expect(setup.recordedNothing).toBe(false);
  });

  it('marks a command the reader cut, and lists at most MAX_COMMANDS', () => {
    const rows = Array.from({ length: MAX_COMMANDS + 10 }, (_, index) => ({
      'Test name': `serving_llama8B_tp1_sharegpt_qps_${index + 1}`,
      'Tput (req/s)': 1,
      'Mean TTFT (ms)': 20,
      client_command: `vllm bench serve --request-rate ${index + 1}${index === 0 ? ' --x'.repeat(100) : ''}`,
    }));
    const setup = datasetSetup(textDataset('records.json', JSON.stringify(rows)));
    expect(setup.commands).toHaveLength(MAX_COMMANDS);
    expect(setup.moreCommands).toBe(10);
    // Table cells are cut to 200 characters, the last one `…`.
    expect(setup.commands[0]?.cut).toBe(true);
    expect(setup.commands[0]?.command).toHaveLength(200);
    expect(setup.commands[1]).toMatchObject({
      command: 'vllm bench serve --request-rate 2',
      cut: false,
    });
  });

  it('is remembered per dataset', () => {
    const dataset = seedDataset('H100');
    expect(datasetSetup(dataset)).toBe(datasetSetup(dataset));
  });
});
