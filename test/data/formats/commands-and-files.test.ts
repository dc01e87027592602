// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readCommandLine, splitCommandLine } from '../../../src/data/formats/commands';
import { readFileName } from '../../../src/data/formats/file-name';
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import { fixture, fixtureFile, only, parsedOrFail, refusedOrFail } from './fixtures';

const SERVE_70B = 'serve/serving_llama70B_tp4_sharegpt_qps_inf';

describe('splitCommandLine', () => {
  it('splits as a shell does: quotes, escapes, runs of spaces, line continuations', () => {
    expect(
      splitCommandLine(`A=1 vllm serve "my model" --x 'a b' --y=c\\ d \\\n   --z "say \\"hi\\""`),
    ).toEqual(['A=1', 'vllm', 'serve', 'my model', '--x', 'a b', '--y=c d', '--z', 'say "hi"']);
  });

  it('keeps an empty quoted word and survives an unclosed quote', () => {
    expect(splitCommandLine(`a "" b`)).toEqual(['a', '', 'b']);
    expect(splitCommandLine(`a "b c`)).toEqual(['a', 'b c']);
  });
});

describe('readCommandLine', () => {
  it('reads TP in every spelling, the first one winning', () => {
    expect(readCommandLine('vllm serve m --tensor-parallel-size 4').tp).toBe(4);
    expect(readCommandLine('vllm serve m --tensor-parallel-size=2').tp).toBe(2);
    expect(readCommandLine('vllm bench latency -tp 8').tp).toBe(8);
    expect(readCommandLine('vllm bench serve --metadata tensor_parallel_size=2 other=1').tp).toBe(
      2,
    );
    expect(readCommandLine('python x.py --tensor_parallel_size 3').tp).toBe(3);
    expect(readCommandLine('vllm serve m --data-parallel-size 2').dp).toBe(2);
    expect(readCommandLine('vllm serve m -dp 4').dp).toBe(4);
    expect(readCommandLine('vllm bench serve --metadata data_parallel_size=8').dp).toBe(8);
  });

  it('reads the served model, dataset, lengths, rate, concurrency and dtype', () => {
    expect(
      readCommandLine(
        'VLLM_USE_V1=1 vllm serve meta-llama/Llama-3.1-8B-Instruct --dtype bfloat16 ' +
          '--dataset-name random --random-input-len 128 --random-output-len 256 ' +
          '--request-rate inf --max-concurrency 16 -pp 2',
      ),
    ).toEqual({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      tp: null,
      pp: 2,
      dp: null,
      dataset: 'random',
      inputLen: 128,
      outputLen: 256,
      qps: Infinity,
      concurrency: 16,
      dtype: 'bfloat16',
    });
  });
});

describe('readFileName', () => {
  it('takes CI’s test name from a result file’s name, with or without a folder', () => {
    expect(readFileName('results/serving_llama8B_tp1_sharegpt_qps_4.json')?.ciTestName).toBe(
      'serving_llama8B_tp1_sharegpt_qps_4',
    );
    expect(readFileName('latency_llama8B_tp1.pytorch.json')?.ciTestName).toBe(
      'latency_llama8B_tp1',
    );
    expect(readFileName('my-run.json')?.ciTestName).toBeNull();
  });

  it('reads vllm bench serve’s default file name', () => {
    expect(
      readFileName('openai-chat-infqps-concurrency32-Qwen2.5-7B-Instruct-20250607-221501.json')
        ?.serve,
    ).toEqual({
      label: 'openai-chat',
      qps: Infinity,
      concurrency: 32,
      model: 'Qwen2.5-7B-Instruct',
      date: '2025-06-07T22:15:01',
    });
  });
});

describe('parseResultFiles', () => {
  it('merges a .commands file into its result file: explicit TP beats the name, with a warning', () => {
    const outcomes = parseResultFiles([
      fixtureFile(`${SERVE_70B}.commands`),
      fixtureFile(`${SERVE_70B}.json`),
    ]);
    expect(outcomes.map((entry) => entry.name)).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_inf.json',
    ]);
    const parsed = parsedOrFail(outcomes[0]?.outcome ?? parseResultsText(''));
    expect(only(parsed)).toMatchObject({
      testName: 'serving_llama70B_tp4_sharegpt_qps_inf',
      model: 'meta-llama/Meta-Llama-3-70B-Instruct',
      tp: 1,
      dataset: 'sharegpt',
      gpu: { type: 'A100-SXM4-80GB', count: 8 },
    });
    expect(parsed.warnings).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_inf: the file says TP 1 but the test name says tp4; TP 1 is shown.',
    ]);
    expect(Object.keys(parsed.meta?.commands ?? {})).toEqual(['server_command', 'client_command']);
  });

  it('reads the same result without its .commands file by the name alone', () => {
    const [entry] = parseResultFiles([fixtureFile(`${SERVE_70B}.json`)]);
    const parsed = parsedOrFail(entry?.outcome ?? parseResultsText(''));
    expect(only(parsed)).toMatchObject({ tp: 4, gpu: null });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.meta?.commands).toBeUndefined();
  });

  it('refuses a .commands file alone, saying to drop it with its result file', () => {
    const [entry] = parseResultFiles([
      { name: 'lone.commands', text: fixture('bad/lone.commands') },
    ]);
    const error = refusedOrFail(entry?.outcome ?? parseResultsText(''));
    expect(error.kind).toBe('not-results');
    expect(error.message).toBe(
      'This is a .commands file: it records how a benchmark was run, not its results. Drop it together with its result file (lone.json).',
    );
  });

  it('refuses commands pasted without a file name the same way', () => {
    const error = refusedOrFail(parseResultsText(fixture('bad/lone.commands')));
    expect(error.message).toContain('Drop it together with its result file.');
  });

  it('pairs files by their whole path, keeps the input order and parses the rest on their own', () => {
    const json = fixture(`${SERVE_70B}.json`);
    const commands = fixture(`${SERVE_70B}.commands`);
    const outcomes = parseResultFiles([
      { name: 'a/serving_x_tp4_sharegpt_qps_inf.commands', text: commands },
      { name: 'b/serving_x_tp4_sharegpt_qps_inf.json', text: json },
      { name: 'notes.md', text: '# nothing here' },
      { name: 'b/serving_x_tp4_sharegpt_qps_inf.commands', text: commands },
    ]);
    expect(outcomes.map((entry) => [entry.name, entry.outcome.ok])).toEqual([
      ['a/serving_x_tp4_sharegpt_qps_inf.commands', false],
      ['b/serving_x_tp4_sharegpt_qps_inf.json', true],
      ['notes.md', false],
    ]);
    const merged = parsedOrFail(outcomes[1]?.outcome ?? parseResultsText(''));
    expect(only(merged).tp).toBe(1);
  });

  it('merges into a .pytorch.json result of the same test', () => {
    const outcomes = parseResultFiles([
      fixtureFile('pytorch/latency_llama8B_tp1.pytorch.json'),
      fixtureFile('latency/latency_llama8B_tp1.commands'),
    ]);
    expect(outcomes).toHaveLength(1);
    const parsed = parsedOrFail(outcomes[0]?.outcome ?? parseResultsText(''));
    expect(only(parsed).gpu).toEqual({ type: 'H100', count: 8 });
    expect(Object.keys(parsed.meta?.commands ?? {})).toEqual(['latency_command']);
  });

  it('reads a result whose .commands file is broken, saying so', () => {
    const outcomes = parseResultFiles([
      { name: 'latency_llama8B_tp1.json', text: fixture('latency/latency_llama8B_tp1.json') },
      { name: 'latency_llama8B_tp1.commands', text: '{"latency_command": "vllm bench' },
    ]);
    const parsed = parsedOrFail(outcomes[0]?.outcome ?? parseResultsText(''));
    expect(only(parsed).gpu).toBeNull();
    expect(parsed.warnings).toHaveLength(1);
    // `{"latency_command": "vllm bench` is 31 characters: the text ends before column 32.
    expect(parsed.warnings).toEqual([
      'latency_llama8B_tp1.commands could not be read: not valid JSON at line 1, column 32: it ends too early (is the file cut off?). The results were read without it.',
    ]);
  });

  it('fills the GPU of a records file dropped with a .commands file, keeping GPUs it has', () => {
    const records = JSON.stringify([
      { 'Test name': 'latency_llama8B_tp1', 'Mean latency (ms)': 1046.9 },
      { 'Test name': 'latency_llama70B_tp4', GPU: '4xH200', 'Mean latency (ms)': 2118.6 },
    ]);
    const outcomes = parseResultFiles([
      { name: 'run.json', text: records },
      { name: 'run.commands', text: fixture('latency/latency_llama8B_tp1.commands') },
    ]);
    const parsed = parsedOrFail(outcomes[0]?.outcome ?? parseResultsText(''));
    expect(parsed.results.map((result) => result.gpu)).toEqual([
      { type: 'H100', count: 8 },
      { type: 'H200', count: 4 },
    ]);
    // The row given a GPU keeps everything else it was read with.
    const [filled] = parsed.results;
    expect([filled?.suite, filled?.testName, filled?.model, filled?.tp]).toEqual([
      'latency',
      'latency_llama8B_tp1',
      'llama8B',
      1,
    ]);
    expect(filled?.metrics).toEqual({ latency_mean: 1046.9 });
  });

  it('answers an empty list with an empty list', () => {
    expect(parseResultFiles([])).toEqual([]);
  });
});
