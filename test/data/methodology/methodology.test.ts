// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../../src/data/results/dataset';
import {
  MAX_COMMANDS,
  SUITE_WORKLOADS,
  commandText,
  datasetSetup,
  workloadFacts,
  type DatasetSetup,
  type SetupFact,
} from '../../../src/data/methodology/methodology';
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import type { Dataset, Suite } from '../../../src/data/results/result-model';
import { readFixture, seedDataset } from '../../helpers/seed';

/** Fixtures dropped together (by path under test/fixtures) → the dataset of the first one. */
function droppedDataset(...paths: string[]): Dataset {
  const files = paths.map((path) => ({
    name: path.split('/').pop() ?? path,
    text: readFixture(path),
  }));
  const [first] = parseResultFiles(files);
  if (first === undefined || !first.outcome.ok) throw new Error(`${paths[0]} did not parse`);
  return createDataset(
    first.outcome.value,
    { kind: 'file', name: first.name },
    files[0]?.text ?? '',
  );
}

/** Text dropped as a file → its dataset. */
function textDataset(name: string, text: string): Dataset {
  const outcome = parseResultsText(text, name);
  if (!outcome.ok) throw new Error(`${name} did not parse: ${outcome.error.message}`);
  return createDataset(outcome.value, { kind: 'file', name }, text);
}

function factsOf(facts: readonly SetupFact[]): Record<string, string> {
  return Object.fromEntries(facts.map((fact) => [fact.term, fact.value]));
}

function suiteFacts(setup: DatasetSetup, suite: Suite): Record<string, string> {
  const found = setup.suites.find((entry) => entry.suite === suite);
  if (found === undefined) throw new Error(`no ${suite} suite`);
  return { Tests: String(found.tests), ...factsOf(found.facts) };
}

/** The bullet lines under one section title of a nightly page, up to its table. */
function bulletsOf(page: string, title: string): string[] {
  const lines = page.split('\n');
  const start = lines.indexOf(title);
  const bullets: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('- ')) break;
    bullets.push(line.slice(2));
  }
  return bullets;
}

// What the fixtures' `.commands` files record, copied from them by hand.
const SERVER_8B_TP2 =
  'VLLM_USE_V1=1 vllm serve meta-llama/Llama-3.1-8B-Instruct       --tensor-parallel-size 2 --dtype bfloat16 --swap-space 16 --disable-log-stats --load-format dummy';
const SERVER_70B =
  'python3 -m vllm.entrypoints.openai.api_server --model meta-llama/Meta-Llama-3-70B-Instruct --tensor-parallel-size 1 --swap-space 16 --disable-log-stats --disable-log-requests --load-format dummy';

describe('SUITE_WORKLOADS', () => {
  it('says what the top of every nightly page says, bullet by bullet', () => {
    for (const gpu of ['8xH100', '8xH200', '8xA100-SXM4-80GB']) {
      const page = readFixture(`nightly/nightly-${gpu}.md`);
      const { latency, throughput, serving } = SUITE_WORKLOADS;
      expect(bulletsOf(page, 'Latency tests')).toEqual([
        `Input length: ${latency.input}.`,
        `Output length: ${latency.output}.`,
        `Batch size: ${latency.batch}.`,
        `Models: ${latency.models}.`,
        `Evaluation metrics: ${latency.metrics}.`,
      ]);
      expect(bulletsOf(page, 'Throughput tests')).toEqual([
        `Input length: ${throughput.input}.`,
        `Output length: ${throughput.output}.`,
        `Batch size: ${throughput.batch}.`,
        `Models: ${throughput.models}.`,
        `Evaluation metrics: ${throughput.metrics}.`,
      ]);
      expect(bulletsOf(page, 'Serving tests')).toEqual([
        `Input length: ${serving.input}.`,
        `Output length: ${serving.output}.`,
        `Batch size: ${serving.batch}.`,
        `${serving.arrivals ?? ''}.`,
        `Models: ${serving.models}.`,
        ...serving.notes,
        `Evaluation metrics: ${serving.metrics}.`,
      ]);
    }
  });

  it('has the workload in the words people ask with', () => {
    expect(factsOf(workloadFacts(SUITE_WORKLOADS.latency))).toEqual({
      Input: '32 tokens',
      Output: '128 tokens',
      'Batch size': 'fixed (8)',
      Models: 'llama-3.1 8B, llama-3 70B, mixtral 8x7B',
      Metrics: 'end-to-end latency (mean, median, p99)',
    });
    expect(SUITE_WORKLOADS.latency.summary).toBe('32 input / 128 output tokens, batch 8');
    expect(SUITE_WORKLOADS.throughput.input).toBe(
      'randomly sample 200 prompts from ShareGPT dataset (with fixed random seed)',
    );
    const serving = workloadFacts(SUITE_WORKLOADS.serving);
    expect(serving.map((fact) => fact.term)).toEqual([
      'Input',
      'Output',
      'Batch size',
      'Request arrivals',
      'Models',
      'Metrics',
      'Also',
    ]);
    expect(factsOf(serving)['Request arrivals']).toMatch(
      /^Average QPS \(query per second\): 1, 4, 16 and inf\. .*random Poisson process \(with fixed random seed\)$/,
    );
    expect(SUITE_WORKLOADS.serving.summary).toBe(
      '200 ShareGPT prompts at QPS 1, 4, 16 and inf, Poisson arrivals (fixed seed)',
    );
  });
});

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

describe('commandText', () => {
  it('copies the command exactly and shows it with its padding made one space', () => {
    const recorded = readFixture(
      'formats/serve/serving_llama8B_tp2_random_128_128_qps_4_concurrency_16.commands',
    );
    const server = (JSON.parse(recorded) as { server_command: string }).server_command;
    expect(server).toBe(SERVER_8B_TP2);
    expect(commandText(server)).toEqual({
      copy: SERVER_8B_TP2,
      display:
        'VLLM_USE_V1=1 vllm serve meta-llama/Llama-3.1-8B-Instruct --tensor-parallel-size 2 --dtype bfloat16 --swap-space 16 --disable-log-stats --load-format dummy',
      escaped: 0,
    });
  });

  it('keeps quoted text, escapes and line continuations as written', () => {
    expect(commandText(` vllm bench  "a  b" 'c   d' e\\  f \\\n     --x  `).display).toBe(
      `vllm bench "a  b" 'c   d' e\\  f \\\n --x`,
    );
  });

  it('shows markup as it is and writes characters that would not show as escapes', () => {
    const hostile = 'vllm serve "<script>alert(1)</script>" --name \u202Eevil\u200B\u0007';
    const text = commandText(hostile);
    expect(text.copy).toBe(hostile);
    expect(text.display).toBe(
      'vllm serve "<script>alert(1)</script>" --name \\u{202E}evil\\u{200B}\\u{0007}',
    );
    expect(text.escaped).toBe(3);
  });
});
