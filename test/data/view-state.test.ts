// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTER_GROUPS, type HiddenValues } from '../../src/data/results/filter-groups';
import { SUITES } from '../../src/data/results/result-model';
import type { SortKey } from '../../src/data/results/sort-results';
import { decodeViewState, encodeViewState } from '../../src/data/url-schema';
import { DEFAULT_VIEW_STATE, type TableView, type ViewState } from '../../src/data/view-state';
import { propertyRuns } from '../helpers/property-runs';

const RUNS = propertyRuns(300);

function view(change: {
  hidden?: Partial<HiddenValues>;
  search?: string;
  tables?: Partial<Record<(typeof SUITES)[number], TableView>>;
}): ViewState {
  return {
    hidden: { ...DEFAULT_VIEW_STATE.hidden, ...change.hidden },
    search: change.search ?? '',
    tables: { ...DEFAULT_VIEW_STATE.tables, ...change.tables },
  };
}

// Characters that mean something in a query string or that only UTF-8 can carry.
const ODD = ['×', '&', '=', ',', ' ', '+', '%', '#', '?', ':', ';', '/', '·', '∞', 'é', '😀', '\n'];
const oddText = fc.string({
  unit: fc.constantFrom(...ODD, 'a', 'Z', '8', '_', '.', '-'),
  maxLength: 24,
});
const anyText = fc.oneof(oddText, fc.string({ unit: 'grapheme', maxLength: 20 }));
const nonEmpty = anyText.filter((text) => text !== '');

const hiddenArb: fc.Arbitrary<HiddenValues> = fc.record({
  model: fc.uniqueArray(anyText, { maxLength: 4 }),
  gpu: fc.uniqueArray(anyText, { maxLength: 4 }),
  engine: fc.uniqueArray(anyText, { maxLength: 4 }),
  qps: fc.uniqueArray(anyText, { maxLength: 4 }),
  concurrency: fc.uniqueArray(anyText, { maxLength: 4 }),
  tp: fc.uniqueArray(anyText, { maxLength: 4 }),
  dataset: fc.uniqueArray(anyText, { maxLength: 4 }),
});
const sortKeyArb: fc.Arbitrary<SortKey> = fc.record({ id: nonEmpty, desc: fc.boolean() });
const tableArb: fc.Arbitrary<TableView> = fc.record({
  sorting: fc.uniqueArray(sortKeyArb, { maxLength: 3, selector: (key) => key.id }),
  hiddenColumns: fc.uniqueArray(nonEmpty, { maxLength: 3 }),
});
/** Views a user can reach: a search that is only spaces is no search. */
const viewArb: fc.Arbitrary<ViewState> = fc.record({
  hidden: hiddenArb,
  search: anyText.map((text) => (text.trim() === '' ? '' : text)),
  tables: fc.record({ latency: tableArb, throughput: tableArb, serving: tableArb }),
});

describe('encodeViewState', () => {
  it('encodes the default view as an empty query', () => {
    expect(encodeViewState(DEFAULT_VIEW_STATE)).toBe('');
  });

  it('leaves a search of only spaces out', () => {
    expect(encodeViewState(view({ search: '   ' }))).toBe('');
  });

  it('writes hidden values, search, then each table’s sort and columns, in a fixed order', () => {
    const state = view({
      hidden: { model: ['llama8B'], gpu: ['8×H200'], qps: ['inf'] },
      search: 'llama 70B',
      tables: {
        latency: { sorting: [{ id: 'latency_mean', desc: false }], hiddenColumns: ['latency_p99'] },
        serving: {
          sorting: [
            { id: 'ttft_p99', desc: true },
            { id: 'qps', desc: false },
          ],
          hiddenColumns: [],
        },
      },
    });
    expect(encodeViewState(state)).toBe(
      'hide.model=llama8B&hide.gpu=8%C3%97H200&hide.qps=inf&q=llama+70B' +
        '&sort.latency=asc%3Alatency_mean&hidecol.latency=latency_p99' +
        '&sort.serving=desc%3Attft_p99&sort.serving=asc%3Aqps',
    );
  });

  it('gives the same link whatever order the view object was built in', () => {
    const a: ViewState = {
      hidden: {
        model: [],
        gpu: ['8×H100'],
        engine: [],
        qps: [],
        concurrency: [],
        tp: ['4'],
        dataset: [],
      },
      search: 'x',
      tables: DEFAULT_VIEW_STATE.tables,
    };
    const b: ViewState = {
      tables: {
        serving: DEFAULT_VIEW_STATE.tables.serving,
        throughput: DEFAULT_VIEW_STATE.tables.throughput,
        latency: DEFAULT_VIEW_STATE.tables.latency,
      },
      search: 'x',
      hidden: {
        dataset: [],
        concurrency: [],
        tp: ['4'],
        qps: [],
        engine: [],
        gpu: ['8×H100'],
        model: [],
      },
    };
    expect(encodeViewState(b)).toBe(encodeViewState(a));
    expect(encodeViewState(a)).toBe('hide.gpu=8%C3%97H100&hide.tp=4&q=x');
  });

  it('escapes characters that mean something in a query', () => {
    expect(encodeViewState(view({ hidden: { dataset: ['a&b=c, d+e%'] } }))).toBe(
      'hide.dataset=a%26b%3Dc%2C+d%2Be%25',
    );
  });
});

describe('decodeViewState', () => {
  it('reads the default view from an empty query, with or without "?"', () => {
    expect(decodeViewState('')).toEqual(DEFAULT_VIEW_STATE);
    expect(decodeViewState('?')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('reads a hand-written link', () => {
    expect(
      decodeViewState(
        '?hide.gpu=8%C3%97H200&hide.qps=inf&q=llama&sort.serving=desc:ttft_p99&hidecol.latency=latency_p99',
      ),
    ).toEqual(
      view({
        hidden: { gpu: ['8×H200'], qps: ['inf'] },
        search: 'llama',
        tables: {
          latency: { sorting: [], hiddenColumns: ['latency_p99'] },
          serving: { sorting: [{ id: 'ttft_p99', desc: true }], hiddenColumns: [] },
        },
      }),
    );
  });

  it('accepts characters a person pastes unescaped', () => {
    expect(decodeViewState('hide.gpu=8×H200').hidden.gpu).toEqual(['8×H200']);
  });

  it('keeps the first of repeated values and sort columns', () => {
    const state = decodeViewState(
      'hide.gpu=8%C3%97H200&hide.gpu=8%C3%97H200&sort.serving=desc:ttft_p99&sort.serving=asc:ttft_p99',
    );
    expect(state.hidden.gpu).toEqual(['8×H200']);
    expect(state.tables.serving.sorting).toEqual([{ id: 'ttft_p99', desc: true }]);
  });

  it('splits a sort at its first colon, so column ids may contain colons', () => {
    expect(decodeViewState('sort.latency=asc:x:Tput (req/s)').tables.latency.sorting).toEqual([
      { id: 'x:Tput (req/s)', desc: false },
    ]);
  });

  it.each([
    ['an unknown filter group', '?hide.bogus=1'],
    ['an unknown sort direction', 'sort.serving=sideways:x'],
    ['a sort of an unknown table', 'sort.nope=asc:x'],
    ['a sort without a column', 'sort.serving=asc:'],
    ['a sort without a direction', 'sort.serving=ttft_p99'],
    ['an upper-case direction', 'sort.serving=ASC:ttft_p99'],
    ['an upper-case prefix', 'HIDE.gpu=8%C3%97H100'],
    ['hidden columns of an unknown table', 'hidecol.nope=x'],
    ['an empty hidden column', 'hidecol.latency='],
    ['a prefix without a name', 'hide.=x&sort.=asc:x&hidecol.=x'],
    ['unknown parameters', 'utm_source=mail&page=2'],
    ['a malformed escape', '%E0%A4%A'],
    [
      'prototype names',
      '__proto__=1&hide.__proto__=x&hide.constructor=x&sort.__proto__=asc:x' +
        '&sort.hasOwnProperty=desc:y&hidecol.__proto__=x&hidecol.toString=y',
    ],
  ])('ignores %s and keeps the default view', (_what, query) => {
    expect(decodeViewState(query)).toEqual(DEFAULT_VIEW_STATE);
  });

  it('leaves Object.prototype alone when a link names __proto__', () => {
    decodeViewState('hide.__proto__=polluted&sort.__proto__=asc:polluted&__proto__[x]=1');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('decodes a malformed escape in the search to a replacement character, not a throw', () => {
    // E0 A4 starts a three-byte UTF-8 sequence that never ends: one U+FFFD; "%A" stays as text.
    expect(decodeViewState('q=%E0%A4%A').search).toBe('\uFFFD%A');
  });

  it('ignores values longer than 300 characters and keeps ones of 300', () => {
    expect(decodeViewState(`q=${'a'.repeat(301)}`)).toEqual(DEFAULT_VIEW_STATE);
    expect(decodeViewState(`hide.gpu=${'x'.repeat(100_000)}`)).toEqual(DEFAULT_VIEW_STATE);
    expect(decodeViewState(`q=${'a'.repeat(300)}`).search).toBe('a'.repeat(300));
    // The limit is on the decoded text: 150 × "×" is 300 characters.
    expect(decodeViewState(`q=${'%C3%97'.repeat(150)}`).search).toBe('×'.repeat(150));
  });

  it('reads at most 1000 parameters and 200 values per group', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `hide.gpu=v${i}`).join('&');
    const gpus = decodeViewState(many).hidden.gpu;
    expect(gpus).toHaveLength(200);
    expect(gpus[0]).toBe('v0');
    expect(gpus[199]).toBe('v199');

    const late = `${Array.from({ length: 5000 }, (_, i) => `x${i}=1`).join('&')}&q=late`;
    expect(decodeViewState(late)).toEqual(DEFAULT_VIEW_STATE);
  });
});

describe('encodeViewState and decodeViewState together', () => {
  it('round-trip any view, odd characters included', () => {
    fc.assert(
      fc.property(viewArb, (state) => {
        const query = encodeViewState(state);
        expect(decodeViewState(query)).toEqual(state);
        expect(decodeViewState(`?${query}`)).toEqual(state);
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trip hand-picked odd values', () => {
    const state = view({
      hidden: {
        gpu: ['8×H200', 'a&b', 'x=y', 'c,d', ' spaced ', '∞ 😀', '%41'],
        dataset: ['Nightly · 8×H100', ''],
      },
      search: ' qps_inf & more ',
      tables: {
        throughput: {
          sorting: [{ id: 'x:Tput (req/s)', desc: true }],
          hiddenColumns: ['a&b=c'],
        },
      },
    });
    expect(decodeViewState(encodeViewState(state))).toEqual(state);
  });

  it('never throw on arbitrary text, and the view they read encodes to a fixed point', () => {
    const query = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.webQueryParameters(),
      fc
        .array(
          fc.tuple(
            fc.constantFrom('hide.', 'sort.', 'hidecol.', 'q', ''),
            fc.constantFrom(...FILTER_GROUPS, ...SUITES, '__proto__', 'x', ''),
            fc.oneof(oddText, fc.constantFrom('asc:', 'desc:', ':', 'desc:ttft_p99')),
          ),
          { maxLength: 12 },
        )
        .map((params) =>
          params.map(([prefix, name, value]) => `${prefix}${name}=${value}`).join('&'),
        ),
    );
    fc.assert(
      fc.property(query, (text) => {
        const state = decodeViewState(text);
        for (const group of FILTER_GROUPS) {
          expect(Array.isArray(state.hidden[group])).toBe(true);
          expect(state.hidden[group].length).toBeLessThanOrEqual(200);
        }
        expect(typeof state.search).toBe('string');
        for (const suite of SUITES) {
          for (const key of state.tables[suite].sorting) {
            expect(key.id).not.toBe('');
            expect(typeof key.desc).toBe('boolean');
          }
        }
        const canonical = encodeViewState(state);
        expect(encodeViewState(decodeViewState(canonical))).toBe(canonical);
      }),
      { numRuns: RUNS },
    );
  });
});
