// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { costOf, costRows, pricedGpuTypes } from '../../../src/data/decisions/cost';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { withAssumptions } from '../../../src/data/results/assumptions';
import { columnsOf } from '../../../src/data/results/result-columns';
import type { Dataset } from '../../../src/data/results/result-model';
import { handDataset, result, seedView, viewOf } from '../charts/chart-fixtures';

describe('cost per test', () => {
  it('prices a TP 1 throughput test per 1k requests: 1 GPU at $2/h over 21.6201 req/s', () => {
    const rows = costRows(seedView(), { H100: 2 });
    const row = rows.find(
      (r) => r.result.testName === 'throughput_llama8B_tp1' && r.gpu === '8×H100',
    );
    // 1 × 2 / (21.6201 × 3600) × 1000 = 2000 / 77,832.4 = 0.025696 $ per 1k requests.
    expect(row?.cost).toBeCloseTo(0.025696, 5);
    expect(row?.unit).toBe('per 1k requests');
    expect(row?.gpusUsed).toBe(1);
  });

  it('prices a TP 4 test for four GPUs, not the machine’s eight', () => {
    const row = costRows(seedView(), { H100: 2 }).find(
      (r) => r.result.testName === 'throughput_llama70B_tp4' && r.gpu === '8×H100',
    );
    // 4 × 2 / (9.13468 × 3600) × 1000 = 8000 / 32,884.8 = 0.24327.
    expect(row?.cost).toBeCloseTo(0.24327, 4);
    expect(row?.gpusUsed).toBe(4);
  });

  it('lists every throughput and serving test, costed only where its GPU type has a price', () => {
    const rows = costRows(seedView(), { H200: 3.5 });
    // (3 throughput + 12 serving tests) × 3 GPUs; only the 15 on 8×H200 have a cost.
    expect(rows).toHaveLength(45);
    const costed = rows.filter((r) => r.cost !== null);
    expect(costed).toHaveLength(15);
    expect(new Set(costed.map((r) => r.gpu))).toEqual(new Set(['8×H200']));
    expect(rows.filter((r) => r.price === null).every((r) => r.cost === null)).toBe(true);
    // Serving at QPS 1 on 8×H200, Llama 3.1 8B: 1 × 3.5 / (1.00729 × 3600) × 1000 = 0.96519.
    const qps1 = rows.find(
      (r) => r.result.testName === 'serving_llama8B_tp1_sharegpt_qps_1' && r.gpu === '8×H200',
    );
    expect(qps1?.cost).toBeCloseTo(0.96519, 4);
    expect(
      costRows(seedView({ gpu: ['8×H200'] }), { H200: 3.5 }).some((r) => r.cost !== null),
    ).toBe(false);
    expect(costRows(seedView(), {}).every((r) => r.cost === null)).toBe(true);
  });

  it('uses output tokens per 1M when the token rate is known', () => {
    // 2 GPUs × $3 / (1000 tok/s × 3600) × 1,000,000 = 1.6667 $ per 1M output tokens.
    const cost = costOf(
      result('serving', 's', 'H100', { output_throughput: 1000, request_throughput: 4 }, { tp: 2 }),
      3,
    );
    expect(cost?.unit).toBe('per 1M output tokens');
    expect(cost?.cost).toBeCloseTo(1.6667, 4);
    expect(cost?.throughputUnit).toBe('tok/s');
  });

  it('has no cost without a TP or a positive throughput', () => {
    expect(
      costOf(result('throughput', 't', 'H100', { request_throughput: 4 }, { tp: null }), 2),
    ).toBeNull();
    expect(costOf(result('throughput', 't', 'H100', { request_throughput: 0 }), 2)).toBeNull();
    expect(
      costOf(result('throughput', 't', 'H100', { request_throughput: 2 }), null)?.cost,
    ).toBeNull();
    expect(
      costOf(result('throughput', 't', 'H100', { output_throughput: 0, request_throughput: 2 }), 1)
        ?.unit,
    ).toBe('per 1k requests');
  });

  it('leaves out tests without a GPU or a TP, and says req/s for a request rate', () => {
    const rows = costRows(
      viewOf([
        handDataset('x', [
          result('throughput', 'no-gpu', 'H100', { request_throughput: 2 }, { gpu: null }),
          result('throughput', 'no-tp', 'H100', { request_throughput: 2 }, { tp: null }),
          result('throughput', 'ok', 'H100', { request_throughput: 2 }),
        ]),
      ]),
      { H100: 1 },
    );
    expect(rows.map((r) => [r.result.testName, r.throughputUnit, r.price])).toEqual([
      ['ok', 'req/s', 1],
    ]);
  });

  it('offers no price for a result without a GPU, read from its fields', () => {
    expect(
      pricedGpuTypes(
        viewOf([
          handDataset('x', [
            result('throughput', 'none', 'H100', { request_throughput: 2 }, { gpu: null }),
            result('serving', 'b', 'B200', { request_throughput: 2 }, { qps: 1 }),
          ]),
        ]),
      ),
    ).toEqual(['B200']);
  });

  it('offers a price input per visible GPU type, in order', () => {
    expect(pricedGpuTypes(seedView())).toEqual(['A100-SXM4-80GB', 'H100', 'H200']);
    expect(pricedGpuTypes(seedView({ gpu: ['8×H100'] }))).toEqual(['A100-SXM4-80GB', 'H200']);
    expect(
      pricedGpuTypes(viewOf([handDataset('x', [result('latency', 'l', 'B200', {})])])),
    ).toEqual([]);
    // Reading order puts 1×H200 before 8×B200; the inputs go by type name.
    expect(
      pricedGpuTypes(
        viewOf([
          handDataset('x', [
            result('throughput', 't', 'H200', {}, { gpu: { type: 'H200', count: 1 } }),
            result('throughput', 't', 'B200', {}),
          ]),
        ]),
      ),
    ).toEqual(['B200', 'H200']);
  });

  it('offers the same types read from columns, each file’s codes its own', () => {
    // Two files whose dictionaries give their GPU types other codes; a latency row and a row
    // without a GPU offer none; an unchecked GPU is no longer offered.
    const first = [
      result('throughput', 't', 'H200', {}, { gpu: { type: 'H200', count: 1 } }),
      result('serving', 's', 'B200', {}, { qps: 1 }),
      result('latency', 'l', 'MI300X', {}),
      result('serving', 's', 'H100', {}, { qps: 2, gpu: null }),
    ];
    const second = [
      result('serving', 's', 'A100', {}, { qps: 1 }),
      result('throughput', 't', 'H200', {}),
      result('throughput', 'u', 'H200', {}),
    ];
    const fromColumns = (label: string, rows: typeof first) => {
      const columns = columnsOf(rows);
      return { ...handDataset(label, rowsOfColumns(columns)), columns };
    };
    const datasets = [fromColumns('one', first), fromColumns('two', second)];
    expect(pricedGpuTypes(viewOf(datasets))).toEqual(['A100', 'B200', 'H200']);
    expect(pricedGpuTypes(viewOf(datasets, { gpu: ['8×A100'] }))).toEqual(['B200', 'H200']);
    // One file read from columns beside one of plain results.
    expect(
      pricedGpuTypes(viewOf([fromColumns('one', first), handDataset('plain', second)])),
    ).toEqual(['A100', 'B200', 'H200']);
  });

  describe('over a file read as columns', () => {
    // Serving at QPS 1: a test on no stated GPU (TP 2, 4 req/s) and one on 8×H100 (TP 1, 5 req/s).
    const rows = [
      result(
        'serving',
        'unstated',
        'H100',
        { request_throughput: 4 },
        { qps: 1, tp: 2, gpu: null },
      ),
      result('serving', 'stated', 'H100', { request_throughput: 5 }, { qps: 1 }),
    ];
    const columns = columnsOf(rows);
    const asRead: Dataset = { ...handDataset('file', rowsOfColumns(columns)), columns };

    it('reads no row’s GPU where the columns give it', () => {
      // Once the view is made, rows refuse to be asked for their GPU: every row, then only the
      // one without a GPU (the cost rows read the GPU of the tests they list).
      let refuses: ((testName: string) => boolean) | null = null;
      const guarded = asRead.results.map(
        (row) =>
          new Proxy(row, {
            get(target, key) {
              if (key === 'gpu' && refuses?.(target.testName) === true)
                throw new Error(`the GPU of ${target.testName} was read`);
              return Reflect.get(target, key, target) as unknown;
            },
          }),
      );
      const view = viewOf([{ ...asRead, results: guarded }]);
      refuses = () => true;
      expect(pricedGpuTypes(view)).toEqual(['H100']);
      refuses = (testName) => testName === 'unstated';
      expect(costRows(view, {}).map((row) => row.result.testName)).toEqual(['stated']);
    });

    it('leaves out the test whose GPU the file does not state', () => {
      const view = viewOf([asRead]);
      expect(pricedGpuTypes(view)).toEqual(['H100']);
      expect(costRows(view, { H100: 2 }).map((row) => row.result.testName)).toEqual(['stated']);
    });

    it('offers and costs the GPU the user assumed for the test that states none', () => {
      const assumed = { gpu: { type: 'B200', count: 8 } };
      const view = viewOf([
        { ...asRead, assumed, results: withAssumptions(asRead.results, columns, assumed) },
      ]);
      expect(pricedGpuTypes(view)).toEqual(['B200', 'H100']);
      // 2 GPUs × $3/h ÷ (4 req/s × 3600 s) × 1,000 requests = $0.41667 per 1k requests.
      // In reading order: TP 1 before TP 2.
      const costed = costRows(view, { B200: 3 });
      expect(costed.map((row) => [row.result.testName, row.gpu, row.price])).toEqual([
        ['stated', '8×H100', null],
        ['unstated', '8×B200', 3],
      ]);
      expect(costed[1]?.cost).toBeCloseTo(0.416667, 6);
    });
  });
});
