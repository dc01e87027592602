import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app';
import type { BenchmarkResult, Dataset } from '../../src/data/results/result-model';
import { loadBundledData } from '../../src/store/bundled-data';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { readSiteFile, seedCopies } from '../helpers/seed';

const store = () => useDashboardStore.getState();

beforeEach(() => {
  store().reset();
});

async function renderWithBundledData() {
  await loadBundledData((path) => Promise.resolve(readSiteFile(path)));
  return render(<App />);
}

/** The body rows of a table as arrays of cell texts. */
function bodyRows(table: HTMLElement): string[][] {
  const body = table.querySelector('tbody');
  if (body === null) throw new Error('table has no body');
  return within(body)
    .getAllByRole('row')
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}

describe('first screen', () => {
  it('names the dashboard in one h1', async () => {
    await renderWithBundledData();
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]).toHaveTextContent('vLLM Performance Dashboard');
  });

  it('lists the three bundled runs with their result counts in the Datasets region', async () => {
    await renderWithBundledData();
    const region = screen.getByRole('region', { name: 'Datasets' });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.dataset-label')?.textContent)).toEqual([
      'Nightly · 8×H100',
      'Nightly · 8×H200',
      'Nightly · 8×A100-SXM4-80GB',
    ]);
    for (const item of items) expect(item).toHaveTextContent('18 results');
  });

  it('shows every result in the Latency, Throughput and Serving tables', async () => {
    await renderWithBundledData();
    // 3 models × 3 GPUs; serving adds QPS 1, 4, 16 and inf.
    expect(bodyRows(screen.getByRole('table', { name: /Latency/ }))).toHaveLength(9);
    expect(bodyRows(screen.getByRole('table', { name: /Throughput/ }))).toHaveLength(9);
    expect(bodyRows(screen.getByRole('table', { name: /Serving/ }))).toHaveLength(36);
  });

  it('shows seed values as a person reads them, with units in the headers', async () => {
    await renderWithBundledData();
    const latency = screen.getByRole('table', { name: /Latency/ });
    expect(
      within(latency).getByRole('columnheader', { name: 'Mean latency (ms)' }),
    ).toBeInTheDocument();
    // H100 latency_llama8B_tp1: mean 1046.91 ms, median 1046.82 ms, p99 1048.30 ms.
    expect(bodyRows(latency)).toContainEqual([
      'Llama 3.1 8Blatency_llama8B_tp1',
      '1',
      '8×H100',
      'Nightly · 8×H100',
      '1,046.91',
      '1,046.82',
      '1,048.30',
    ]);
    // H200 mean 833.27 and median 833.76 stay distinguishable.
    expect(bodyRows(latency)).toContainEqual([
      'Llama 3.1 8Blatency_llama8B_tp1',
      '1',
      '8×H200',
      'Nightly · 8×H200',
      '833.27',
      '833.76',
      '834.68',
    ]);

    const serving = screen.getByRole('table', { name: /Serving/ });
    const headers = within(serving)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual([
      'Model',
      'TP',
      'GPU',
      'Dataset',
      'QPS',
      'Throughput (req/s)',
      'Mean TTFT (ms)',
      'Median TTFT (ms)',
      'P99 TTFT (ms)',
      'Mean ITL (ms)',
      'Median ITL (ms)',
      'P99 ITL (ms)',
    ]);
    // H200 serving_llama8B_tp1_sharegpt_qps_inf: 28.8288 req/s.
    const h200Inf = bodyRows(serving).find(
      (cells) =>
        cells[0]?.endsWith('serving_llama8B_tp1_sharegpt_qps_inf') === true &&
        cells[2] === '8×H200',
    );
    expect(h200Inf?.slice(4, 6)).toEqual(['inf', '28.83']);
  });

  it('says how to read each metric header', async () => {
    await renderWithBundledData();
    const serving = screen.getByRole('table', { name: /Serving/ });
    expect(within(serving).getByRole('columnheader', { name: 'P99 TTFT (ms)' })).toHaveAttribute(
      'title',
      '99th percentile of the time to first token (lower is better)',
    );
    expect(
      within(serving).getByRole('columnheader', { name: 'Throughput (req/s)' }),
    ).toHaveAttribute('title', 'Requests completed per second (higher is better)');
  });

  it('shows a missing value as —, never as 0', () => {
    const result: BenchmarkResult = {
      suite: 'latency',
      testName: 'latency_llama8B_tp1',
      model: 'llama8B',
      tp: 1,
      pp: null,
      dp: null,
      gpu: { type: 'H100', count: 8 },
      dataset: null,
      variant: null,
      qps: null,
      concurrency: null,
      inputLen: null,
      outputLen: null,
      engine: null,
      metrics: { latency_mean: null, latency_median: 1046.8183774501085 },
      attributes: {},
    };
    const dataset: Dataset = {
      id: 'missing',
      label: 'with a gap',
      source: { kind: 'file', name: 'gap.json' },
      format: { id: 'vllm-embedded-json', label: 'vLLM embedded JSON V4' },
      results: [result],
      warnings: [],
    };
    store().addDatasets([dataset]);
    render(<App />);
    const [row] = bodyRows(screen.getByRole('table', { name: /Latency/ }));
    expect(row?.slice(4)).toEqual(['—', '1,046.82']);
  });

  it('renders the views in its first commit when the runs are in before it: no placeholder', async () => {
    await loadBundledData((path) => Promise.resolve(readSiteFile(path)));
    const container = document.body.appendChild(document.createElement('div'));
    const observer = new MutationObserver(() => undefined);
    observer.observe(container, { childList: true, subtree: true });
    render(<App />, { container });
    // A placeholder shown by one commit and replaced by the next is among the removed nodes.
    const touched = observer
      .takeRecords()
      .flatMap((record) => [...record.addedNodes, ...record.removedNodes])
      .filter((node): node is Element => node instanceof Element);
    observer.disconnect();
    expect(touched.filter((el) => el.matches('.content-placeholder'))).toEqual([]);
    expect(container.querySelector('.content-placeholder')).toBeNull();
    expect(bodyRows(screen.getByRole('table', { name: /Latency/ }))).toHaveLength(9);
  });

  it('keeps the views behind one placeholder while the runs load', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const loading = loadBundledData(async (path) => {
      await held;
      return readSiteFile(path);
    });
    const { container } = render(<App />);
    expect(container.querySelector('.content-placeholder')).not.toBeNull();
    expect(screen.queryByRole('table', { name: /Latency/ })).toBeNull();
    release();
    await loading;
    // The views are a lazy chunk: on a busy machine it can take more than the default second.
    expect(
      await screen.findByRole('table', { name: /Latency/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(container.querySelector('.content-placeholder')).toBeNull();
  });

  it('announces a bundled file that failed to load, by name', async () => {
    await loadBundledData((path) =>
      path.endsWith('nightly-8xH200.json')
        ? Promise.reject(new Error('the server answered 404'))
        : Promise.resolve(readSiteFile(path)),
    );
    render(<App />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not load nightly-8xH200.json: the server answered 404.',
    );
    expect(bodyRows(screen.getByRole('table', { name: /Latency/ }))).toHaveLength(6);
  });

  it('lets panels out of view skip rendering over a large data set, not over the bundled runs', async () => {
    const { container } = await renderWithBundledData();
    const layout = container.querySelector('.layout');
    expect(layout).not.toHaveClass('large-data');
    // 10,044 results: the seed's three runs 186 times over, past where views take turns.
    act(() => {
      store().addDatasets(seedCopies(186));
    });
    expect(store().index.results.length).toBe(10_098);
    expect(layout).toHaveClass('large-data');
    act(() => {
      store().reset();
    });
    expect(layout).not.toHaveClass('large-data');
  });
});
