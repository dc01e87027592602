import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app';
import { loadBundledData } from '../../src/store/bundled-data';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { readFixture, readSiteFile } from '../helpers/seed';
import { loadInputs } from '../../src/store/load-files';

const store = () => useDashboardStore.getState();

// Each test renders 54 rows and sorts or filters them with real events: allow for a busy machine.
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  store().reset();
});

async function renderApp(): Promise<UserEvent> {
  await loadBundledData((path) => Promise.resolve(readSiteFile(path)));
  const user = userEvent.setup({ delay: null });
  render(<App />);
  return user;
}

type TableName = 'Latency' | 'Throughput' | 'Serving';

function table(name: TableName): HTMLElement {
  return screen.getByRole('table', { name: new RegExp(`^${name} results`) });
}

function section(name: TableName): HTMLElement {
  return screen.getByRole('region', { name });
}

/** Column header texts, without sort indicators. */
function headers(name: TableName): string[] {
  return Array.from(
    table(name).querySelectorAll('thead th'),
    (header) => header.querySelector('button')?.firstChild?.textContent ?? '',
  );
}

/** The body rows of a table as records of header → cell text. */
function rows(name: TableName): Record<string, string>[] {
  const names = headers(name);
  return Array.from(table(name).querySelectorAll('tbody tr:not(.spacer)'), (row) => {
    const cells = row.querySelectorAll('td');
    return Object.fromEntries(names.map((header, i) => [header, cells[i]?.textContent ?? '']));
  });
}

/** "test name @ GPU" of each row; the Model cell holds the model label, then the test name. */
function rowKeys(name: TableName): string[] {
  const gpuColumn = headers(name).indexOf('GPU');
  return Array.from(table(name).querySelectorAll('tbody tr:not(.spacer)'), (row) => {
    const testName = row.querySelector('code.test-name')?.textContent ?? '?';
    const gpu = row.querySelectorAll('td')[gpuColumn]?.textContent ?? '?';
    return `${testName} @ ${gpu}`;
  });
}

function columnHeader(name: TableName, header: RegExp): HTMLElement {
  return within(table(name)).getByRole('columnheader', { name: header });
}

async function clickHeader(user: UserEvent, name: TableName, header: RegExp, shift = false) {
  const button = within(columnHeader(name, header)).getByRole('button');
  if (shift) {
    await user.keyboard('{Shift>}');
    await user.click(button);
    await user.keyboard('{/Shift}');
  } else {
    await user.click(button);
  }
}

function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('table size for assistive technology', () => {
  it('carries aria-rowcount = rows + 1 and an aria-rowindex on each body row', async () => {
    const user = await renderApp();
    expect(table('Latency')).toHaveAttribute('aria-rowcount', '10');
    expect(table('Throughput')).toHaveAttribute('aria-rowcount', '10');
    expect(table('Serving')).toHaveAttribute('aria-rowcount', '37');
    const indexes = (name: TableName) =>
      Array.from(table(name).querySelectorAll('tbody tr'), (row) =>
        row.getAttribute('aria-rowindex'),
      );
    expect(indexes('Serving')).toEqual(Array.from({ length: 36 }, (_, i) => String(i + 2)));
    expect(table('Serving').querySelector('thead tr')).toHaveAttribute('aria-rowindex', '1');

    await user.click(
      within(screen.getByRole('group', { name: 'GPU' })).getByRole('checkbox', {
        name: '8×H200',
      }),
    );
    expect(table('Latency')).toHaveAttribute('aria-rowcount', '7');
    expect(table('Serving')).toHaveAttribute('aria-rowcount', '25');
    expect(indexes('Serving')).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 2)));
  });

  it('says how many rows each table has, and updates when filtering', async () => {
    const user = await renderApp();
    expect(section('Latency')).toHaveTextContent('9 rows');
    expect(section('Throughput')).toHaveTextContent('9 rows');
    expect(section('Serving')).toHaveTextContent('36 rows');

    await user.click(screen.getByRole('button', { name: 'Show only 8×H100' }));
    expect(section('Latency')).toHaveTextContent('3 rows');
    expect(section('Serving')).toHaveTextContent('12 rows');

    await user.type(
      screen.getByRole('searchbox', { name: 'Search test names' }),
      'latency_llama8B',
    );
    expect(section('Latency')).toHaveTextContent('1 row');
    expect(section('Latency')).not.toHaveTextContent('1 rows');
    expect(section('Throughput')).toHaveTextContent('0 rows');
    expect(section('Throughput')).toHaveTextContent('No throughput results match the filters.');
  });
});

describe('sorting', () => {
  it('sorts a latency column ascending first (lower is better) and reverses on a second click', async () => {
    const user = await renderApp();
    const header = /^P99 TTFT \(ms\)/;
    await clickHeader(user, 'Serving', header);
    expect(columnHeader('Serving', header)).toHaveAttribute('aria-sort', 'ascending');
    // Smallest P99 TTFT: H200 llama8B QPS 4 (20.100962540600257), then H200 QPS 16
    // (21.958127913530916), then H100 QPS 4 (22.108013881370425).
    expect(rowKeys('Serving').slice(0, 3)).toEqual([
      'serving_llama8B_tp1_sharegpt_qps_4 @ 8×H200',
      'serving_llama8B_tp1_sharegpt_qps_16 @ 8×H200',
      'serving_llama8B_tp1_sharegpt_qps_4 @ 8×H100',
    ]);
    expect(rows('Serving')[0]?.['P99 TTFT (ms)']).toBe('20.10');

    await clickHeader(user, 'Serving', header);
    expect(columnHeader('Serving', header)).toHaveAttribute('aria-sort', 'descending');
    // Largest: H100 Mixtral QPS 1 (2259.80990773998), then A100 llama70B inf (744.7674644552171).
    expect(rowKeys('Serving').slice(0, 2)).toEqual([
      'serving_mixtral8x7B_tp2_sharegpt_qps_1 @ 8×H100',
      'serving_llama70B_tp4_sharegpt_qps_inf @ 8×A100-SXM4-80GB',
    ]);
    expect(rows('Serving')[0]?.['P99 TTFT (ms)']).toBe('2,259.81');
    expect(rows('Serving')[35]?.['P99 TTFT (ms)']).toBe('20.10');
    expect(store().view.tables.serving.sorting).toEqual([{ id: 'ttft_p99', desc: true }]);
  });

  it('writes a new order into the rows already there, not into new rows', async () => {
    const user = await renderApp();
    const before = Array.from(table('Serving').querySelectorAll('tbody tr:not(.spacer)'));
    const cellsBefore = Array.from(table('Serving').querySelectorAll('tbody td'));
    const firstBefore = rowKeys('Serving')[0];
    await clickHeader(user, 'Serving', /^P99 TTFT \(ms\)/);
    // The smallest P99 TTFT (H200 llama8B QPS 4) is now first, in the first row's element.
    expect(rowKeys('Serving')[0]).toBe('serving_llama8B_tp1_sharegpt_qps_4 @ 8×H200');
    expect(rowKeys('Serving')[0]).not.toBe(firstBefore);
    const after = Array.from(table('Serving').querySelectorAll('tbody tr:not(.spacer)'));
    // 3 models × 4 QPS on each of 3 GPUs: 36 serving rows, every one rendered.
    expect(after).toHaveLength(36);
    expect(after.every((row, i) => row === before[i])).toBe(true);
    const cellsAfter = Array.from(table('Serving').querySelectorAll('tbody td'));
    expect(cellsAfter.length).toBe(cellsBefore.length);
    expect(cellsAfter.every((cell, i) => cell === cellsBefore[i])).toBe(true);
  });

  it('sorts a throughput column descending first (higher is better)', async () => {
    const user = await renderApp();
    const header = /^Throughput \(req\/s\)/;
    await clickHeader(user, 'Serving', header);
    expect(columnHeader('Serving', header)).toHaveAttribute('aria-sort', 'descending');
    // llama8B inf: H200 28.828767850421375, H100 24.186907198204548, A100 14.24299102466845.
    expect(rowKeys('Serving').slice(0, 3)).toEqual([
      'serving_llama8B_tp1_sharegpt_qps_inf @ 8×H200',
      'serving_llama8B_tp1_sharegpt_qps_inf @ 8×H100',
      'serving_llama8B_tp1_sharegpt_qps_inf @ 8×A100-SXM4-80GB',
    ]);
    expect(
      rows('Serving')
        .map((row) => row['Throughput (req/s)'])
        .slice(0, 3),
    ).toEqual(['28.83', '24.19', '14.24']);
    await clickHeader(user, 'Serving', header);
    expect(columnHeader('Serving', header)).toHaveAttribute('aria-sort', 'ascending');
    // Smallest: A100 llama70B QPS 1, 0.9503372682041944.
    expect(rowKeys('Serving')[0]).toBe('serving_llama70B_tp4_sharegpt_qps_1 @ 8×A100-SXM4-80GB');
  });

  it('sorts the Latency table by its own columns, leaving the others alone', async () => {
    const user = await renderApp();
    const before = rowKeys('Serving');
    await clickHeader(user, 'Latency', /^Mean latency \(ms\)/);
    // Mean latency: H200 llama8B 833.271651606386, H100 llama8B 1046.9095210234325, A100 llama8B
    // 1563.7737552945812, H200 Mixtral 1900.8225788672767.
    expect(rows('Latency').map((row) => [row.GPU, row['Mean latency (ms)']])).toEqual([
      ['8×H200', '833.27'],
      ['8×H100', '1,046.91'],
      ['8×A100-SXM4-80GB', '1,563.77'],
      ['8×H200', '1,900.82'],
      ['8×H200', '2,118.58'],
      ['8×H100', '2,316.74'],
      ['8×H100', '2,540.75'],
      ['8×A100-SXM4-80GB', '3,588.68'],
      ['8×A100-SXM4-80GB', '4,023.16'],
    ]);
    expect(rowKeys('Serving')).toEqual(before);
    expect(columnHeader('Serving', /^Mean TTFT/)).toHaveAttribute('aria-sort', 'none');
  });

  it('adds a second sort column on shift-click', async () => {
    const user = await renderApp();
    await clickHeader(user, 'Serving', /^Model/);
    await clickHeader(user, 'Serving', /^Throughput \(req\/s\)/, true);
    expect(columnHeader('Serving', /^Model/)).toHaveAttribute('aria-sort', 'ascending');
    expect(columnHeader('Serving', /^Throughput \(req\/s\)/)).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(columnHeader('Serving', /^QPS/)).toHaveAttribute('aria-sort', 'none');
    expect(store().view.tables.serving.sorting).toEqual([
      { id: 'model', desc: false },
      { id: 'request_throughput', desc: true },
    ]);
    // Llama 3 70B first (by name), its rows by throughput: H200 inf 12.487191082808714,
    // H100 inf 10.618124942561348, H200 QPS 16 8.222729387606314, H100 QPS 16 7.349636420935427,
    // A100 inf 6.315625454299485.
    expect(
      rows('Serving')
        .map((row) => row['Throughput (req/s)'])
        .slice(0, 5),
    ).toEqual(['12.49', '10.62', '8.22', '7.35', '6.32']);
    expect(rowKeys('Serving').slice(0, 2)).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_inf @ 8×H200',
      'serving_llama70B_tp4_sharegpt_qps_inf @ 8×H100',
    ]);
    // Then Llama 3.1 8B, led by H200 inf at 28.83.
    expect(rowKeys('Serving')[12]).toBe('serving_llama8B_tp1_sharegpt_qps_inf @ 8×H200');
  });

  it('goes back to reading order on a third click', async () => {
    const user = await renderApp();
    const before = rowKeys('Serving');
    const header = /^P99 TTFT \(ms\)/;
    await clickHeader(user, 'Serving', header);
    await clickHeader(user, 'Serving', header);
    await clickHeader(user, 'Serving', header);
    expect(columnHeader('Serving', header)).toHaveAttribute('aria-sort', 'none');
    expect(rowKeys('Serving')).toEqual(before);
    expect(before[0]).toBe('serving_llama70B_tp4_sharegpt_qps_1 @ 8×A100-SXM4-80GB');
  });
});

describe('column visibility', () => {
  it('hides and shows a Latency column from the Columns menu', async () => {
    const user = await renderApp();
    const latency = section('Latency');
    await user.click(within(latency).getByText('Columns'));
    const menu = within(latency).getByRole('group', { name: 'Latency columns' });
    // The model column (with the test name) cannot be hidden.
    expect(within(menu).queryByRole('checkbox', { name: 'Model' })).not.toBeInTheDocument();

    await user.click(within(menu).getByRole('checkbox', { name: 'P99 latency (ms)' }));
    expect(headers('Latency')).toEqual([
      'Model',
      'TP',
      'GPU',
      'Dataset',
      'Mean latency (ms)',
      'Median latency (ms)',
    ]);
    const cells = Array.from(
      table('Latency').querySelectorAll('tbody td'),
      (cell) => cell.textContent,
    );
    // H100 llama8B P99 is 1048.303036596626; its mean 1046.9095210234325 is still shown.
    expect(cells).not.toContain('1,048.30');
    expect(cells).toContain('1,046.91');
    for (const row of table('Latency').querySelectorAll('tbody tr')) {
      expect(row.querySelectorAll('td')).toHaveLength(6);
    }
    // The other tables keep their columns.
    expect(headers('Serving')).toContain('P99 TTFT (ms)');

    await user.click(within(menu).getByRole('checkbox', { name: 'P99 latency (ms)' }));
    expect(headers('Latency')).toContain('P99 latency (ms)');
    expect(rows('Latency').map((row) => row['P99 latency (ms)'])).toContain('1,048.30');
  });
});

describe('column visibility from a link', () => {
  it('keeps the Model column (and its test names) even when a link hides it', async () => {
    // As `?hidecol.latency=model&hidecol.latency=latency_p99` would; the Columns menu offers
    // no way to show Model again, so it must never go.
    store().setHiddenColumns('latency', ['model', 'latency_p99']);
    await renderApp();
    expect(headers('Latency')).toEqual([
      'Model',
      'TP',
      'GPU',
      'Dataset',
      'Mean latency (ms)',
      'Median latency (ms)',
    ]);
    expect(rowKeys('Latency')[0]).toBe('latency_llama70B_tp4 @ 8×A100-SXM4-80GB');
  });
});

describe('Download CSV', () => {
  function stubDownloads() {
    if (typeof URL.createObjectURL !== 'function') {
      Object.defineProperty(URL, 'createObjectURL', {
        configurable: true,
        writable: true,
        value: () => '',
      });
    }
    if (typeof URL.revokeObjectURL !== 'function') {
      Object.defineProperty(URL, 'revokeObjectURL', {
        configurable: true,
        writable: true,
        value: () => undefined,
      });
    }
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test-csv');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    // jsdom cannot download; keep the link from navigating.
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {
      /* no navigation */
    });
    return { create, click };
  }

  async function downloadedCsv(create: ReturnType<typeof stubDownloads>['create']) {
    // The CSV code loads on first use: on a busy machine that takes a while.
    await waitFor(
      () => {
        expect(create).toHaveBeenCalledTimes(1);
      },
      { timeout: 10_000 },
    );
    const blob = create.mock.calls[0]?.[0];
    if (!(blob instanceof Blob)) throw new Error('no Blob was saved');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    // UTF-8 with a byte-order mark, so a spreadsheet reads "8×H100" as written.
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parseCsv(new TextDecoder().decode(bytes));
  }

  it('offers a Download CSV button per table', async () => {
    await renderApp();
    for (const name of ['Latency', 'Throughput', 'Serving'] as const) {
      expect(within(section(name)).getByRole('button', { name: 'Download CSV' })).toBeEnabled();
    }
  });

  it('saves the Latency rows as shown, at full precision, under a named file', async () => {
    const { create, click } = stubDownloads();
    const user = await renderApp();
    await user.click(within(section('Latency')).getByRole('button', { name: 'Download CSV' }));
    const csv = await downloadedCsv(create);
    expect(csv[0]).toEqual([
      'Model',
      'Test name',
      'TP',
      'GPU',
      'Dataset',
      'Mean latency (ms)',
      'Median latency (ms)',
      'P99 latency (ms)',
    ]);
    expect(csv).toHaveLength(10);
    // Reading order starts with Llama 3 70B on the A100.
    expect(csv[1]).toEqual([
      'Llama 3 70B',
      'latency_llama70B_tp4',
      '4',
      '8×A100-SXM4-80GB',
      'Nightly · 8×A100-SXM4-80GB',
      '4023.1602351491647',
      '4022.8782389312983',
      '4025.694858431816',
    ]);
    expect(csv.slice(1).map((row) => `${row[1] ?? ''} @ ${row[3] ?? ''}`)).toEqual(
      rowKeys('Latency'),
    );
    const link = click.mock.contexts[0];
    if (!(link instanceof HTMLAnchorElement)) throw new Error('no link was clicked');
    expect(link.download).toBe('vllm-latency-results.csv');
    expect(link.getAttribute('href')).toBe('blob:test-csv');
  });

  it('saves only the filtered rows, in the sorted order, with the visible columns', async () => {
    const { create } = stubDownloads();
    const user = await renderApp();
    await user.click(
      within(screen.getByRole('group', { name: 'GPU' })).getByRole('checkbox', {
        name: '8×A100-SXM4-80GB',
      }),
    );
    await clickHeader(user, 'Latency', /^Mean latency \(ms\)/);
    await user.click(within(section('Latency')).getByText('Columns'));
    await user.click(
      within(section('Latency')).getByRole('checkbox', { name: 'P99 latency (ms)' }),
    );
    await user.click(within(section('Latency')).getByRole('button', { name: 'Download CSV' }));
    expect(await downloadedCsv(create)).toEqual([
      ['Model', 'Test name', 'TP', 'GPU', 'Dataset', 'Mean latency (ms)', 'Median latency (ms)'],
      [
        'Llama 3.1 8B',
        'latency_llama8B_tp1',
        '1',
        '8×H200',
        'Nightly · 8×H200',
        '833.271651606386',
        '833.7587309069932',
      ],
      [
        'Llama 3.1 8B',
        'latency_llama8B_tp1',
        '1',
        '8×H100',
        'Nightly · 8×H100',
        '1046.9095210234325',
        '1046.8183774501085',
      ],
      [
        'Mixtral 8x7B',
        'latency_mixtral8x7B_tp2',
        '2',
        '8×H200',
        'Nightly · 8×H200',
        '1900.8225788672767',
        '1902.8190749231726',
      ],
      [
        'Llama 3 70B',
        'latency_llama70B_tp4',
        '4',
        '8×H200',
        'Nightly · 8×H200',
        '2118.5753696598113',
        '2119.018518831581',
      ],
      [
        'Mixtral 8x7B',
        'latency_mixtral8x7B_tp2',
        '2',
        '8×H100',
        'Nightly · 8×H100',
        '2316.744400312503',
        '2320.1082749292254',
      ],
      [
        'Llama 3 70B',
        'latency_llama70B_tp4',
        '4',
        '8×H100',
        'Nightly · 8×H100',
        '2540.7543117801347',
        '2540.222811512649',
      ],
    ]);
  });

  it('writes QPS inf as text in the Serving CSV', async () => {
    const { create } = stubDownloads();
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Show only 8×H100' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search test names' }), 'llama8B');
    await user.click(within(section('Serving')).getByRole('button', { name: 'Download CSV' }));
    const csv = await downloadedCsv(create);
    expect(csv[0]?.slice(0, 6)).toEqual(['Model', 'Test name', 'TP', 'GPU', 'Dataset', 'QPS']);
    expect(csv.slice(1).map((row) => [row[1], row[5], row[6]])).toEqual([
      ['serving_llama8B_tp1_sharegpt_qps_1', '1', '1.0045473046889262'],
      ['serving_llama8B_tp1_sharegpt_qps_4', '4', '3.7884722544447005'],
      ['serving_llama8B_tp1_sharegpt_qps_16', '16', '11.522796431373235'],
      ['serving_llama8B_tp1_sharegpt_qps_inf', 'inf', '24.186907198204548'],
    ]);
  });

  it('cannot be pressed when a table has no rows', async () => {
    const user = await renderApp();
    await user.type(screen.getByRole('searchbox', { name: 'Search test names' }), 'serving_');
    expect(within(section('Latency')).getByRole('button', { name: 'Download CSV' })).toBeDisabled();
    expect(within(section('Serving')).getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  });
});

describe('where a number came from', () => {
  it('tells each metric cell’s file, format, engine and source key in its tooltip', async () => {
    const name = 'sglang_1205_200_512_256.jsonl';
    const text = readFixture(`formats/sglang/${name}`);
    await loadInputs([
      { name, kind: 'file', size: text.length, text: () => Promise.resolve(text) },
    ]);
    render(<App />);
    const serving = table('Serving');
    // The QPS 4 run: SGLang's median_e2e_latency_ms 1418.2 is the median E2E latency.
    const e2e = within(serving).getByText(/^1,?418\.20$/);
    expect(e2e).toHaveAttribute(
      'title',
      'Median E2E latency (ms) from sglang_1205_200_512_256.jsonl, read as SGLang bench_serving JSONL; engine SGLang. Source: median_e2e_latency_ms.',
    );
    // Its median TTFT 40.5 ms has vLLM's own key: no rename to tell.
    expect(within(serving).getByText('40.50')).toHaveAttribute(
      'title',
      expect.stringMatching(
        /; engine SGLang\. Source: the file’s own value for it, in the unit shown\.$/,
      ),
    );
    // Describing cells (GPU, QPS, …) carry no such tooltip.
    expect(within(serving).getAllByText('4')[0]).not.toHaveAttribute('title');
  });
});
