import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryChart } from '../../src/features/history/history-chart';
import { RegressionsSection } from '../../src/features/regressions/regressions-section';
import { useDashboardStore } from '../../src/store/dashboard-store';
import type { Dataset } from '../../src/data/results/result-model';
import { QPS_1, QPS_INF, h100Run } from '../data/history/history-fixtures';
import { STEADY, STEPPED, STEPPED_ROW_CELLS } from '../helpers/regression-step';
import { seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

vi.setConfig({ testTimeout: 20_000 });

/** The shared history's median TTFT at QPS inf: 16 steady nights, then 4 at about +20%. */
const VALUES = [...STEADY, ...STEPPED];

function nights(count = VALUES.length, jumpOnQps1 = false): Dataset[] {
  return VALUES.slice(0, count).map((value, night) =>
    h100Run({
      id: `night-${String(night)}`,
      date: `2026-09-${String(night + 1).padStart(2, '0')}`,
      changes: {
        [QPS_INF]: { ttft_median: value },
        // QPS 1's median TTFT: 19 nights the shared steady values (and 200, 199, 201), then
        // 260 on the last: +30% on its latest night only, a suspect.
        ...(jumpOnQps1
          ? { [QPS_1]: { ttft_median: [...STEADY, 200, 199, 201, 260][night] ?? 0 } }
          : {}),
      },
    }),
  );
}

/** The report table's rows as their first six cells (GPU to First changed). */
function reportRows(region: HTMLElement): string[][] {
  const table = within(region).getByRole('table', { name: /^Regressions/ });
  return Array.from(table.querySelectorAll('tbody tr'), (row) =>
    Array.from(row.querySelectorAll('td'), (cell) => cell.textContent).slice(0, 6),
  );
}

beforeEach(() => {
  store().reset();
});

describe('the Regressions section', () => {
  it('is not there without two dated runs of one GPU', () => {
    store().addDatasets([seedDataset('H100'), seedDataset('H200')]);
    render(<RegressionsSection history={() => null} />);
    expect(screen.queryByRole('region', { name: 'Regressions' })).toBeNull();
  });

  it('lists the lasting step as a confirmed regression, and copies the report as Markdown', async () => {
    store().addDatasets(nights());
    const user = userEvent.setup({ delay: null });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<RegressionsSection history={() => null} />);
    const region = await screen.findByRole('region', { name: 'Regressions' });
    const table = await within(region).findByRole('table', { name: /^Regressions/ });
    const cells = Array.from(table.querySelectorAll('tbody tr'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent),
    );
    // Medians 200 → 240.5: +20.25% (worked out in test/helpers/regression-step.ts).
    expect(cells).toHaveLength(1);
    expect(cells[0]?.slice(0, 11)).toEqual(STEPPED_ROW_CELLS);
    expect(within(region).getByText(/1 flagged of 96 series judged/)).toBeTruthy();

    await user.click(within(region).getByRole('button', { name: 'Copy as Markdown' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const markdown = String((writeText.mock.calls[0] as unknown[])[0]);
    expect(markdown).toContain(
      `| 8×H100 | ${QPS_INF} | Median TTFT (ms) | confirmed | regression | 2026-09-17 | 2026-09-16 | — | 200.00 | 240.50 | +20.3% |`,
    );
    await within(region).findByText('Copied as Markdown');
  });

  it('says a short history cannot be judged yet, per GPU, and lists nothing', async () => {
    store().addDatasets(nights(3));
    render(<RegressionsSection history={() => null} />);
    const region = await screen.findByRole('region', { name: 'Regressions' });
    await within(region).findByText('8×H100: insufficient history (3 runs, needs 15).');
    expect(within(region).getByText('No series changed beyond its noise.')).toBeTruthy();
  });

  it('groups by night, filters, and opens a row on its history, where a run can be marked', async () => {
    store().addDatasets(nights(VALUES.length, true));
    const user = userEvent.setup({ delay: null });
    render(
      <RegressionsSection history={(focus) => <HistoryChart baselineId={null} focus={focus} />} />,
    );
    const region = await screen.findByRole('region', { name: 'Regressions' });
    await within(region).findByRole('table', { name: /^Regressions/ });
    // The latest night first: QPS 1's suspect of the 20th, then QPS inf's step of the 17th.
    const suspect = ['8×H100', QPS_1, 'Median TTFT (ms)', 'suspect', 'regression', '2026-09-20'];
    const step = STEPPED_ROW_CELLS.slice(0, 6);
    expect(reportRows(region)).toEqual([suspect, step]);
    expect(
      within(region)
        .getAllByRole('rowgroup')
        .map((group) => group.getAttribute('aria-label'))
        .slice(1),
    ).toEqual([
      '2026-09-20 · 8×H100: 1 regression (0 confirmed)',
      '2026-09-17 · 8×H100: 1 regression (1 confirmed)',
    ]);

    // Each group is a button that shows it alone.
    const groups = within(region).getByRole('navigation', { name: 'Nights and GPUs' });
    await user.click(
      within(groups).getByRole('button', {
        name: '2026-09-17 · 8×H100: 1 regression (1 confirmed)',
      }),
    );
    expect(reportRows(region)).toEqual([step]);
    expect(
      within(region).getByRole<HTMLSelectElement>('combobox', { name: 'First changed' }).value,
    ).toBe('2026-09-17');
    await user.selectOptions(within(region).getByRole('combobox', { name: 'First changed' }), '');
    expect(reportRows(region)).toEqual([suspect, step]);

    await user.click(within(region).getByRole('radio', { name: 'Suspect' }));
    expect(reportRows(region)).toEqual([suspect]);
    expect(within(region).getByText(/· 1 shown/)).toBeTruthy();
    await user.click(within(region).getByRole('radio', { name: 'Improvements' }));
    expect(reportRows(region)).toEqual([]);
    expect(within(region).getByText('No flagged series match these filters.')).toBeTruthy();
    await user.click(within(region).getAllByRole('radio', { name: 'All' })[1] as HTMLElement);
    await user.selectOptions(
      within(region).getByRole('combobox', { name: 'First changed' }),
      '2026-09-17',
    );
    await user.click(within(region).getAllByRole('radio', { name: 'All' })[0] as HTMLElement);
    expect(reportRows(region)).toEqual([step]);

    await user.click(
      within(region).getByRole('button', {
        name: `Show the history of ${QPS_INF}, Median TTFT (ms), on 8×H100`,
      }),
    );
    const chart = await within(region).findByRole('figure', { name: 'History' });
    expect(within(chart).getByRole<HTMLSelectElement>('combobox', { name: 'Metric' }).value).toBe(
      'ttft_median',
    );
    expect(
      within(chart).getByRole<HTMLSelectElement>('combobox', { name: 'Test' }).selectedOptions[0]
        ?.textContent,
    ).toBe(QPS_INF);
    expect(
      within(chart).getByText(/^Verdict: regression from the run of 2026-09-17: \+20\.3%/),
    ).toBeTruthy();

    // Marking the step's first night a known change takes the row away, with a note.
    await user.selectOptions(within(chart).getByRole('combobox', { name: 'Run' }), '2026-09-17');
    await user.selectOptions(
      within(chart).getByRole('combobox', { name: 'Mark run as' }),
      'known change',
    );
    expect(store().runMarks).toEqual([{ gpu: '8×H100', date: '2026-09-17', kind: 'known change' }]);
    await within(region).findByText(
      '8×H100: its history starts again at the known change of 2026-09-17 (16 runs before it left out).',
    );
    // Every series of the GPU starts again there, QPS 1's too: no row is left.
    expect(reportRows(region)).toEqual([]);
    expect(
      within(chart).getByText(/^Verdict: insufficient history \(4 runs, needs 15\)/),
    ).toBeTruthy();
  });
});
