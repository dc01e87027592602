import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW_STATE } from '../../src/data/view-state';
import { DEFAULT_COMPARE_URL_STATE } from '../../src/data/url-schema';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { mergeQueries, startUrlSync } from '../../src/store/url-sync';

const store = () => useDashboardStore.getState();
const compare = () => store().compare;

let stop: (() => void) | null = null;

function start(url: string): void {
  window.history.replaceState(null, '', url);
  stop = startUrlSync(window);
}

/** Goes to another URL as Back/Forward would: the URL changes, then popstate fires. */
function popTo(url: string): void {
  window.history.replaceState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

beforeEach(() => {
  store().reset();
  // A fresh entry at the end of the session history, so forward entries left by a test that
  // went back cannot make history.length lie.
  window.history.pushState(null, '', '/');
});

afterEach(() => {
  stop?.();
  stop = null;
});

describe('startUrlSync at start', () => {
  it('opens with the view the URL describes', () => {
    const length = window.history.length;
    start('/?hide.gpu=8%C3%97H200&q=llama&sort.serving=desc:ttft_p99&hidecol.latency=latency_p99');
    expect(store().view.hidden).toEqual({
      model: [],
      gpu: ['8×H200'],
      engine: [],
      qps: [],
      concurrency: [],
      tp: [],
      dataset: [],
    });
    expect(store().view.search).toBe('llama');
    expect(store().view.tables.serving.sorting).toEqual([{ id: 'ttft_p99', desc: true }]);
    expect(store().view.tables.latency.hiddenColumns).toEqual(['latency_p99']);
    // Reading the URL adds no history entry.
    expect(window.history.length).toBe(length);
  });

  it('opens with the default view for a junk query, whatever the view was before', () => {
    store().setSearch('stale');
    store().toggleHidden('model', 'llama8B');
    start('/?hide.bogus=1&sort.serving=sideways:x&sort.nope=asc:x&%E0%A4%A');
    expect(store().view).toEqual(DEFAULT_VIEW_STATE);
  });

  it('opens with the default view for no query', () => {
    store().setSearch('stale');
    start('/');
    expect(store().view).toEqual(DEFAULT_VIEW_STATE);
  });
});

describe('startUrlSync on changes', () => {
  it('adds a history entry with the encoded query for a filter change', () => {
    start('/');
    const length = window.history.length;
    store().toggleHidden('gpu', '8×H200');
    expect(window.location.search).toBe('?hide.gpu=8%C3%97H200');
    expect(window.history.length).toBe(length + 1);

    store().toggleHidden('gpu', '8×H200');
    // Back to the default view: no query at all.
    expect(window.location.search).toBe('');
    expect(window.location.href).toBe(`${window.location.origin}/`);
    expect(window.history.length).toBe(length + 2);
  });

  it('adds a history entry for a sort or column change', () => {
    start('/');
    const length = window.history.length;
    store().setSorting('serving', [{ id: 'ttft_p99', desc: true }]);
    expect(window.location.search).toBe('?sort.serving=desc%3Attft_p99');
    store().setHiddenColumns('latency', ['latency_p99']);
    expect(window.location.search).toBe(
      '?hidecol.latency=latency_p99&sort.serving=desc%3Attft_p99',
    );
    expect(window.history.length).toBe(length + 2);
  });

  it('adds one entry for a search however many keystrokes it took', () => {
    start('/');
    const length = window.history.length;
    const push = vi.spyOn(window.history, 'pushState');
    store().setSearch('l');
    store().setSearch('ll');
    store().setSearch('llama');
    expect(window.location.search).toBe('?q=llama');
    expect(window.history.length).toBe(length + 1);
    expect(push).toHaveBeenCalledTimes(1);
  });

  it('adds an entry for a filter change after typing, keeping the search', () => {
    start('/');
    const length = window.history.length;
    store().setSearch('llama');
    store().toggleHidden('qps', 'inf');
    expect(window.location.search).toBe('?hide.qps=inf&q=llama');
    // One entry for the search, one for the filter: Back undoes only the filter.
    expect(window.history.length).toBe(length + 2);
  });

  it('touches no history when the view changes to the same link', () => {
    start('/?q=llama');
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    store().setSearch('llama');
    store().setSorting('latency', []);
    expect(push).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
  });

  it('keeps the path and the hash', () => {
    start('/sub/page/#serving');
    store().toggleHidden('model', 'llama8B');
    expect(window.location.pathname).toBe('/sub/page/');
    expect(window.location.hash).toBe('#serving');
    expect(window.location.search).toBe('?hide.model=llama8B');
  });
});

describe('startUrlSync on Back and Forward', () => {
  it('restores the view of the URL gone back to, without adding an entry', () => {
    start('/');
    store().toggleHidden('gpu', '8×H200');
    const length = window.history.length;
    const push = vi.spyOn(window.history, 'pushState');
    popTo('/?q=foo&hide.model=llama8B');
    expect(store().view.search).toBe('foo');
    expect(store().view.hidden.model).toEqual(['llama8B']);
    expect(store().view.hidden.gpu).toEqual([]);
    expect(push).not.toHaveBeenCalled();
    expect(window.history.length).toBe(length);
    expect(window.location.search).toBe('?q=foo&hide.model=llama8B');
  });

  it('restores the view after history.back()', async () => {
    start('/');
    store().toggleHidden('gpu', '8×H200');
    store().toggleHidden('model', 'llama8B');
    expect(window.location.search).toBe('?hide.model=llama8B&hide.gpu=8%C3%97H200');
    const popped = new Promise<void>((resolve) => {
      window.addEventListener(
        'popstate',
        () => {
          resolve();
        },
        { once: true },
      );
    });
    window.history.back();
    await popped;
    expect(window.location.search).toBe('?hide.gpu=8%C3%97H200');
    expect(store().view.hidden.gpu).toEqual(['8×H200']);
    expect(store().view.hidden.model).toEqual([]);
  });

  it('goes back to the default view for a junk URL', () => {
    start('/?q=llama');
    popTo('/?hide.bogus=1&sort.serving=sideways:x');
    expect(store().view).toEqual(DEFAULT_VIEW_STATE);
  });

  it('adds entries again after Back when the view changes', () => {
    start('/');
    popTo('/?q=foo');
    const length = window.history.length;
    store().toggleHidden('tp', '4');
    expect(window.location.search).toBe('?hide.tp=4&q=foo');
    expect(window.history.length).toBe(length + 1);
  });
});

describe('the stop function', () => {
  it('stops writing the URL and stops reading popstate', () => {
    start('/?q=kept');
    stop?.();
    stop = null;
    const length = window.history.length;
    store().toggleHidden('gpu', '8×H100');
    expect(window.location.search).toBe('?q=kept');
    expect(window.history.length).toBe(length);

    popTo('/?q=ignored');
    expect(store().view.search).toBe('kept');
    expect(store().view.hidden.gpu).toEqual(['8×H100']);
  });
});

describe('the compare view in the link', () => {
  it('opens with the compare state the URL describes, next to the view', () => {
    const length = window.history.length;
    start(
      '/?hide.gpu=8%C3%97A100-SXM4-80GB&cmp=1&cmp.base=gpu%3A8%C3%97H100&cmp.cand=abc123-4k&cmp.thr=2.5&cmp.only=reg&cmp.p99=10',
    );
    expect(store().view.hidden.gpu).toEqual(['8×A100-SXM4-80GB']);
    expect(compare()).toMatchObject({
      open: true,
      baseline: { kind: 'gpu', gpu: '8×H100' },
      candidate: { kind: 'dataset', id: 'abc123-4k' },
      threshold: 2.5,
      onlyRegressions: true,
      p99Threshold: 10,
    });
    expect(window.history.length).toBe(length);
  });

  it('writes both parts, the view first, each change a history entry', () => {
    start('/');
    const length = window.history.length;
    store().openCompare();
    expect(window.location.search).toBe('?cmp=1');
    store().setSides({ kind: 'gpu', gpu: '8×H100' }, { kind: 'gpu', gpu: '8×H200' });
    store().toggleHidden('model', 'llama8B');
    store().setSorting('serving', [{ id: 'ttft_p99', desc: true }]);
    store().setOnlyRegressions(true);
    expect(window.location.search).toBe(
      '?hide.model=llama8B&sort.serving=desc%3Attft_p99&cmp=1&cmp.base=gpu%3A8%C3%97H100&cmp.cand=gpu%3A8%C3%97H200&cmp.only=reg',
    );
    expect(window.history.length).toBe(length + 5);
    store().closeCompare();
    // Closed, the sides stay in the link so reopening restores them.
    expect(window.location.search).toBe(
      '?hide.model=llama8B&sort.serving=desc%3Attft_p99&cmp.base=gpu%3A8%C3%97H100&cmp.cand=gpu%3A8%C3%97H200&cmp.only=reg',
    );
  });

  it('adds one entry for a threshold however many keystrokes it took', () => {
    start('/?cmp=1');
    const length = window.history.length;
    store().setThreshold(1);
    store().setThreshold(12);
    store().setThreshold(12.5);
    expect(window.location.search).toBe('?cmp=1&cmp.thr=12.5');
    expect(window.history.length).toBe(length + 1);
    // The p99 field is another edit: a new entry, then its keystrokes replace it.
    store().setP99Threshold(2);
    store().setP99Threshold(20);
    expect(window.location.search).toBe('?cmp=1&cmp.thr=12.5&cmp.p99=20');
    expect(window.history.length).toBe(length + 2);
    // Typing a search after the threshold is an entry of its own.
    store().setSearch('l');
    store().setSearch('llama');
    expect(window.location.search).toBe('?q=llama&cmp=1&cmp.thr=12.5&cmp.p99=20');
    expect(window.history.length).toBe(length + 3);
  });

  it('restores both parts on Back and Forward without adding entries', () => {
    start('/');
    store().toggleHidden('gpu', '8×H200');
    store().openCompare();
    store().setThreshold(7);
    const push = vi.spyOn(window.history, 'pushState');
    popTo('/?hide.gpu=8%C3%97H200&cmp=1');
    expect(compare()).toMatchObject({ open: true, threshold: 5 });
    expect(store().view.hidden.gpu).toEqual(['8×H200']);
    popTo('/?hide.gpu=8%C3%97H200');
    expect(compare()).toEqual(expect.objectContaining(DEFAULT_COMPARE_URL_STATE));
    popTo('/?cmp=1&cmp.base=gpu%3A8%C3%97H100&cmp.cand=gone-1');
    expect(store().view).toEqual(DEFAULT_VIEW_STATE);
    expect(compare()).toMatchObject({
      open: true,
      baseline: { kind: 'gpu', gpu: '8×H100' },
      candidate: { kind: 'dataset', id: 'gone-1' },
    });
    expect(push).not.toHaveBeenCalled();
    // A change after Back is a new entry again, with the side that is not loaded kept.
    store().setOnlyRegressions(true);
    expect(window.location.search).toBe(
      '?cmp=1&cmp.base=gpu%3A8%C3%97H100&cmp.cand=gone-1&cmp.only=reg',
    );
    expect(push).toHaveBeenCalledTimes(1);
  });

  it('stops writing compare changes once stopped', () => {
    start('/');
    stop?.();
    stop = null;
    store().openCompare();
    expect(window.location.search).toBe('');
  });
});

describe('mergeQueries', () => {
  it('joins the non-empty parts with &', () => {
    expect(mergeQueries('', '')).toBe('');
    expect(mergeQueries('q=a', '')).toBe('q=a');
    expect(mergeQueries('', 'cmp=1')).toBe('cmp=1');
    expect(mergeQueries('q=a', 'cmp=1')).toBe('q=a&cmp=1');
  });
});
