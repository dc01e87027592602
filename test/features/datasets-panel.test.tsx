import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { loadInputs } from '../../src/store/load-files';
import { handDataset, result } from '../data/charts/chart-fixtures';
import { readFixture, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

beforeEach(async () => {
  store().reset();
  store().addDatasets([seedDataset('H100')]);
  const text = readFixture('nightly/nightly-8xH200.md');
  await loadInputs([
    { name: 'pr-run.md', kind: 'file', size: text.length, text: () => Promise.resolve(text) },
  ]);
});

function latencyGpus(): string[] {
  const table = screen.getByRole('table', { name: /Latency/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[2]?.textContent ?? '');
}

describe('Datasets panel', () => {
  it('hides and shows a dataset, bundled ones included', async () => {
    const user = userEvent.setup();
    render(<App />);
    const region = screen.getByRole('region', { name: 'Datasets' });
    await user.click(within(region).getByRole('checkbox', { name: 'Show Nightly · 8×H100' }));
    expect(latencyGpus()).toEqual(['8×H200', '8×H200', '8×H200']);
    await user.click(within(region).getByRole('checkbox', { name: 'Show Nightly · 8×H100' }));
    expect(latencyGpus()).toHaveLength(6);
  });

  it('renames a loaded dataset everywhere it is shown', async () => {
    const user = userEvent.setup();
    render(<App />);
    const index = store().index;
    const label = screen.getByRole('textbox', { name: 'Label of pr-run.md' });
    await user.clear(label);
    await user.type(label, 'PR 1234{Enter}');
    const table = screen.getByRole('table', { name: /Latency/ });
    expect(within(table).getAllByText('PR 1234')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Remove PR 1234' })).toBeInTheDocument();
    // The Dataset filter names it too, and the index was not built again for a label.
    const filter = screen.getByRole('group', { name: 'Dataset' });
    expect(within(filter).getByRole('checkbox', { name: 'PR 1234' })).toBeInTheDocument();
    expect(within(filter).queryByRole('checkbox', { name: 'pr-run.md' })).toBeNull();
    expect(store().index).toBe(index);
  });

  it('asks only for what a file leaves out, and the Engine filter shows what the user sets', async () => {
    const user = userEvent.setup();
    const row = (qps: number) =>
      result(
        'serving',
        `serving_qps_${String(qps)}`,
        'H100',
        { request_throughput: qps },
        {
          engine: null,
          qps,
        },
      );
    store().addDatasets([{ ...handDataset('client.json', [row(1), row(4)]), id: 'client' }]);
    render(<App />);
    // The nightly names its engine and GPU: nothing to ask. The client file names no engine.
    expect(screen.queryByRole('combobox', { name: 'Engine of pr-run.md' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'GPU of client.json' })).toBeNull();
    const engine = screen.getByRole('combobox', { name: 'Engine of client.json' });
    await user.type(engine, 'sglang{Enter}');
    const filter = await screen.findByRole('group', { name: 'Engine' });
    expect(within(filter).getByRole('checkbox', { name: 'SGLang' })).toBeInTheDocument();
    expect(within(filter).queryByRole('checkbox', { name: 'Not stated' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Engine of client.json' })).toHaveValue('SGLang');
  });

  it('moves a loaded dataset up and down the list, and the Dataset filter follows', async () => {
    const user = userEvent.setup();
    const text = readFixture('nightly/nightly-8xA100-SXM4-80GB.md');
    await loadInputs([
      { name: 'other.md', kind: 'file', size: text.length, text: () => Promise.resolve(text) },
    ]);
    render(<App />);
    const labels = () => store().datasets.map((dataset) => dataset.label);
    expect(labels()).toEqual(['Nightly · 8×H100', 'pr-run.md', 'other.md']);
    const region = screen.getByRole('region', { name: 'Datasets' });
    expect(within(region).getByRole('button', { name: 'Move other.md down' })).toBeDisabled();
    await user.click(within(region).getByRole('button', { name: 'Move other.md up' }));
    await user.click(within(region).getByRole('button', { name: 'Move other.md up' }));
    expect(labels()).toEqual(['other.md', 'Nightly · 8×H100', 'pr-run.md']);
    expect(within(region).getByRole('button', { name: 'Move other.md up' })).toBeDisabled();
    const filter = screen.getByRole('group', { name: 'Dataset' });
    expect(
      within(filter)
        .getAllByRole('checkbox')
        .map((box) => box.closest('li')?.querySelector('label')?.textContent),
    ).toEqual(['other.md', 'Nightly · 8×H100', 'pr-run.md']);
    await user.click(within(region).getByRole('button', { name: 'Move pr-run.md up' }));
    expect(labels()).toEqual(['other.md', 'pr-run.md', 'Nightly · 8×H100']);
  });

  it('asks before resetting to the bundled data, and does nothing when told no', async () => {
    const user = userEvent.setup();
    const confirm = vi
      .spyOn(window, 'confirm')
      .mockReturnValueOnce(false)
      .mockReturnValueOnce(true);
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Reset to bundled data' }));
    expect(confirm).toHaveBeenCalledWith(
      'Remove the 1 dataset you loaded and keep only the bundled runs?',
    );
    expect(store().datasets).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Reset to bundled data' }));
    expect(store().datasets.map((dataset) => dataset.label)).toEqual(['Nightly · 8×H100']);
    expect(screen.queryByRole('button', { name: 'Reset to bundled data' })).toBeNull();
  });

  it('says "not saved" when the browser gives no storage', () => {
    store().setStorageAvailable(false);
    render(<App />);
    const region = screen.getByRole('region', { name: 'Datasets' });
    const items = within(region).getAllByRole('listitem');
    expect(items[0]).not.toHaveTextContent('not saved');
    expect(items[1]).toHaveTextContent('not saved');
  });

  it('shows when a run was made when its file records it', async () => {
    const name = 'serving_llama70B_tp4_sharegpt_qps_inf.json';
    const text = readFixture(`formats/serve/${name}`);
    await loadInputs([
      { name, kind: 'file', size: text.length, text: () => Promise.resolve(text) },
    ]);
    render(<App />);
    const region = screen.getByRole('region', { name: 'Datasets' });
    // The file's date field is 20240918-054408.
    expect(within(region).getByText('ran 2024-09-18 05:44:08')).toBeInTheDocument();
  });
});
