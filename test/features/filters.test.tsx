import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app';
import { loadBundledData } from '../../src/store/bundled-data';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { readSiteFile } from '../helpers/seed';

const store = () => useDashboardStore.getState();

// Each test renders 54 rows and filters through them with real events: allow for a busy machine.
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  store().reset();
});

async function renderApp() {
  await loadBundledData((path) => Promise.resolve(readSiteFile(path)));
  const user = userEvent.setup({ delay: null });
  render(<App />);
  return user;
}

type TableName = 'Latency' | 'Throughput' | 'Serving';
const TABLES: readonly TableName[] = ['Latency', 'Throughput', 'Serving'];

function table(name: TableName): HTMLElement {
  return screen.getByRole('table', { name: new RegExp(`^${name} results`) });
}

/** The body rows of a table as records of header → cell text (read from the DOM: fast). */
function rows(name: TableName): Record<string, string>[] {
  const element = table(name);
  const headers = Array.from(
    element.querySelectorAll('thead th'),
    (header) => header.querySelector('button')?.firstChild?.textContent ?? '',
  );
  return Array.from(element.querySelectorAll('tbody tr:not(.spacer)'), (row) => {
    const cells = row.querySelectorAll('td');
    return Object.fromEntries(headers.map((header, i) => [header, cells[i]?.textContent ?? '']));
  });
}

/** Rows per table: [latency, throughput, serving]. */
function rowCounts(): number[] {
  return TABLES.map((name) => rows(name).length);
}

function group(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

function checkbox(groupName: string, name: string | RegExp): HTMLElement {
  return within(group(groupName)).getByRole('checkbox', { name });
}

/**
 * The count a value's checkbox is described by (its aria-describedby target). Browsers read the
 * target's aria-label ("18 results"); jsdom's accessibility library reads its text ("18").
 */
function expectCount(box: HTMLElement | undefined, count: number): void {
  expect(box).toHaveAccessibleDescription(new RegExp(`^${count}( results)?$`));
}

function filterBar(): HTMLElement {
  return screen.getByRole('complementary', { name: 'Filters' });
}

describe('filter groups', () => {
  it.each([
    ['Model', ['Llama 3 70B', 'Llama 3.1 8B', 'Mixtral 8x7B'], 18],
    ['GPU', ['8×A100-SXM4-80GB', '8×H100', '8×H200'], 18],
    ['QPS', ['1', '4', '16', /^inf/], 9],
    ['TP', ['1', '2', '4'], 18],
    ['Dataset', ['Nightly · 8×H100', 'Nightly · 8×H200', 'Nightly · 8×A100-SXM4-80GB'], 18],
  ] as const)(
    'shows %s as a named group with one checked, counted checkbox per value',
    async (name, labels, count) => {
      await renderApp();
      const boxes = within(group(name)).getAllByRole('checkbox');
      expect(boxes).toHaveLength(labels.length);
      labels.forEach((label, i) => {
        const box = boxes[i];
        expect(box).toHaveAccessibleName(label);
        expect(box).toBeChecked();
        // The count is shown next to the value and read out with it.
        expectCount(box, count);
        expect(box?.closest('li')).toHaveTextContent(String(count));
      });
    },
  );

  it('names the QPS inf checkbox starting with "inf"', async () => {
    await renderApp();
    expect(checkbox('QPS', /^inf/)).toHaveAccessibleName('inf all at once');
  });

  it('says that QPS applies to serving results only', async () => {
    await renderApp();
    expect(group('QPS')).toHaveTextContent('Applies to serving results only.');
  });
});

describe('unchecking a value', () => {
  it('removes a GPU’s rows from every table and brings them back when checked again', async () => {
    const user = await renderApp();
    await user.click(checkbox('GPU', '8×H200'));
    expect(checkbox('GPU', '8×H200')).not.toBeChecked();

    expect(rowCounts()).toEqual([6, 6, 24]);
    for (const name of TABLES) {
      expect(rows(name).map((row) => row.GPU)).not.toContain('8×H200');
      expect(rows(name).map((row) => row.Dataset)).not.toContain('Nightly · 8×H200');
    }
    // Faceted counts: the hidden GPU still says what it would bring back; its dataset has
    // nothing left to show while the GPU is hidden.
    expectCount(checkbox('GPU', '8×H200'), 18);
    expectCount(checkbox('Dataset', 'Nightly · 8×H200'), 0);
    expectCount(checkbox('Model', 'Llama 3.1 8B'), 12);

    await user.click(checkbox('GPU', '8×H200'));
    expect(checkbox('GPU', '8×H200')).toBeChecked();
    expect(rowCounts()).toEqual([9, 9, 36]);
    expect(rows('Latency').filter((row) => row.GPU === '8×H200')).toHaveLength(3);
  });

  it('removes the 9 inf serving rows when QPS inf is unchecked, leaving latency and throughput', async () => {
    const user = await renderApp();
    await user.click(checkbox('QPS', /^inf/));
    expect(rowCounts()).toEqual([9, 9, 27]);
    expect(rows('Serving').map((row) => row.QPS)).not.toContain('inf');
    expect(rows('Serving').filter((row) => row.QPS === '16')).toHaveLength(9);
  });

  it('hides a model in every table', async () => {
    const user = await renderApp();
    await user.click(checkbox('Model', 'Mixtral 8x7B'));
    expect(rowCounts()).toEqual([6, 6, 24]);
    for (const name of TABLES) {
      expect(rows(name).every((row) => !row.Model?.startsWith('Mixtral 8x7B'))).toBe(true);
    }
  });
});

describe('the only button', () => {
  it('leaves only the 8×H100 rows', async () => {
    const user = await renderApp();
    await user.click(within(group('GPU')).getByRole('button', { name: 'Show only 8×H100' }));
    expect(checkbox('GPU', '8×H100')).toBeChecked();
    expect(checkbox('GPU', '8×H200')).not.toBeChecked();
    expect(checkbox('GPU', '8×A100-SXM4-80GB')).not.toBeChecked();
    expect(rowCounts()).toEqual([3, 3, 12]);
    for (const name of TABLES) {
      expect(new Set(rows(name).map((row) => row.GPU))).toEqual(new Set(['8×H100']));
    }
  });

  it('has a plain name for inf', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Show only inf (all at once)' }));
    expect(rowCounts()).toEqual([9, 9, 9]);
    expect(new Set(rows('Serving').map((row) => row.QPS))).toEqual(new Set(['inf']));
  });
});

describe('Reset filters', () => {
  it('checks every value again and clears the search', async () => {
    const user = await renderApp();
    await user.click(checkbox('Model', 'Llama 3.1 8B'));
    await user.click(checkbox('QPS', '4'));
    await user.type(screen.getByRole('searchbox', { name: 'Search test names' }), 'tp4');
    expect(rowCounts()).toEqual([3, 3, 9]);

    await user.click(within(filterBar()).getByRole('button', { name: 'Reset filters' }));
    expect(screen.getByRole('searchbox', { name: 'Search test names' })).toHaveValue('');
    for (const box of within(filterBar()).getAllByRole('checkbox')) expect(box).toBeChecked();
    expect(rowCounts()).toEqual([9, 9, 36]);
  });

  it('is offered with a "No results match" message when every model is hidden', async () => {
    const user = await renderApp();
    for (const model of ['Llama 3 70B', 'Llama 3.1 8B', 'Mixtral 8x7B']) {
      await user.click(checkbox('Model', model));
    }
    expect(rowCounts()).toEqual([0, 0, 0]);
    const notice = screen.getByText(/No results match/).closest('div');
    if (notice === null) throw new Error('the message is not in a container');
    expect(notice).toHaveTextContent('54 results are loaded but all are hidden');

    await user.click(within(notice).getByRole('button', { name: 'Reset filters' }));
    expect(screen.queryByText(/No results match/)).not.toBeInTheDocument();
    expect(rowCounts()).toEqual([9, 9, 36]);
  });
});

describe('Search test names', () => {
  it('narrows every table to test names containing the text, ignoring case', async () => {
    const user = await renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search test names' });
    await user.type(search, 'LLAMA70b');
    expect(rowCounts()).toEqual([3, 3, 12]);
    for (const name of TABLES) {
      expect(rows(name).every((row) => row.Model?.startsWith('Llama 3 70B'))).toBe(true);
    }
    // Counts follow the search.
    expectCount(checkbox('Model', 'Llama 3.1 8B'), 0);
    expectCount(checkbox('QPS', '1'), 3);

    await user.clear(search);
    await user.type(search, 'qps_1');
    // qps_1 and qps_16.
    expect(rowCounts()).toEqual([0, 0, 18]);
  });
});
