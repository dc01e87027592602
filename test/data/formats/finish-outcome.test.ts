// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { finish, type FileContext } from '../../../src/data/formats/finish-outcome';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { columnsOf } from '../../../src/data/results/result-columns';
import type { BenchmarkResult, ParseOutcome } from '../../../src/data/results/result-model';
import { countingMetricReads } from '../../helpers/counted-metrics';

const result: BenchmarkResult = {
  suite: 'latency',
  testName: 'latency_llama8B_tp1',
  model: 'llama8B',
  tp: 1,
  pp: null,
  dp: null,
  gpu: null,
  dataset: null,
  variant: null,
  qps: null,
  concurrency: null,
  inputLen: 32,
  outputLen: 128,
  engine: null,
  metrics: { latency_mean: 1.5 },
  attributes: {},
};

const noContext: FileContext = { fileName: undefined, commands: null, commandWarnings: [] };

function success(results: readonly BenchmarkResult[], warnings: readonly string[]): ParseOutcome {
  return {
    ok: true,
    value: { format: { id: 'vllm-markdown', label: 'CI markdown page' }, results, warnings },
  };
}

describe('finish', () => {
  it('passes failures through untouched', () => {
    const failure: ParseOutcome = {
      ok: false,
      error: { kind: 'empty', message: 'The file is empty.' },
    };
    expect(finish(failure, noContext)).toBe(failure);
  });

  it('says a repeated warning once and keeps at most 1,000, the last counting the rest', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `warning ${i}`);
    const outcome = finish(success([result], ['same', 'same', ...many]), noContext);
    if (!outcome.ok) throw new Error('expected a success');
    // 1,002 distinct warnings: 999 shown, then one line for the other 3.
    expect(outcome.value.warnings).toHaveLength(1000);
    expect(outcome.value.warnings.slice(0, 2)).toEqual(['same', 'warning 0']);
    expect(outcome.value.warnings[999]).toBe('…and 3 more warnings like these.');
  });

  it('looks at rows of columns through their strings: no row’s metrics are made to look', () => {
    const rows = rowsOfColumns(
      columnsOf([result, { ...result, testName: 'latency_llama70B_tp4' }]),
    );
    const { rows: counted, reads } = countingMetricReads(rows);
    // The counting wrappers are the rows themselves underneath: their columns are seen.
    const shortRows = finish(success(counted, []), noContext);
    expect(reads()).toBe(0);
    expect(shortRows.ok && shortRows.value.results).toBe(counted);
    // A long string anywhere in them: each row is looked at, and the long one cut.
    const long = rowsOfColumns(columnsOf([result, { ...result, model: 'm'.repeat(250) }]));
    const outcome = finish(success(long, []), noContext);
    if (!outcome.ok) throw new Error('expected a success');
    expect(outcome.value.results[0]).toBe(long[0]);
    expect(Array.from(outcome.value.results[1]?.model ?? '')).toHaveLength(200);
    expect(outcome.value.results[1]?.metrics).toEqual({ latency_mean: 1.5 });
  });

  it('cuts a 250-character test name to 200 characters, with a warning', () => {
    const long = 'x'.repeat(250);
    const outcome = finish(success([{ ...result, testName: long }], []), noContext);
    if (!outcome.ok) throw new Error('expected a success');
    const name = outcome.value.results[0]?.testName ?? '';
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('…')).toBe(true);
    expect(outcome.value.warnings).toHaveLength(1);
    expect(outcome.value.warnings[0]).toMatch(/^A test name was 250 characters long/);
  });

  it('gives a non-raw format the .commands file’s GPU and commands, and its warnings first', () => {
    const context: FileContext = {
      fileName: 'latency_llama8B_tp1.md',
      commands: {
        commands: { server_command: 'vllm serve' },
        gpu: { type: 'H100', count: 8 },
        facts: {
          model: null,
          tp: null,
          pp: null,
          dp: null,
          dataset: null,
          inputLen: null,
          outputLen: null,
          qps: null,
          concurrency: null,
          dtype: null,
        },
      },
      commandWarnings: ['about the commands'],
    };
    const outcome = finish(success([result], ['about the results']), context);
    if (!outcome.ok) throw new Error('expected a success');
    expect(outcome.value.results[0]?.gpu).toEqual({ type: 'H100', count: 8 });
    expect(outcome.value.meta).toEqual({ commands: { server_command: 'vllm serve' } });
    expect(outcome.value.warnings).toEqual(['about the commands', 'about the results']);
  });
});
