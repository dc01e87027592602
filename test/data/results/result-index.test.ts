// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  NOTHING_HIDDEN,
  buildResultIndex,
  deriveResultsView,
  type FacetValue,
  type FilterGroup,
  type HiddenValues,
  type ResultIndex,
  type ResultsView,
} from '../../../src/data/results/result-index';
import { gpuLabel } from '../../../src/data/gpu';
import type { BenchmarkResult, Dataset, Suite } from '../../../src/data/results/result-model';
import { seedDataset } from '../../helpers/seed';

const h100 = seedDataset('H100');
const h200 = seedDataset('H200');
const a100 = seedDataset('A100-SXM4-80GB');
/** The bundled load order: H100, H200, A100. */
const seed: readonly Dataset[] = [h100, h200, a100];

function hide(change: Partial<Record<FilterGroup, readonly string[]>>): HiddenValues {
  return { ...NOTHING_HIDDEN, ...change };
}

/** "testName @ GPU label" of some positions, to compare with hand-written lists. */
function describeRows(index: ResultIndex, positions: Iterable<number>): string[] {
  return Array.from(positions, (position) => {
    const result = index.results[position];
    if (result === undefined) throw new Error(`no result at ${position}`);
    return `${result.testName} @ ${gpuLabel(result.gpu)}`;
  });
}

function visibleRows(view: ResultsView, suite: Suite): string[] {
  return describeRows(view.index, view.visible[suite]);
}

/** value → count of one facet group. */
function counts(facet: readonly FacetValue[]): Record<string, number> {
  return Object.fromEntries(facet.map((value) => [value.label, value.count]));
}

// Reading order, written out by hand: model by name (Llama 3 70B, Llama 3.1 8B, Mixtral 8x7B),
// then TP (fixed per model here), then GPU label (A100, H100, H200), then QPS 1 < 4 < 16 < inf
// with results without a QPS (latency, throughput) after, then dataset, then test name
// (latency_… before throughput_…).
const MODEL_TOKENS = [
  ['llama70B', 'tp4'],
  ['llama8B', 'tp1'],
  ['mixtral8x7B', 'tp2'],
] as const;
const GPU_LABELS = ['8×A100-SXM4-80GB', '8×H100', '8×H200'] as const;

function expectedReadingOrder(gpus: readonly string[]): string[] {
  const rows: string[] = [];
  for (const [model, tp] of MODEL_TOKENS) {
    for (const gpu of gpus) {
      for (const qps of ['1', '4', '16', 'inf']) {
        rows.push(`serving_${model}_${tp}_sharegpt_qps_${qps} @ ${gpu}`);
      }
      rows.push(`latency_${model}_${tp} @ ${gpu}`);
      rows.push(`throughput_${model}_${tp} @ ${gpu}`);
    }
  }
  return rows;
}

describe('buildResultIndex', () => {
  const index = buildResultIndex(seed);

  it('holds all 54 seed results in reading order, whatever order the files list them in', () => {
    expect(index.results).toHaveLength(54);
    expect(describeRows(index, index.results.keys())).toEqual(expectedReadingOrder(GPU_LABELS));
    // The first rows, spelled out.
    expect(describeRows(index, [0, 1, 2, 3, 4, 5, 6])).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_1 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_4 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_16 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_inf @ 8×A100-SXM4-80GB',
      'latency_llama70B_tp4 @ 8×A100-SXM4-80GB',
      'throughput_llama70B_tp4 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_1 @ 8×H100',
    ]);
    expect(describeRows(index, [53])).toEqual(['throughput_mixtral8x7B_tp2 @ 8×H200']);
  });

  it('gives the same reading order when the datasets are loaded in another order', () => {
    const reversed = buildResultIndex([a100, h200, h100]);
    expect(describeRows(reversed, reversed.results.keys())).toEqual(
      expectedReadingOrder(GPU_LABELS),
    );
  });

  it('records each row’s dataset', () => {
    // Position 0 is an A100 row (third dataset), 6 an H100 row (first), 12 an H200 row (second).
    expect([index.datasetOf[0], index.datasetOf[6], index.datasetOf[12]]).toEqual([2, 0, 1]);
  });

  it('lists each suite’s positions ascending', () => {
    // Every block of six (one model on one GPU) is 4 serving, 1 latency, 1 throughput row.
    expect(Array.from(index.bySuite.latency)).toEqual([4, 10, 16, 22, 28, 34, 40, 46, 52]);
    expect(Array.from(index.bySuite.throughput)).toEqual([5, 11, 17, 23, 29, 35, 41, 47, 53]);
    expect(Array.from(index.bySuite.serving)).toEqual([
      0, 1, 2, 3, 6, 7, 8, 9, 12, 13, 14, 15, 18, 19, 20, 21, 24, 25, 26, 27, 30, 31, 32, 33, 36,
      37, 38, 39, 42, 43, 44, 45, 48, 49, 50, 51,
    ]);
  });

  it('orders each filter group’s values the way people read them', () => {
    expect(index.groupValues.model).toEqual([
      { value: 'llama70B', label: 'Llama 3 70B' },
      { value: 'llama8B', label: 'Llama 3.1 8B' },
      { value: 'mixtral8x7B', label: 'Mixtral 8x7B' },
    ]);
    expect(index.groupValues.gpu).toEqual([
      { value: '8×A100-SXM4-80GB', label: '8×A100-SXM4-80GB' },
      { value: '8×H100', label: '8×H100' },
      { value: '8×H200', label: '8×H200' },
    ]);
    // By size, not as text ("16" < "4"), with inf last.
    expect(index.groupValues.qps.map((value) => value.value)).toEqual(['1', '4', '16', 'inf']);
    expect(index.groupValues.tp.map((value) => value.value)).toEqual(['1', '2', '4']);
    // Datasets in load order, keyed by id, labelled by their GPU.
    expect(index.groupValues.dataset).toEqual([
      { value: h100.id, label: 'Nightly · 8×H100' },
      { value: h200.id, label: 'Nightly · 8×H200' },
      { value: a100.id, label: 'Nightly · 8×A100-SXM4-80GB' },
    ]);
  });

  it('orders datasets by load order, not by label', () => {
    const reversed = buildResultIndex([a100, h200, h100]);
    expect(reversed.groupValues.dataset.map((value) => value.label)).toEqual([
      'Nightly · 8×A100-SXM4-80GB',
      'Nightly · 8×H200',
      'Nightly · 8×H100',
    ]);
  });

  it('lists the metrics each suite has, in the CI table’s column order', () => {
    expect(index.metricKeys).toEqual({
      latency: ['latency_mean', 'latency_median', 'latency_p99'],
      throughput: ['request_throughput'],
      serving: [
        'request_throughput',
        'ttft_mean',
        'ttft_median',
        'ttft_p99',
        'itl_mean',
        'itl_median',
        'itl_p99',
      ],
    });
  });
});

/** A serving result with only what ordering looks at. */
function servingResult(testName: string, qps: number | null, tp: number | null): BenchmarkResult {
  return {
    suite: 'serving',
    testName,
    model: 'llama8B',
    tp,
    pp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    metrics: {},
    attributes: {},
  };
}

function datasetOf(results: readonly BenchmarkResult[]): Dataset {
  return {
    id: 'synthetic',
    label: 'synthetic.json',
    source: { kind: 'file', name: 'synthetic.json' },
    format: { id: 'vllm-markdown', label: 'vLLM markdown V4' },
    results,
    warnings: [],
  };
}

describe('buildResultIndex with unknown QPS or TP', () => {
  // Every first-seen order of an unknown QPS, QPS 1 and inf.
  const orders: readonly (readonly (number | null)[])[] = [
    [null, 1, Infinity],
    [null, Infinity, 1],
    [1, null, Infinity],
    [1, Infinity, null],
    [Infinity, null, 1],
    [Infinity, 1, null],
  ];
  it.each(orders)('lists an unknown QPS (—) after inf whatever comes first: %j', (...qpsList) => {
    const index = buildResultIndex([
      datasetOf(qpsList.map((qps, i) => servingResult(`serving_${i}`, qps, 1))),
    ]);
    expect(index.groupValues.qps.map((value) => value.value)).toEqual(['1', 'inf', '—']);
    // Reading order agrees: QPS 1, inf, then the unknown one.
    expect(index.results.map((result) => result.qps)).toEqual([1, Infinity, null]);
  });

  it('lists an unknown TP (—) after the numbers', () => {
    const index = buildResultIndex([
      datasetOf([servingResult('a', 1, null), servingResult('b', 1, 8), servingResult('c', 1, 2)]),
    ]);
    expect(index.groupValues.tp.map((value) => value.value)).toEqual(['2', '8', '—']);
  });
});

describe('deriveResultsView', () => {
  const index = buildResultIndex(seed);

  it('shows everything when nothing is hidden', () => {
    const view = deriveResultsView(index, NOTHING_HIDDEN, '');
    expect(view.visible.latency).toHaveLength(9);
    expect(view.visible.throughput).toHaveLength(9);
    expect(view.visible.serving).toHaveLength(36);
    expect(view.visibleCount).toBe(54);
    expect(counts(view.facets.gpu)).toEqual({
      '8×A100-SXM4-80GB': 18,
      '8×H100': 18,
      '8×H200': 18,
    });
    // QPS counts serving results only: 3 models × 3 GPUs each.
    expect(counts(view.facets.qps)).toEqual({ '1': 9, '4': 9, '16': 9, inf: 9 });
    expect(counts(view.facets.tp)).toEqual({ '1': 18, '2': 18, '4': 18 });
    expect(view.facets.gpu.every((value) => !value.hidden)).toBe(true);
  });

  it('drops a hidden GPU’s rows from every suite, keeping reading order', () => {
    const view = deriveResultsView(index, hide({ gpu: ['8×H200'] }), '');
    expect(visibleRows(view, 'latency')).toEqual([
      'latency_llama70B_tp4 @ 8×A100-SXM4-80GB',
      'latency_llama70B_tp4 @ 8×H100',
      'latency_llama8B_tp1 @ 8×A100-SXM4-80GB',
      'latency_llama8B_tp1 @ 8×H100',
      'latency_mixtral8x7B_tp2 @ 8×A100-SXM4-80GB',
      'latency_mixtral8x7B_tp2 @ 8×H100',
    ]);
    expect(visibleRows(view, 'throughput')).toHaveLength(6);
    expect(visibleRows(view, 'serving')).toHaveLength(24);
    expect(visibleRows(view, 'serving').some((row) => row.endsWith('8×H200'))).toBe(false);
    expect(view.visibleCount).toBe(36);
    expect(view.facets.gpu.map((value) => [value.label, value.hidden])).toEqual([
      ['8×A100-SXM4-80GB', false],
      ['8×H100', false],
      ['8×H200', true],
    ]);
  });

  it('ignores hidden values that are not present', () => {
    const view = deriveResultsView(index, hide({ gpu: ['8×B200'], model: ['nope'] }), '');
    expect(view.visibleCount).toBe(54);
  });

  it('never hides latency or throughput rows by QPS', () => {
    const view = deriveResultsView(index, hide({ qps: ['inf'] }), '');
    expect(view.visible.latency).toHaveLength(9);
    expect(view.visible.throughput).toHaveLength(9);
    // 3 models × 3 GPUs × QPS 1, 4, 16.
    expect(visibleRows(view, 'serving')).toHaveLength(27);
    expect(visibleRows(view, 'serving').some((row) => row.includes('qps_inf'))).toBe(false);

    const allQps = deriveResultsView(index, hide({ qps: ['1', '4', '16', 'inf'] }), '');
    expect(allQps.visible.serving).toHaveLength(0);
    expect(allQps.visible.latency).toHaveLength(9);
    expect(allQps.visible.throughput).toHaveLength(9);
  });

  it('searches test names as a case-insensitive substring', () => {
    // "qps_1" is a substring of qps_1 and qps_16.
    const view = deriveResultsView(index, NOTHING_HIDDEN, 'QPS_1');
    expect(view.visible.latency).toHaveLength(0);
    expect(view.visible.throughput).toHaveLength(0);
    expect(visibleRows(view, 'serving').slice(0, 4)).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_1 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_16 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_1 @ 8×H100',
      'serving_llama70B_tp4_sharegpt_qps_16 @ 8×H100',
    ]);
    expect(view.visible.serving).toHaveLength(18);

    const mixed = deriveResultsView(index, NOTHING_HIDDEN, '  MiXtRaL8X7b_TP2 ');
    expect(mixed.visible.latency).toHaveLength(3);
    expect(mixed.visible.throughput).toHaveLength(3);
    expect(mixed.visible.serving).toHaveLength(12);

    expect(deriveResultsView(index, NOTHING_HIDDEN, 'gpt-5').visibleCount).toBe(0);
    expect(deriveResultsView(index, NOTHING_HIDDEN, '   ').visibleCount).toBe(54);
  });

  it('counts each value as if its own group had nothing hidden (faceted counts)', () => {
    const view = deriveResultsView(index, hide({ gpu: ['8×H200'] }), '');
    // The hidden GPU still says how many it would bring back.
    expect(counts(view.facets.gpu)).toEqual({
      '8×A100-SXM4-80GB': 18,
      '8×H100': 18,
      '8×H200': 18,
    });
    // The H200 dataset's rows are all hidden by the GPU filter.
    expect(counts(view.facets.dataset)).toEqual({
      'Nightly · 8×H100': 18,
      'Nightly · 8×H200': 0,
      'Nightly · 8×A100-SXM4-80GB': 18,
    });
    // Two GPUs left: 2 × (3 + 3 + 12) / 3 models.
    expect(counts(view.facets.model)).toEqual({
      'Llama 3 70B': 12,
      'Llama 3.1 8B': 12,
      'Mixtral 8x7B': 12,
    });
    expect(counts(view.facets.qps)).toEqual({ '1': 6, '4': 6, '16': 6, inf: 6 });
  });

  it('combines hidden values of two groups in the facet counts', () => {
    const view = deriveResultsView(index, hide({ qps: ['inf'], model: ['llama8B'] }), '');
    // llama8B would show 3 latency + 3 throughput + 3 GPUs × QPS 1, 4, 16 = 15.
    expect(counts(view.facets.model)).toEqual({
      'Llama 3 70B': 15,
      'Llama 3.1 8B': 15,
      'Mixtral 8x7B': 15,
    });
    // inf would show 2 remaining models × 3 GPUs.
    expect(counts(view.facets.qps)).toEqual({ '1': 6, '4': 6, '16': 6, inf: 6 });
    // A row hidden by two groups counts for neither.
    expect(counts(view.facets.gpu)).toEqual({
      '8×A100-SXM4-80GB': 10,
      '8×H100': 10,
      '8×H200': 10,
    });
    expect(view.visibleCount).toBe(30);
  });

  it('applies the search to the facet counts', () => {
    const view = deriveResultsView(index, NOTHING_HIDDEN, 'llama70B');
    expect(counts(view.facets.model)).toEqual({
      'Llama 3 70B': 18,
      'Llama 3.1 8B': 0,
      'Mixtral 8x7B': 0,
    });
    expect(counts(view.facets.qps)).toEqual({ '1': 3, '4': 3, '16': 3, inf: 3 });
  });

  it('gives an empty view for no data', () => {
    const empty = buildResultIndex([]);
    expect(empty.results).toEqual([]);
    expect(empty.groupValues).toEqual({ model: [], gpu: [], qps: [], tp: [], dataset: [] });
    const view = deriveResultsView(empty, hide({ gpu: ['8×H100'] }), 'llama');
    expect(view.visibleCount).toBe(0);
    expect(Array.from(view.visible.latency)).toEqual([]);
    expect(Array.from(view.visible.throughput)).toEqual([]);
    expect(Array.from(view.visible.serving)).toEqual([]);
    expect(view.facets).toEqual({ model: [], gpu: [], qps: [], tp: [], dataset: [] });
  });
});
