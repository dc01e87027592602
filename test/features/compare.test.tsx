import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app';
import { createDataset } from '../../src/data/results/dataset';
import { parseResultsText } from '../../src/data/formats/parse-results';
import type { Dataset } from '../../src/data/results/result-model';
import { loadBundledData } from '../../src/store/bundled-data';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { startUrlSync } from '../../src/store/url-sync';
import { readSiteFile } from '../helpers/seed';

const store = () => useDashboardStore.getState();
const compare = () => store().compare;

// Each test renders the 54 seed rows and up to 96 comparison rows with real events.
vi.setConfig({ testTimeout: 60_000 });

const COLUMNS = ['Test', 'GPU', 'Metric', 'Baseline', 'Candidate', 'Change', 'Verdict'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Readonly<Record<Column, string>>;

let stopSync: (() => void) | null = null;

beforeEach(() => {
  store().reset();
  window.history.pushState(null, '', '/');
});

afterEach(() => {
  stopSync?.();
  stopSync = null;
});

async function renderApp(): Promise<UserEvent> {
  await loadBundledData((path) => Promise.resolve(readSiteFile(path)));
  const user = userEvent.setup({ delay: null });
  render(<App />);
  return user;
}

/** The bundled 8×H100 run with serving_llama8B_tp1_sharegpt_qps_1's mean TTFT raised by 30%. */
function raisedTtftRun(): Dataset {
  const json = JSON.parse(readSiteFile('data/nightly-8xH100.json')) as {
    serving: Record<string, Record<string, string | number>>;
  };
  const names = json.serving['Test name'] ?? {};
  const ttft = json.serving['Mean TTFT (ms)'] ?? {};
  const at = Object.keys(names).find((key) => names[key] === 'serving_llama8B_tp1_sharegpt_qps_1');
  if (at === undefined) throw new Error('no qps_1 test in the seed');
  // 18.35688839200884 ms in the seed → 23.863954909611493 ms.
  ttft[at] = Number(ttft[at]) * 1.3;
  const text = JSON.stringify(json);
  const outcome = parseResultsText(text);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return createDataset(outcome.value, { kind: 'file', name: 'my-run.json' }, text);
}

function compareButton(): HTMLElement {
  return screen.getByRole('button', { name: 'Compare' });
}

async function openCompare(user: UserEvent): Promise<void> {
  await user.click(compareButton());
  // The section is a lazy chunk: its first import takes a moment.
  await screen.findByRole('table', { name: /Comparison/ }, { timeout: 10_000 });
}

function comparisonTable(): HTMLElement {
  return screen.getByRole('table', { name: /Comparison/ });
}

function tableRows(): Row[] {
  const body = comparisonTable().querySelector('tbody');
  if (body === null) throw new Error('no tbody');
  return within(body)
    .queryAllByRole('row')
    .map((row) => {
      const cells = within(row).getAllByRole('cell');
      return Object.fromEntries(
        COLUMNS.map((column, i) => [column, (cells[i]?.textContent ?? '').trim()]),
      ) as Row;
    });
}

function rowOf(rows: readonly Row[], test: string, metric: string): Row {
  const found = rows.filter((row) => row.Test === test && row.Metric === metric);
  expect(found, `${test} ${metric}`).toHaveLength(1);
  return found[0] as Row;
}

/** The compare section's live region, where Copy as Markdown reports. */
function copyStatus(): HTMLElement {
  return within(screen.getByRole('region', { name: 'Compare runs' })).getByRole('status');
}

function summary(): HTMLElement {
  return screen.getByRole('region', { name: 'Comparison summary' });
}

/** The counts at the top of the summary, one list item each. */
function counts(): string[] {
  return within(within(summary()).getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
}

async function chooseSides(user: UserEvent, baseline: string, candidate: string): Promise<void> {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Baseline' }), baseline);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Candidate' }), candidate);
}

/** Sets a number field to a value as a person does: select all, type. */
async function typeNumber(user: UserEvent, name: string, value: string): Promise<void> {
  const input = screen.getByRole('spinbutton', { name });
  await user.clear(input);
  if (value !== '') await user.type(input, value);
}

/** The body rows of a GitHub markdown table: the lines after the `| --- |` line, as cells. */
function markdownRows(text: string): Row[] {
  const lines = text.split('\n');
  const head = lines.findIndex((line) => line.startsWith('| --- '));
  if (head === -1) return [];
  return lines
    .slice(head + 1)
    .filter((line) => line.startsWith('| '))
    .map((line) => {
      const cells = line.slice(2, -2).split(' | ');
      return {
        Test: cells[0] ?? '',
        GPU: cells[1] ?? '',
        Metric: cells[2] ?? '',
        Baseline: cells[3] ?? '',
        Candidate: cells[4] ?? '',
        Change: cells[5] ?? '',
        Verdict: cells[6] ?? '',
      };
    });
}

describe('the Compare toggle', () => {
  it('opens a section with Baseline and Candidate selects and a Comparison table', async () => {
    const user = await renderApp();
    expect(compareButton()).toHaveAttribute('aria-expanded', 'false');
    expect(compareButton()).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByRole('table', { name: /Comparison/ })).toBeNull();

    await openCompare(user);
    expect(compareButton()).toHaveAttribute('aria-expanded', 'true');
    expect(compareButton()).toHaveAttribute('aria-pressed', 'true');
    const controls = compareButton().getAttribute('aria-controls') ?? '';
    expect(document.getElementById(controls)).toContainElement(comparisonTable());

    // Options: every dataset by its label, then every GPU.
    const baseline = screen.getByRole('combobox', { name: 'Baseline' });
    const groups = within(baseline).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('label'))).toEqual(['Datasets', 'GPUs']);
    expect(
      within(groups[0] as HTMLElement)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Nightly · 8×H100', 'Nightly · 8×H200', 'Nightly · 8×A100-SXM4-80GB']);
    expect(
      within(groups[1] as HTMLElement)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['GPU: 8×A100-SXM4-80GB', 'GPU: 8×H100', 'GPU: 8×H200']);

    // Bundled data only: 8×H100 against 8×H200 by default.
    expect(screen.getByRole('option', { name: 'GPU: 8×H100', selected: true })).toBeTruthy();
    expect(
      within(screen.getByRole('combobox', { name: 'Candidate' })).getByRole('option', {
        name: 'GPU: 8×H200',
        selected: true,
      }),
    ).toBeTruthy();
    expect(comparisonTable()).toHaveAccessibleName(/^Comparison: 8×H100 → 8×H200/);
    expect(screen.getByRole('spinbutton', { name: 'Noise threshold (%)' })).toHaveValue(5);

    await user.click(compareButton());
    expect(screen.queryByRole('table', { name: /Comparison/ })).toBeNull();
    expect(compareButton()).toHaveAttribute('aria-expanded', 'false');
  });

  it('picks the newest loaded file as candidate against the bundled run on its GPU', async () => {
    const user = await renderApp();
    const mine = raisedTtftRun();
    act(() => {
      store().addDatasets([mine]);
    });
    await openCompare(user);
    expect(comparisonTable()).toHaveAccessibleName(/^Comparison: Nightly · 8×H100 → my-run\.json/);
    expect(compare().baseline).toEqual({ kind: 'dataset', id: store().datasets[0]?.id });
    expect(compare().candidate).toEqual({ kind: 'dataset', id: mine.id });
  });
});

describe('8×H100 against 8×H200', () => {
  it('shows each metric with both values, the change and the verdict', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    const rows = tableRows();
    // 3 latency tests × 3 metrics + 3 throughput × 1 + 12 serving × 7 (see the seed tables).
    expect(rows).toHaveLength(96);

    // Request throughput at QPS inf: 24.1869 → 28.8288 req/s; 4.6419 / 24.1869 = +19.19%.
    expect(rowOf(rows, 'serving_llama8B_tp1_sharegpt_qps_inf', 'Throughput (req/s)')).toEqual({
      Test: 'serving_llama8B_tp1_sharegpt_qps_inf',
      GPU: '8×H100 → 8×H200',
      Metric: 'Throughput (req/s)',
      Baseline: '24.19',
      Candidate: '28.83',
      Change: '+19.2%',
      Verdict: 'improvement',
    });
    // Llama 8B mean latency: 1046.91 → 833.27 ms; -213.64 / 1046.91 = -20.41%.
    expect(rowOf(rows, 'latency_llama8B_tp1', 'Mean latency (ms)')).toMatchObject({
      Baseline: '1,046.91',
      Candidate: '833.27',
      Change: '-20.4%',
      Verdict: 'improvement',
    });

    // Most harmful first: P99 TTFT of llama8B at QPS 1 went 35.8438 → 59.9132 ms (+67.2%).
    expect(rows[0]).toMatchObject({
      Test: 'serving_llama8B_tp1_sharegpt_qps_1',
      Metric: 'P99 TTFT (ms)',
      Change: '+67.2%',
      Verdict: 'regression',
    });
    expect(rows.slice(0, 4).map((row) => row.Verdict)).toEqual(Array(4).fill('regression'));
    expect(rows[4]?.Verdict).not.toBe('regression');

    expect(counts()).toEqual(['4 regressions', '60 improvements', '32 within noise', '0 missing']);
    const region = summary();
    expect(region).toHaveTextContent(
      '18 tests compared · 0 only in baseline · 0 only in candidate',
    );
    expect(region).toHaveTextContent(
      'Worst regression: serving_llama8B_tp1_sharegpt_qps_1 P99 TTFT (ms) +67.2%',
    );
    // Throughput: (10.6882/9.13468 × 25.6716/21.6201 × 8.64563/9.0138)^(1/3) = 1.1004.
    expect(region).toHaveTextContent(/Throughput 1\.10× \(10\.0% better\)/);
  });

  it('flips a verdict when the threshold changes, and p99 metrics get their own', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    const meanTtft = () =>
      rowOf(tableRows(), 'serving_mixtral8x7B_tp2_sharegpt_qps_4', 'Mean TTFT (ms)');
    // 34.4165 → 36.2937 ms: +5.45%, beyond 5%.
    expect(meanTtft()).toMatchObject({ Change: '+5.5%', Verdict: 'regression' });

    await typeNumber(user, 'Noise threshold (%)', '6');
    expect(meanTtft()).toMatchObject({ Change: '+5.5%', Verdict: 'within noise' });
    expect(compare().threshold).toBe(6);
    // Left: P99 TTFT +67.2% and P99 ITL +7.0% (28.8505 → 30.8719).
    expect(counts()[0]).toBe('2 regressions');
    const p99Itl = () =>
      rowOf(tableRows(), 'serving_mixtral8x7B_tp2_sharegpt_qps_inf', 'P99 ITL (ms)');
    expect(p99Itl()).toMatchObject({ Change: '+7.0%', Verdict: 'regression' });

    await typeNumber(user, 'p99 threshold (%)', '10');
    expect(p99Itl()).toMatchObject({ Change: '+7.0%', Verdict: 'within noise' });
    expect(counts()[0]).toBe('1 regression');
    expect(comparisonTable()).toHaveAccessibleName(/threshold ±6%, p99 ±10%/);

    // Emptying the p99 field goes back to the noise threshold.
    await typeNumber(user, 'p99 threshold (%)', '');
    expect(compare().p99Threshold).toBeNull();
    expect(p99Itl().Verdict).toBe('regression');
  });

  it('lists only the regressions with Only regressions', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    await user.click(screen.getByRole('checkbox', { name: 'Only regressions' }));
    expect(compare().onlyRegressions).toBe(true);
    expect(tableRows().map((row) => [row.Test, row.Metric, row.Change, row.Verdict])).toEqual([
      ['serving_llama8B_tp1_sharegpt_qps_1', 'P99 TTFT (ms)', '+67.2%', 'regression'],
      ['serving_mixtral8x7B_tp2_sharegpt_qps_inf', 'P99 ITL (ms)', '+7.0%', 'regression'],
      ['serving_mixtral8x7B_tp2_sharegpt_qps_4', 'Median TTFT (ms)', '+5.5%', 'regression'],
      ['serving_mixtral8x7B_tp2_sharegpt_qps_4', 'Mean TTFT (ms)', '+5.5%', 'regression'],
    ]);
    // The summary still counts everything.
    expect(counts()).toEqual(['4 regressions', '60 improvements', '32 within noise', '0 missing']);
  });

  it('sorts by Change from a header, and back to most harmful first', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    const header = within(comparisonTable()).getByRole('columnheader', { name: /^Change/ });
    const verdict = within(comparisonTable()).getByRole('columnheader', { name: /^Verdict/ });
    expect(verdict).toHaveAttribute('aria-sort', 'ascending');
    expect(header).toHaveAttribute('aria-sort', 'none');

    const changes = () => tableRows().map((row) => Number(row.Change.replace('%', '')));
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(changes()).toEqual([...changes()].sort((a, b) => a - b));
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(changes()).toEqual([...changes()].sort((a, b) => b - a));
    expect(tableRows()[0]?.Change).toBe('+67.2%');
    await user.click(within(header).getByRole('button'));
    expect(verdict).toHaveAttribute('aria-sort', 'ascending');
    expect(tableRows()[0]?.Verdict).toBe('regression');
  });
});

describe('two runs on different GPUs', () => {
  it('lists the tests each side has alone, and offers to compare the GPUs', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'Nightly · 8×H100', 'Nightly · 8×H200');
    // Tests pair up only on the same GPU: all 18 of each side are alone.
    expect(counts()).toEqual(['0 regressions', '0 improvements', '0 within noise', '0 missing']);
    expect(summary()).toHaveTextContent(
      '0 tests compared · 18 only in baseline · 18 only in candidate',
    );
    const onlyBaseline = screen.getByRole('region', { name: 'Tests only in the baseline (18)' });
    expect(within(onlyBaseline).getAllByRole('listitem')[0]).toHaveTextContent(
      'latency_llama8B_tp1 · 8×H100',
    );
    expect(screen.getByRole('region', { name: 'Tests only in the candidate (18)' })).toBeTruthy();
    // Listed in the table too, each metric `missing`, marked with the side that has it.
    const rows = tableRows();
    expect(rows).toHaveLength(2 * 96);
    expect(rows.every((row) => row.Verdict === 'missing')).toBe(true);
    expect(rows[0]).toEqual({
      Test: 'latency_llama8B_tp1only in baseline',
      GPU: '8×H100',
      Metric: 'Mean latency (ms)',
      Baseline: '1,046.91',
      Candidate: '—',
      Change: '—',
      Verdict: 'missing',
    });

    await user.click(screen.getByRole('button', { name: 'Compare GPU: 8×H100 with GPU: 8×H200' }));
    expect(compare().baseline).toEqual({ kind: 'gpu', gpu: '8×H100' });
    expect(compare().candidate).toEqual({ kind: 'gpu', gpu: '8×H200' });
    expect(counts()[0]).toBe('4 regressions');
    expect(screen.queryByRole('region', { name: /^Tests only in/ })).toBeNull();
  });
});

describe('the shared filters', () => {
  it('compares only what the Model filter and the search leave', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    await user.click(
      within(screen.getByRole('group', { name: 'Model' })).getByRole('checkbox', {
        name: /^Mixtral 8x7B/,
      }),
    );
    const rows = tableRows();
    // Two models left: 2 × 3 latency + 2 throughput + 8 serving × 7 = 64.
    expect(rows).toHaveLength(64);
    expect(rows.some((row) => row.Test.includes('mixtral'))).toBe(false);
    // Only llama8B's P99 TTFT at QPS 1 is left of the four.
    expect(counts()[0]).toBe('1 regression');

    await user.type(screen.getByRole('searchbox', { name: 'Search test names' }), 'latency_');
    // latency_llama8B_tp1 and latency_llama70B_tp4: mean, median and P99 each.
    const left = tableRows().map((row) => row.Test);
    expect(left).toHaveLength(6);
    expect(new Set(left)).toEqual(new Set(['latency_llama8B_tp1', 'latency_llama70B_tp4']));
  });

  it('keeps a dataset picked as a side when the Dataset filter hides it; GPU sides follow it', async () => {
    const user = await renderApp();
    const mine = raisedTtftRun();
    act(() => {
      store().addDatasets([mine]);
    });
    await openCompare(user);
    expect(tableRows()).toHaveLength(96);
    const datasetFilter = within(screen.getByRole('group', { name: 'Dataset' }));
    await user.click(datasetFilter.getByRole('checkbox', { name: /^Nightly · 8×H100/ }));
    // Still compared: the baseline was picked by name.
    expect(tableRows()).toHaveLength(96);
    expect(tableRows()[0]).toMatchObject({
      Test: 'serving_llama8B_tp1_sharegpt_qps_1',
      Metric: 'Mean TTFT (ms)',
      Verdict: 'regression',
    });

    // A GPU side takes the GPU's results from the datasets shown: only my-run.json is left.
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    // The baseline value is my file's: 18.36 × 1.3 = 23.86 ms.
    expect(
      rowOf(tableRows(), 'serving_llama8B_tp1_sharegpt_qps_1', 'Mean TTFT (ms)').Baseline,
    ).toBe('23.86');
    await user.click(datasetFilter.getByRole('checkbox', { name: /^my-run\.json/ }));
    expect(
      screen.getByText(/All 36 results of the baseline \(8×H100\) are hidden by the filters/),
    ).toBeTruthy();
  });
});

describe('Copy as Markdown', () => {
  it('copies the rows of the table, with the same numbers, and says so', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => {
      expect(copyStatus()).toHaveTextContent(/^Copied 64 rows as Markdown\.$/);
    });
    const text = await navigator.clipboard.readText();
    expect(text.split('\n')[0]).toBe(
      '### Compare: baseline 8×H100 vs candidate 8×H200 (threshold ±5%)',
    );
    // By default: the 4 regressions and 60 improvements, in the table's order.
    const changed = tableRows().filter(
      (row) => row.Verdict === 'regression' || row.Verdict === 'improvement',
    );
    expect(changed).toHaveLength(64);
    expect(markdownRows(text)).toEqual(changed);

    await user.click(screen.getByRole('checkbox', { name: 'Include unchanged' }));
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => {
      expect(copyStatus()).toHaveTextContent('Copied 96 rows as Markdown.');
    });
    expect(markdownRows(await navigator.clipboard.readText())).toEqual(tableRows());
  });

  it('copies what Only regressions shows, and falls back to execCommand without the API', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    await user.click(screen.getByRole('checkbox', { name: 'Only regressions' }));

    const descriptor = Object.getOwnPropertyDescriptor(window.navigator, 'clipboard');
    Object.defineProperty(window.navigator, 'clipboard', { value: undefined, configurable: true });
    let copied = '';
    const execCommand = vi.fn((command: string) => {
      const area = document.querySelector('textarea');
      copied = command === 'copy' && area !== null ? area.value : '';
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
      await waitFor(() => {
        expect(copyStatus()).toHaveTextContent('Copied 4 rows as Markdown.');
      });
    } finally {
      if (descriptor !== undefined) {
        Object.defineProperty(window.navigator, 'clipboard', descriptor);
      }
      Reflect.deleteProperty(document, 'execCommand');
    }
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull();
    expect(markdownRows(copied)).toEqual(tableRows());
    expect(tableRows()).toHaveLength(4);
    // Focus goes back to the button.
    expect(screen.getByRole('button', { name: 'Copy as Markdown' })).toHaveFocus();
  });
});

describe('Download CSV', () => {
  it('saves every metric comparison at full precision', async () => {
    const user = await renderApp();
    await openCompare(user);
    await chooseSides(user, 'GPU: 8×H100', 'GPU: 8×H200');
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:compare';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    await user.click(screen.getByRole('checkbox', { name: 'Only regressions' }));
    await user.click(
      within(screen.getByRole('region', { name: 'Compare runs' })).getByRole('button', {
        name: 'Download CSV',
      }),
    );
    await waitFor(() => {
      expect(click).toHaveBeenCalled();
    });
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('vllm-compare-8xH100-vs-8xH200.csv');
    expect(saved).toHaveLength(1);
    // UTF-8 with a byte-order mark, so a spreadsheet reads "8×H100" as written.
    const bytes = new Uint8Array((await saved[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = (await saved[0]?.text()) ?? '';
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Suite,Test,Baseline GPU,Candidate GPU,Metric key,Metric,Unit,Direction,Baseline,Candidate,Change (%),Threshold (%),Verdict,Decided by,History runs,Noise spread (%),Robust z',
    );
    // The full comparison, whatever the table shows: a header and 96 rows.
    expect(lines).toHaveLength(97);
    expect(text).toContain('24.186907198204548');
  });
});

describe('the link', () => {
  it('keeps the compare view in the URL next to the filters, and Back restores both', async () => {
    window.history.replaceState(null, '', '/');
    stopSync = startUrlSync(window);
    const user = await renderApp();
    await openCompare(user);
    const params = () => new URLSearchParams(window.location.search);
    expect(params().get('cmp')).toBe('1');
    expect(params().get('cmp.base')).toBe('gpu:8×H100');
    expect(params().get('cmp.cand')).toBe('gpu:8×H200');

    await user.click(
      within(screen.getByRole('group', { name: 'Model' })).getByRole('checkbox', {
        name: /^Mixtral 8x7B/,
      }),
    );
    await typeNumber(user, 'Noise threshold (%)', '6');
    expect(window.location.search).toBe(
      '?hide.model=mixtral8x7B&cmp=1&cmp.base=gpu%3A8%C3%97H100&cmp.cand=gpu%3A8%C3%97H200&cmp.thr=6',
    );
    expect(tableRows()).toHaveLength(64);

    // Back undoes the threshold (typed as one entry), then the filter.
    await act(async () => {
      const popped = new Promise((resolve) => {
        window.addEventListener('popstate', resolve, { once: true });
      });
      window.history.back();
      await popped;
    });
    expect(params().get('cmp.thr')).toBeNull();
    expect(compare().threshold).toBe(5);
    expect(screen.getByRole('spinbutton', { name: 'Noise threshold (%)' })).toHaveValue(5);
    expect(store().view.hidden.model).toEqual(['mixtral8x7B']);

    await act(async () => {
      const popped = new Promise((resolve) => {
        window.addEventListener('popstate', resolve, { once: true });
      });
      window.history.back();
      await popped;
    });
    expect(store().view.hidden.model).toEqual([]);
    expect(compare().open).toBe(true);
    expect(tableRows()).toHaveLength(96);
  });

  it('keeps a side that is not loaded yet, says so, and compares once it arrives', async () => {
    const mine = raisedTtftRun();
    const h100 = createDataset(
      (() => {
        const outcome = parseResultsText(readSiteFile('data/nightly-8xH100.json'));
        if (!outcome.ok) throw new Error('seed did not parse');
        return outcome.value;
      })(),
      { kind: 'bundled', name: 'nightly-8xH100.json' },
      readSiteFile('data/nightly-8xH100.json'),
    );
    const query = `?cmp=1&cmp.base=${h100.id}&cmp.cand=${mine.id}`;
    window.history.replaceState(null, '', `/${query}`);
    stopSync = startUrlSync(window);
    await renderApp();
    await screen.findByRole('combobox', { name: 'Candidate' });
    expect(screen.getByText(/is not loaded/)).toHaveTextContent(mine.id);
    expect(screen.queryByRole('table', { name: /Comparison/ })).toBeNull();
    expect(
      within(screen.getByRole('combobox', { name: 'Candidate' })).getByRole('option', {
        selected: true,
      }),
    ).toHaveTextContent(`${mine.id} (not loaded)`);
    // The link still asks for it.
    expect(window.location.search).toBe(query);

    act(() => {
      store().addDatasets([mine]);
    });
    await screen.findByRole('table', { name: /Comparison: Nightly · 8×H100 → my-run\.json/ });
    expect(screen.queryByText(/is not loaded/)).toBeNull();
    // Mean TTFT 18.36 → 23.86 ms: +30.0%, and the only change.
    expect(tableRows()[0]).toEqual({
      Test: 'serving_llama8B_tp1_sharegpt_qps_1',
      GPU: '8×H100',
      Metric: 'Mean TTFT (ms)',
      Baseline: '18.36',
      Candidate: '23.86',
      Change: '+30.0%',
      Verdict: 'regression',
    });
    expect(tableRows()[1]?.Verdict).toBe('within noise');
    expect(window.location.search).toBe(query);
  });
});
