// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NOTHING_HIDDEN } from '../../../src/data/results/filter-groups';
import { buildResultIndex } from '../../../src/data/results/result-index';
import { deriveResultsView } from '../../../src/data/results/results-view';
import { counts, hide, seed, visibleRows } from './index-fixtures';

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

  it('gives the same view with nothing hidden as a search every row matches', () => {
    // Every seed test name has an underscore: the search keeps every row, through the full
    // pass over rows, while no search and nothing hidden takes the index's own counts.
    const quick = deriveResultsView(index, NOTHING_HIDDEN, '');
    const full = deriveResultsView(index, NOTHING_HIDDEN, '_');
    expect(full.visibleCount).toBe(54);
    expect(quick.facets).toEqual(full.facets);
    expect(quick.visible).toEqual(full.visible);
    expect(quick.visibleCount).toBe(full.visibleCount);
    // A value hidden that no row has changes nothing either.
    const absent = deriveResultsView(index, hide({ gpu: ['8×B200'] }), '');
    expect(absent.facets).toEqual(full.facets);
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

  it('keeps a row the search leaves out hidden and uncounted when a filter hides it as well', () => {
    // llama70B: 18 rows, 6 of them on 8×H200. Hiding 8×H200 on top of the search leaves 12
    // rows; the other models' 8×H200 rows, out of the search, stay out (and out of the counts).
    const view = deriveResultsView(index, hide({ gpu: ['8×H200'] }), 'llama70B');
    expect(view.visibleCount).toBe(12);
    expect(counts(view.facets.model)).toEqual({
      'Llama 3 70B': 12,
      'Llama 3.1 8B': 0,
      'Mixtral 8x7B': 0,
    });
    // 8×H200's count is what it would show if checked: the search's 6.
    expect(counts(view.facets.gpu)).toEqual({
      '8×A100-SXM4-80GB': 6,
      '8×H100': 6,
      '8×H200': 6,
    });
  });

  it('gives an empty view for no data', () => {
    const empty = buildResultIndex([]);
    expect(empty.results.length).toBe(0);
    expect(empty.groupValues).toEqual({
      model: [],
      gpu: [],
      engine: [],
      qps: [],
      concurrency: [],
      tp: [],
      dataset: [],
    });
    const view = deriveResultsView(empty, hide({ gpu: ['8×H100'] }), 'llama');
    expect(view.visibleCount).toBe(0);
    expect(Array.from(view.visible.latency)).toEqual([]);
    expect(Array.from(view.visible.throughput)).toEqual([]);
    expect(Array.from(view.visible.serving)).toEqual([]);
    expect(view.facets).toEqual({
      model: [],
      gpu: [],
      engine: [],
      qps: [],
      concurrency: [],
      tp: [],
      dataset: [],
    });
  });
});
