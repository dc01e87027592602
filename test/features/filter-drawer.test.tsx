import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FilterBar } from '../../src/features/filters/filter-bar';
import { filterToggleLabel, hiddenValueCount } from '../../src/features/filters/filter-summary';
import { FILTER_DRAWER_QUERY, inertOutside } from '../../src/features/filters/use-filter-drawer';
import { loadBundledData } from '../../src/store/bundled-data';
import { selectResultsView, useDashboardStore } from '../../src/store/dashboard-store';
import { readSiteFile } from '../helpers/seed';

const store = () => useDashboardStore.getState();

/** A matchMedia whose drawer query matches while `narrow` is set; `resize` tells listeners. */
function fakeViewport(initiallyNarrow: boolean): { resize: (narrow: boolean) => void } {
  let narrow = initiallyNarrow;
  const listeners = new Set<() => void>();
  const matchMedia = (query: string): MediaQueryList =>
    ({
      media: query,
      get matches() {
        return query === FILTER_DRAWER_QUERY && narrow;
      },
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    }) as unknown as MediaQueryList;
  vi.stubGlobal('matchMedia', matchMedia);
  return {
    resize: (next) => {
      narrow = next;
      act(() => {
        for (const listener of listeners) listener();
      });
    },
  };
}

beforeEach(async () => {
  store().reset();
  await loadBundledData((path) => Promise.resolve(readSiteFile(path)));
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.style.overflow = '';
});

function renderPage() {
  const user = userEvent.setup({ delay: null });
  render(
    <div className="layout">
      <FilterBar />
      <main>
        <button type="button">Behind the drawer</button>
      </main>
    </div>,
  );
  return user;
}

function toggle(): HTMLElement {
  return screen.getByRole('button', { name: /^Filters/ });
}

function panel(): HTMLElement {
  return screen.getByRole('complementary', { name: 'Filters' });
}

function main(): HTMLElement {
  return screen.getByRole('main');
}

describe('the toggle label', () => {
  it('says how many values are hidden and whether a search is on', () => {
    expect(filterToggleLabel(0, '')).toBe('Filters');
    expect(filterToggleLabel(0, '   ')).toBe('Filters');
    expect(filterToggleLabel(2, '')).toBe('Filters (2 hidden)');
    expect(filterToggleLabel(0, 'qps_16')).toBe('Filters (search)');
    expect(filterToggleLabel(1200, 'qps_16')).toBe('Filters (1,200 hidden, search)');
  });

  it('counts hidden values over every group', () => {
    expect(hiddenValueCount(selectResultsView(store()).facets)).toBe(0);
    store().toggleHidden('gpu', '8×H200');
    store().toggleHidden('qps', 'inf');
    expect(hiddenValueCount(selectResultsView(store()).facets)).toBe(2);
  });
});

describe('from 900 px up (no drawer)', () => {
  it('is the plain sidebar: never inert, and the toggle stays collapsed', async () => {
    const user = renderPage();
    expect(panel()).not.toHaveAttribute('inert');
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(toggle()).toHaveAttribute('aria-controls', panel().id);
    // The toggle is hidden by the CSS here; clicking it anyway opens nothing.
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(main()).not.toHaveAttribute('inert');
    expect(document.documentElement.style.overflow).toBe('');
  });
});

describe('below 900 px (the drawer)', () => {
  it('is closed and inert until the toggle opens it', () => {
    fakeViewport(true);
    renderPage();
    expect(panel()).toHaveAttribute('inert');
    expect(panel()).not.toHaveAttribute('data-open');
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(toggle()).toHaveTextContent(/^Filters$/);
  });

  it('opens as a modal: focus inside, the page behind inert and still', async () => {
    fakeViewport(true);
    const user = renderPage();
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    expect(panel()).not.toHaveAttribute('inert');
    expect(panel()).toHaveAttribute('data-open');
    expect(within(panel()).getByRole('button', { name: 'Close filters' })).toHaveFocus();
    expect(main()).toHaveAttribute('inert');
    expect(toggle().closest('[inert]')).not.toBeNull();
    expect(document.documentElement.style.overflow).toBe('hidden');
    // The filter groups keep their names and work in the drawer.
    await user.click(within(panel()).getByRole('checkbox', { name: '8×H200' }));
    expect(store().view.hidden.gpu).toEqual(['8×H200']);
  });

  it('closes with Escape and gives focus back to the toggle, which counts what is hidden', async () => {
    fakeViewport(true);
    const user = renderPage();
    await user.click(toggle());
    await user.click(within(panel()).getByRole('checkbox', { name: '8×H200' }));
    await user.keyboard('{Escape}');
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(toggle()).toHaveFocus();
    expect(toggle()).toHaveTextContent('Filters (1 hidden)');
    expect(panel()).toHaveAttribute('inert');
    expect(main()).not.toHaveAttribute('inert');
    expect(toggle().closest('[inert]')).toBeNull();
    expect(document.documentElement.style.overflow).toBe('');
  });

  it('closes with the Close button and with a click on the backdrop', async () => {
    fakeViewport(true);
    const { container } = render(<FilterBar />);
    const user = userEvent.setup({ delay: null });

    await user.click(toggle());
    await user.click(within(panel()).getByRole('button', { name: 'Close filters' }));
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(toggle()).toHaveFocus();
    expect(container.querySelector('.filter-backdrop')).toBeNull();

    await user.click(toggle());
    const backdrop = container.querySelector('.filter-backdrop');
    expect(backdrop).not.toBeNull();
    expect(backdrop).toHaveAttribute('aria-hidden', 'true');
    expect(backdrop?.closest('[inert]')).toBeNull();
    if (backdrop) fireEvent.click(backdrop);
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(toggle()).toHaveFocus();
  });

  it('leaves an Escape another control already handled alone', async () => {
    fakeViewport(true);
    const user = renderPage();
    await user.click(toggle());
    const search = within(panel()).getByRole('searchbox', { name: 'Search test names' });
    search.addEventListener('keydown', (event) => {
      event.preventDefault();
    });
    search.focus();
    await user.keyboard('{Escape}');
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
  });

  it('closes, without reopening later, when the viewport widens to the sidebar layout', async () => {
    const viewport = fakeViewport(true);
    const user = renderPage();
    await user.click(toggle());
    const close = within(panel()).getByRole('button', { name: 'Close filters' });
    viewport.resize(false);
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(panel()).not.toHaveAttribute('inert');
    expect(main()).not.toHaveAttribute('inert');
    expect(document.documentElement.style.overflow).toBe('');
    // Focus stays where it was: in the filters, now the sidebar.
    expect(close).toHaveFocus();

    viewport.resize(true);
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(panel()).toHaveAttribute('inert');
  });
});

describe('inertOutside', () => {
  it('makes everything but the kept elements and their ancestors inert, and undoes it', () => {
    document.body.innerHTML = `
      <div id="app">
        <header id="header"></header>
        <div id="layout"><div id="backdrop"></div><aside id="drawer"></aside><main id="main"></main></div>
      </div>
      <div id="already" inert></div>`;
    const byId = (id: string): HTMLElement => {
      const element = document.getElementById(id);
      if (element === null) throw new Error(`no #${id}`);
      return element;
    };
    const undo = inertOutside([byId('drawer'), byId('backdrop')]);
    const inert = (id: string): boolean => byId(id).hasAttribute('inert');
    expect(['header', 'main', 'already'].map(inert)).toEqual([true, true, true]);
    expect(['app', 'layout', 'drawer', 'backdrop'].map(inert)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    undo();
    expect(['header', 'main', 'app', 'layout'].map(inert)).toEqual([false, false, false, false]);
    // What was inert before stays inert.
    expect(inert('already')).toBe(true);
    document.body.innerHTML = '';
  });
});
