import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { readFixture, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

beforeEach(() => {
  store().reset();
  store().addDatasets([seedDataset('H100')]);
});

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (input === null) throw new Error('no file input');
  return input;
}

describe('Load results', () => {
  it('opens a native picker that takes several files', () => {
    render(<App />);
    expect(screen.getByRole('button', { name: 'Load results' })).toBeInTheDocument();
    expect(fileInput()).toHaveAttribute('multiple');
  });

  it('adds picked files to the Datasets region with a Remove button each', async () => {
    const user = userEvent.setup();
    render(<App />);
    const file = new File([readFixture('nightly/nightly-8xH200.md')], 'nightly-8xH200.md', {
      type: 'text/markdown',
    });
    await user.upload(fileInput(), file);
    const region = screen.getByRole('region', { name: 'Datasets' });
    await within(region).findByRole('textbox', { name: 'Label of nightly-8xH200.md' });
    // The bundled run cannot be removed; the picked file can.
    expect(within(region).queryByRole('button', { name: 'Remove Nightly · 8×H100' })).toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Remove nightly-8xH200.md' }));
    expect(
      within(region).queryByText('nightly-8xH200.md', { selector: '.dataset-label' }),
    ).toBeNull();
  });

  it('opens a folder picker whose files are read, YAML reports too', async () => {
    const user = userEvent.setup();
    render(<App />);
    const folder = screen.getByTestId<HTMLInputElement>('load-folder-input');
    expect(folder.webkitdirectory).toBe(true);
    expect(screen.getByTestId('load-results-input').getAttribute('accept')).toContain('.yaml');
    const report = readFixture('formats/llm-d/benchmark-report-v0.2.yaml');
    await user.upload(folder, new File([report], 'report.yaml'));
    const region = screen.getByRole('region', { name: 'Datasets' });
    await within(region).findByRole('textbox', { name: 'Label of report.yaml' });
  });

  it('loads files dropped anywhere on the page', async () => {
    render(<App />);
    const file = new File([readFixture('nightly/nightly-8xA100-SXM4-80GB.md')], 'a100.md');
    fireEvent.drop(window, { dataTransfer: { files: [file], types: ['Files'] } });
    const region = screen.getByRole('region', { name: 'Datasets' });
    await within(region).findByRole('button', { name: 'Remove a100.md' });
    const latency = screen.getByRole('table', { name: /Latency/ });
    await waitFor(() => {
      expect(within(latency).getAllByText('8×A100-SXM4-80GB').length).toBeGreaterThan(0);
    });
  });

  it('shows markup in a rejected file name as text and runs nothing', async () => {
    const user = userEvent.setup();
    render(<App />);
    const name = '<img src=x onerror="window.hacked=1">.json';
    await user.upload(fileInput(), new File(['{"oops": '], name));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`${name} was not loaded.`);
    expect(alert.querySelector('img')).toBeNull();
    expect((window as { hacked?: unknown }).hacked).toBeUndefined();
    await user.click(within(alert).getByRole('button', { name: /^Dismiss/ }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
