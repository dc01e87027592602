// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompareState } from '../../src/data/compare/compare-state';
import { type CompareSide } from '../../src/data/compare/compare-sides';
import {
  DEFAULT_COMPARE_URL_STATE,
  DEFAULT_URL_STATE,
  URL_KEYS,
  decodeUrlState,
  encodeUrlState,
  type CompareUrlState,
  type UrlState,
} from '../../src/data/url-schema';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/data/view-state';
import {
  DEFAULT_DECISION_STATE,
  type DecisionState,
} from '../../src/data/decisions/decision-state';
import { seedDataset } from '../helpers/seed';
import { propertyRuns } from '../helpers/property-runs';

const h100 = seedDataset('H100');

/** The compare part of a link alone, as the compare view used to write and read it. */
function encodeCompareUrlState(compare: CompareUrlState): string {
  return encodeUrlState({ view: DEFAULT_VIEW_STATE, compare, decisions: DEFAULT_DECISION_STATE });
}

function decodeCompareUrlState(query: string): CompareUrlState {
  return decodeUrlState(query).compare;
}

describe('the URL schema', () => {
  it('lists every key a link can carry, in the order links write them', () => {
    expect(URL_KEYS).toEqual([
      'hide.model',
      'hide.gpu',
      'hide.engine',
      'hide.qps',
      'hide.concurrency',
      'hide.tp',
      'hide.dataset',
      'q',
      'sort.latency',
      'hidecol.latency',
      'sort.throughput',
      'hidecol.throughput',
      'sort.serving',
      'hidecol.serving',
      'cmp',
      'cmp.base',
      'cmp.cand',
      'cmp.thr',
      'cmp.only',
      'cmp.p99',
      'slo.ttft',
      'slo.itl',
      'slo.tpot',
      'slo.e2el',
      'slo.pct',
      'price',
    ]);
  });

  it('writes the default state as an empty query and reads an empty query as the default', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('')).toEqual(DEFAULT_URL_STATE);
    expect(decodeUrlState('?')).toEqual(DEFAULT_URL_STATE);
  });

  it('writes the view first, then the compare view', () => {
    const state: UrlState = {
      view: {
        ...DEFAULT_VIEW_STATE,
        hidden: { ...DEFAULT_VIEW_STATE.hidden, gpu: ['8×H200'] },
        search: 'llama',
        tables: {
          ...DEFAULT_VIEW_STATE.tables,
          serving: { sorting: [{ id: 'ttft_p99', desc: true }], hiddenColumns: ['itl_p99'] },
        },
      },
      compare: {
        ...DEFAULT_COMPARE_URL_STATE,
        open: true,
        candidate: { kind: 'gpu', gpu: '8×H100' },
        threshold: 10,
      },
      decisions: DEFAULT_DECISION_STATE,
    };
    // × is C3 97 in UTF-8; `:` is %3A.
    const query =
      'hide.gpu=8%C3%97H200&q=llama&sort.serving=desc%3Attft_p99&hidecol.serving=itl_p99' +
      '&cmp=1&cmp.cand=gpu%3A8%C3%97H100&cmp.thr=10';
    expect(encodeUrlState(state)).toBe(query);
    expect(decodeUrlState(query)).toEqual(state);
    // Parameters in any order read the same.
    expect(
      decodeUrlState(
        'cmp.thr=10&hidecol.serving=itl_p99&cmp.cand=gpu%3A8%C3%97H100&q=llama&cmp=1' +
          '&sort.serving=desc%3Attft_p99&hide.gpu=8%C3%97H200',
      ),
    ).toEqual(state);
  });

  it('keeps the defaults themselves where nothing is set, so unchanged parts stay the same objects', () => {
    const state = decodeUrlState('cmp=1');
    expect(state.view).toEqual(DEFAULT_VIEW_STATE);
    expect(state.view.hidden).toBe(DEFAULT_VIEW_STATE.hidden);
    expect(state.view.tables.serving).toBe(DEFAULT_VIEW_STATE.tables.serving);
  });
});

describe('the compare state in a link', () => {
  const full: CompareUrlState = {
    open: true,
    baseline: { kind: 'dataset', id: h100.id },
    candidate: { kind: 'gpu', gpu: '8×H200' },
    threshold: 3,
    onlyRegressions: true,
    p99Threshold: 12.5,
  };

  it('writes the compare view’s parameters, then the p99 override', () => {
    expect(encodeCompareUrlState(DEFAULT_COMPARE_URL_STATE)).toBe('');
    expect(encodeCompareUrlState(full)).toBe(
      `cmp=1&cmp.base=${h100.id}&cmp.cand=gpu%3A8%C3%97H200&cmp.thr=3&cmp.only=reg&cmp.p99=12.5`,
    );
    expect(encodeCompareUrlState({ ...DEFAULT_COMPARE_URL_STATE, p99Threshold: 0 })).toBe(
      'cmp.p99=0',
    );
  });

  it('reads it back, among other parameters', () => {
    expect(decodeCompareUrlState(encodeCompareUrlState(full))).toEqual(full);
    expect(
      decodeCompareUrlState(`?hide.gpu=8%C3%97H100&${encodeCompareUrlState(full)}&q=llama`),
    ).toEqual(full);
  });

  it('ignores a junk p99 override', () => {
    for (const junk of ['cmp.p99=', 'cmp.p99=-1', 'cmp.p99=abc', 'cmp.p99=1001', 'cmp.p99=NaN']) {
      expect(decodeCompareUrlState(junk), junk).toEqual(DEFAULT_COMPARE_URL_STATE);
    }
  });
});

// Characters that mean something in a query string or that only UTF-8 can carry.
const ODD = ['×', '&', '=', ',', ' ', '+', '%', '#', '?', ':', ';', '/', '·', '∞', 'é', '😀', '\n'];
const text = fc.string({ unit: fc.constantFrom(...ODD, 'a', 'g', 'p', 'u', '8'), maxLength: 16 });
const nonEmpty = text.filter((value) => value !== '');
const values = fc.uniqueArray(text, { maxLength: 3 });
const columns = fc.uniqueArray(nonEmpty, { maxLength: 3 });
const sorting = fc.uniqueArray(fc.record({ id: nonEmpty, desc: fc.boolean() }), {
  maxLength: 3,
  selector: (key) => key.id,
});
const table = fc.record({ sorting, hiddenColumns: columns });
const viewArb: fc.Arbitrary<ViewState> = fc.record({
  hidden: fc.record({
    model: values,
    gpu: values,
    engine: values,
    qps: values,
    concurrency: values,
    tp: values,
    dataset: values,
  }),
  search: text.map((value) => (value.trim() === '' ? '' : value)),
  tables: fc.record({ latency: table, throughput: table, serving: table }),
});
const side: fc.Arbitrary<CompareSide | null> = fc.oneof(
  fc.constant(null),
  nonEmpty.filter((id) => !id.startsWith('gpu:')).map((id) => ({ kind: 'dataset' as const, id })),
  nonEmpty.map((gpu) => ({ kind: 'gpu' as const, gpu })),
);
const threshold = fc.oneof(
  fc.constantFrom(0, 5, 2.5, 10, 1000),
  fc.double({ min: 0, max: 1000, noNaN: true }).map((value) => value + 0),
);
const compareArb: fc.Arbitrary<CompareState> = fc.record({
  open: fc.boolean(),
  baseline: side,
  candidate: side,
  threshold,
  onlyRegressions: fc.boolean(),
});
const compareUrlArb: fc.Arbitrary<CompareUrlState> = fc
  .tuple(compareArb, fc.option(threshold, { nil: null }))
  .map(([compare, p99Threshold]) => ({ ...compare, p99Threshold }));

const positive = fc.double({ min: 0.001, max: 1e6, noNaN: true });
const decisionArb: fc.Arbitrary<DecisionState> = fc
  .record({
    ttft: fc.option(positive, { nil: null }),
    itl: fc.option(positive, { nil: null }),
    tpot: fc.option(positive, { nil: null }),
    e2el: fc.option(positive, { nil: null }),
    percentile: fc.constantFrom('median' as const, 'p90' as const, 'p95' as const, 'p99' as const),
    prices: fc.dictionary(
      fc.constantFrom('H100', 'H200', 'A100-SXM4-80GB', 'B200', 'a:b'),
      positive,
    ),
  })
  .map(({ percentile, prices, ...slo }) => {
    const unset = Object.values(slo).every((value) => value === null);
    const state = { slo, percentile, prices };
    return unset && percentile === 'median' && Object.keys(prices).length === 0
      ? DEFAULT_DECISION_STATE
      : { ...state, slo: unset ? DEFAULT_DECISION_STATE.slo : slo };
  });

describe('round trips', () => {
  it('reads back any state it writes, view and compare view together', () => {
    fc.assert(
      fc.property(viewArb, compareUrlArb, decisionArb, (view, compare, decisions) => {
        const state: UrlState = { view, compare, decisions };
        expect(decodeUrlState(encodeUrlState(state))).toEqual(state);
        // And writing what it read gives the same link.
        const query = encodeUrlState(state);
        expect(encodeUrlState(decodeUrlState(query))).toBe(query);
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
