// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  configName,
  setupLabel,
  gpusUsed,
  metricOf,
  servingConfigs,
  type ServingConfig,
} from '../../../src/data/decisions/serving-configs';
import { formatQps } from '../../../src/data/format';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { columnsOf } from '../../../src/data/results/result-columns';
import type { BenchmarkResult } from '../../../src/data/results/result-model';
import { handDataset, result, seedView, viewOf } from '../charts/chart-fixtures';

describe('serving configurations', () => {
  it('holds each model on each GPU once, its four QPS ascending with inf last', () => {
    const configs = servingConfigs(seedView());
    // 3 models × 3 GPUs of the bundled nightlies.
    expect(configs).toHaveLength(9);
    for (const config of configs) {
      expect(config.loads.map((entry) => entry.load)).toEqual([1, 4, 16, Infinity]);
      expect(config.loadKind).toBe('qps');
    }
    const h100 = configs.find((c) => c.model === 'Llama 3 70B' && c.gpu === '8×H100');
    expect(h100?.gpusUsed).toBe(4);
    expect(h100?.gpuType).toBe('H100');
    expect(h100?.dataset).toBe('sharegpt');
    // serving_llama70B_tp4_sharegpt_qps_4 on 8×H100: 3.31252 req/s.
    expect(
      metricOf(h100?.loads[1]?.result ?? result('serving', '', '', {}), 'request_throughput'),
    ).toBeCloseTo(3.31252, 5);
  });

  it('follows the filters: an unchecked GPU and QPS are in no configuration', () => {
    const configs = servingConfigs(seedView({ gpu: ['8×H200'], qps: ['16'] }));
    expect(configs).toHaveLength(6);
    expect(configs.some((config) => config.gpu === '8×H200')).toBe(false);
    for (const config of configs) expect(config.loads.map((e) => e.load)).toEqual([1, 4, Infinity]);
  });

  it('takes the latest dated run of a test, whatever the order the runs were loaded in', () => {
    const run = (date: string, rate: number) => ({
      ...handDataset(date, [
        result(
          'serving',
          'serving_llama8B_tp1_sharegpt_qps_1',
          'H100',
          { request_throughput: rate },
          { qps: 1 },
        ),
      ]),
      meta: { date },
    });
    const configs = servingConfigs(
      viewOf([
        run('2026-09-02T00:00:00', 2),
        run('2026-09-03T00:00:00', 3),
        run('2026-09-01T00:00:00', 1),
      ]),
    );
    expect(configs).toHaveLength(1);
    expect(configs[0]?.loads.map((e) => metricOf(e.result, 'request_throughput'))).toEqual([3]);
  });

  it('counts a run without a date as older than a dated one, and of equals the later loaded', () => {
    const run = (label: string, rate: number, date?: string) => ({
      ...handDataset(label, [
        result(
          'serving',
          'serving_llama8B_tp1_sharegpt_qps_1',
          'H100',
          { request_throughput: rate },
          { qps: 1 },
        ),
      ]),
      ...(date === undefined ? {} : { meta: { date } }),
    });
    const rateOf = (datasets: ReturnType<typeof run>[]) =>
      servingConfigs(viewOf(datasets)).map((c) =>
        metricOf(c.loads[0]?.result ?? result('serving', '', '', {}), 'request_throughput'),
      );
    expect(rateOf([run('dated', 1, '2026-01-01T00:00:00'), run('undated', 2)])).toEqual([1]);
    expect(
      rateOf([run('a', 1, '2026-01-01T00:00:00'), run('b', 2, '2026-01-01T00:00:00')]),
    ).toEqual([2]);
    expect(rateOf([run('a', 1), run('b', 2)])).toEqual([2]);
  });

  it('keeps concurrency and QPS loads, and different prompt lengths, apart', () => {
    const configs = servingConfigs(
      viewOf([
        handDataset('mixed', [
          result('serving', 'a', 'H100', { request_throughput: 1 }, { qps: 2 }),
          result('serving', 'b', 'H100', { request_throughput: 1 }, { concurrency: 8 }),
          result(
            'serving',
            'c',
            'H100',
            { request_throughput: 1 },
            { concurrency: 8, inputLen: 1024 },
          ),
          result('serving', 'd', 'H100', { request_throughput: 1 }),
        ]),
      ]),
    );
    expect(configs.map((c) => [c.loadKind, c.loads.map((e) => e.load)])).toEqual([
      ['qps', [2]],
      ['concurrency', [8]],
      ['concurrency', [8]],
    ]);
  });
});

describe('configurations read from columns', () => {
  const fromColumns = (rows: BenchmarkResult[]) => {
    const columns = columnsOf(rows);
    return servingConfigs(viewOf([{ ...handDataset('columns', rowsOfColumns(columns)), columns }]));
  };
  const loadsOf = (configs: ServingConfig[]) =>
    configs.map((c) => [c.loadKind, c.loads.map((e) => e.load)]);

  it('take suite and load from the columns: latency and load-less rows have no place', () => {
    const rows = [
      result('latency', 'l', 'H100', { latency_mean: 1 }),
      result('serving', 'a', 'H100', { request_throughput: 1 }, { qps: 2 }),
      result('throughput', 't', 'H100', { requests_per_second: 1 }, { qps: 3 }),
      result('serving', 'b', 'H100', { request_throughput: 1 }, { concurrency: 8 }),
      result('serving', 'c', 'H100', { request_throughput: 1 }, { concurrency: 8, inputLen: 1024 }),
      result('serving', 'd', 'H100', { request_throughput: 1 }),
    ];
    // The throughput row's QPS makes it no serving configuration; `d` has no load.
    expect(loadsOf(fromColumns(rows))).toEqual([
      ['qps', [2]],
      ['concurrency', [8]],
      ['concurrency', [8]],
    ]);
  });

  it('are none when no serving row states a load', () => {
    const rows = [
      result('serving', 'a', 'H100', { request_throughput: 1 }),
      result('serving', 'b', 'H200', { request_throughput: 2 }),
    ];
    expect(fromColumns(rows)).toEqual([]);
    expect(servingConfigs(viewOf([handDataset('rows', rows)]))).toEqual([]);
  });

  it('compare neighbours from two files by their fields, not by the codes of one', () => {
    // One serving row in each file, both its first row: neighbours in reading order that differ
    // only in their input length. Read with one file's codes, both rows would be that row.
    const file = (name: string, inputLen: number) => {
      const rows = [
        result('serving', 'a', 'H100', { request_throughput: 1 }, { qps: 1, inputLen }),
      ];
      const columns = columnsOf(rows);
      return { ...handDataset(name, rowsOfColumns(columns)), columns };
    };
    const configs = servingConfigs(viewOf([file('first', 1024), file('second', 2048)]));
    expect(configs.map((config) => config.key.split('|')[8])).toEqual(['1024', '2048']);
  });

  it('tell neighbours of one GPU apart by load kind', () => {
    const at = (name: string, load: Partial<BenchmarkResult>) =>
      result('serving', name, 'H100', { request_throughput: 1 }, load);
    const rows = [at('q1', { qps: 1 }), at('c8', { concurrency: 8 }), at('q4', { qps: 4 })];
    expect(loadsOf(fromColumns(rows))).toEqual([
      ['qps', [1, 4]],
      ['concurrency', [8]],
    ]);
  });
});

describe('configuration identity', () => {
  it('is the same read from columns: neighbours that differ in one field are two configurations', () => {
    // A base row at QPS 1, 2, …, each followed by a row that differs from it in one field only.
    const changes: Partial<BenchmarkResult>[] = [
      { model: 'llama70B' },
      { engine: 'SGLang' },
      { tp: 2 },
      { tp: null },
      { pp: 2 },
      { dp: 2 },
      { variant: 'fp8' },
      { dataset: 'random' },
      { inputLen: 1024 },
      { outputLen: 512 },
      { gpu: { type: 'H200', count: 8 } },
      { gpu: { type: 'H100', count: 4 } },
      { gpu: null },
    ];
    const rows = changes.flatMap((change, i) => [
      result('serving', `base ${i}`, 'H100', { request_throughput: 1 }, { qps: i + 1 }),
      result(
        'serving',
        `changed ${i}`,
        'H100',
        { request_throughput: 1 },
        { qps: i + 1, ...change },
      ),
    ]);
    const columns = columnsOf(rows);
    const fromColumns = servingConfigs(
      viewOf([{ ...handDataset('columns', rowsOfColumns(columns)), columns }]),
    );
    // Thirteen changed rows on their own, and the base row at every QPS.
    expect(fromColumns).toHaveLength(14);
    const base = fromColumns.find((config) => config.loads.length > 1);
    expect(base?.loads.map((entry) => entry.load)).toEqual(changes.map((_, i) => i + 1));
    const fromRows = servingConfigs(viewOf([handDataset('columns', rows)]));
    expect(fromColumns.map((config) => config.key)).toEqual(fromRows.map((config) => config.key));
    // Reading order sorts by model, engine and GPU: rows that differ there are neighbours only
    // when they are the only two rows. Each such pair read from columns is two configurations.
    for (const change of changes) {
      const pair = [
        result('serving', 'a', 'H100', { request_throughput: 1 }, { qps: 1 }),
        result('serving', 'b', 'H100', { request_throughput: 1 }, { qps: 1, ...change }),
      ];
      const pairColumns = columnsOf(pair);
      const view = viewOf([
        { ...handDataset('pair', rowsOfColumns(pairColumns)), columns: pairColumns },
      ]);
      expect(servingConfigs(view), JSON.stringify(change)).toHaveLength(2);
    }
  });

  it('keeps apart configurations whose fields would run together', () => {
    // Model `a` at TP 12 and model `a1` at TP 2 must not become one configuration.
    const configs = servingConfigs(
      viewOf([
        handDataset('x', [
          result('serving', 's1', 'H100', {}, { model: 'a', tp: 12, qps: 1 }),
          result('serving', 's2', 'H100', {}, { model: 'a1', tp: 2, qps: 1 }),
        ]),
      ]),
    );
    expect(configs).toHaveLength(2);
  });

  it('tells rows of one GPU apart by load kind, and joins a configuration met again later', () => {
    // Rows of one file share their GPU object: equal fields, only the load set differently.
    const gpu = { type: 'H100', count: 8 };
    const at = (name: string, load: Partial<BenchmarkResult>) =>
      result('serving', name, 'H100', { request_throughput: 1 }, { gpu, ...load });
    const configs = servingConfigs(
      viewOf([
        handDataset('one GPU', [
          at('q1', { qps: 1 }),
          at('c8', { concurrency: 8 }),
          at('q4', { qps: 4 }),
          at('c16', { concurrency: 16 }),
        ]),
      ]),
    );
    expect(configs.map((c) => [c.loadKind, c.loads.map((e) => e.load)])).toEqual([
      ['qps', [1, 4]],
      ['concurrency', [8, 16]],
    ]);
  });

  it('joins one GPU across files, and keeps a GPU of another count apart', () => {
    // Each file has GPU objects of its own; 4×H100 is not 8×H100.
    const run = (label: string, count: number) =>
      handDataset(label, [
        result(
          'serving',
          'serving_a_qps_1',
          'H100',
          { request_throughput: count },
          {
            gpu: { type: 'H100', count },
            qps: 1,
          },
        ),
      ]);
    // In reading order 4×H100 comes first, then the two 8×H100 runs; the last loaded is newest.
    const configs = servingConfigs(viewOf([run('first', 4), run('second', 8), run('third', 8)]));
    expect(
      configs.map((c) => [c.gpu, c.loads.map((e) => metricOf(e.result, 'request_throughput'))]),
    ).toEqual([
      ['4×H100', [4]],
      ['8×H100', [8]],
    ]);
  });
});

describe('configurations of rows next to each other', () => {
  // Two rows of one file at one QPS, one field apart: always two configurations.
  const differences: [string, Partial<BenchmarkResult>, Partial<BenchmarkResult>][] = [
    ['model', { model: 'llama8B' }, { model: 'llama70B' }],
    ['engine', { engine: 'vLLM' }, { engine: 'SGLang' }],
    ['TP', { tp: 1 }, { tp: 2 }],
    ['PP', { pp: null }, { pp: 2 }],
    ['DP', { dp: null }, { dp: 2 }],
    ['prompt dataset', { dataset: 'sharegpt' }, { dataset: 'random' }],
    ['variant', { variant: null }, { variant: 'fp8' }],
    ['input length', { inputLen: 128 }, { inputLen: 1024 }],
    ['output length', { outputLen: 128 }, { outputLen: 1024 }],
    ['GPU type', { gpu: { type: 'H100', count: 8 } }, { gpu: { type: 'H200', count: 8 } }],
    ['GPU count', { gpu: { type: 'H100', count: 8 } }, { gpu: { type: 'H100', count: 4 } }],
    ['GPU, one unknown', { gpu: null }, { gpu: { type: 'H100', count: 8 } }],
    // Fields that would run together if the identity were written without separators.
    ['model and engine', { model: 'x', engine: 'yz' }, { model: 'xy', engine: 'z' }],
  ];
  it.each(differences)('are apart when their %s differs', (_field, first, second) => {
    const gpu = { type: 'H100', count: 8 };
    const row = (name: string, fields: Partial<BenchmarkResult>) =>
      result('serving', name, 'H100', { request_throughput: 1 }, { gpu, qps: 1, ...fields });
    const configs = servingConfigs(
      viewOf([handDataset('one file', [row('a', first), row('b', second)])]),
    );
    expect(configs).toHaveLength(2);
    // Each is named by its own identity.
    expect(new Set(configs.map((config) => config.key)).size).toBe(2);
  });

  it('are named by model, engine, TP, PP, DP, GPU, prompts, lengths and load kind', () => {
    const configs = servingConfigs(
      viewOf([
        handDataset('one file', [
          result(
            'serving',
            'a',
            'H100',
            {},
            { qps: 1, pp: 2, dataset: 'sharegpt', inputLen: 128, outputLen: 256 },
          ),
        ]),
      ]),
    );
    expect(configs.map((config) => [config.key, config.gpuType])).toEqual([
      ['llama8B|vLLM|1|2||8×H100|sharegpt||128|256|qps', 'H100'],
    ]);
  });
});

describe('GPUs used', () => {
  it('is TP × PP × DP, PP and DP 1 when not given, unknown without a TP', () => {
    expect(gpusUsed({ tp: 4, pp: null, dp: null })).toBe(4);
    expect(gpusUsed({ tp: 2, pp: 2, dp: null })).toBe(4);
    expect(gpusUsed({ tp: 2, pp: 0, dp: 0 })).toBe(2);
    expect(gpusUsed({ tp: null, pp: 2, dp: 2 })).toBeNull();
    expect(gpusUsed({ tp: 0, pp: null, dp: null })).toBeNull();
    // Two data-parallel replicas of a TP4 engine use 8 GPUs; with PP2 as well, 16.
    expect(gpusUsed({ tp: 4, pp: null, dp: 2 })).toBe(8);
    expect(gpusUsed({ tp: 4, pp: 2, dp: 2 })).toBe(16);
  });
});

describe('load and metric reading', () => {
  it('writes inf for all at once', () => {
    expect(formatQps(Infinity)).toBe('inf');
    expect(formatQps(16)).toBe('16');
    expect(configName({ model: 'Llama 3.1 8B', setup: '8×H100' })).toBe('Llama 3.1 8B on 8×H100');
  });

  it('names the engine after the GPU unless it is vLLM, and says when a file does not name one', () => {
    const gpu = { type: 'H100', count: 8 };
    expect(setupLabel({ gpu, engine: 'vLLM' })).toBe('8×H100');
    expect(setupLabel({ gpu, engine: 'SGLang' })).toBe('8×H100 · SGLang');
    expect(setupLabel({ gpu, engine: null })).toBe('8×H100 · engine not stated');
  });

  it('reads a missing, null or non-finite value as none, and never an inherited key', () => {
    const r = result('serving', 't', 'H100', { a: 1, b: null, c: NaN, d: Infinity });
    expect(metricOf(r, 'a')).toBe(1);
    expect(metricOf(r, 'b')).toBeNull();
    expect(metricOf(r, 'c')).toBeNull();
    expect(metricOf(r, 'd')).toBeNull();
    expect(metricOf(r, 'toString')).toBeNull();
  });
});

describe('serving configurations of several engines', () => {
  it('keeps each engine’s loads apart, and one model however each file names it', () => {
    const serving = (engine: string | null, model: string, qps: number, rate: number) =>
      result(
        'serving',
        `serving_${String(engine)}_${String(qps)}`,
        'H100',
        {
          request_throughput: rate,
        },
        { engine, model, qps, dataset: 'sharegpt' },
      );
    const configs = servingConfigs(
      viewOf([
        handDataset('mixed.jsonl', [
          serving('vLLM', 'llama8B', 1, 0.99),
          serving('vLLM', 'llama8B', 4, 3.9),
          serving('SGLang', 'meta-llama/Llama-3.1-8B-Instruct', 1, 0.98),
          serving('SGLang', '/models/Llama-3.1-8B-Instruct', 4, 3.95),
        ]),
      ]),
    );
    // Two configurations, not one curve of four loads with two at each QPS.
    const bySetup = [...configs].sort((a, b) => a.setup.localeCompare(b.setup));
    expect(bySetup.map((config) => [config.model, config.setup, config.loads.length])).toEqual([
      ['Llama 3.1 8B', '8×H100', 2],
      ['Llama 3.1 8B', '8×H100 · SGLang', 2],
    ]);
    expect(configName(bySetup[1] ?? { model: '', setup: '' })).toBe(
      'Llama 3.1 8B on 8×H100 · SGLang',
    );
  });
});
