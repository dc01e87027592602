import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RegressionsSection } from '../../src/features/regressions/regressions-section';
import { useDashboardStore } from '../../src/store/dashboard-store';
import type { Dataset } from '../../src/data/results/result-model';
import { QPS_INF, h100Run } from '../data/history/history-fixtures';
import { STEADY, STEPPED, STEPPED_ROW_CELLS } from '../helpers/regression-step';
import { seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

vi.setConfig({ testTimeout: 20_000 });

/** The shared history's median TTFT at QPS inf: 16 steady nights, then 4 at about +20%. */
const VALUES = [...STEADY, ...STEPPED];

function nights(count = VALUES.length): Dataset[] {
  return VALUES.slice(0, count).map((value, night) =>
    h100Run({
      id: `night-${String(night)}`,
      date: `2026-09-${String(night + 1).padStart(2, '0')}`,
      changes: { [QPS_INF]: { ttft_median: value } },
    }),
  );
}

beforeEach(() => {
  store().reset();
});

describe('the Regressions section', () => {
  it('is not there without two dated runs of one GPU', () => {
    store().addDatasets([seedDataset('H100'), seedDataset('H200')]);
    render(<RegressionsSection />);
    expect(screen.queryByRole('region', { name: 'Regressions' })).toBeNull();
  });

  it('lists the lasting step as a confirmed regression, and copies the report as Markdown', async () => {
    store().addDatasets(nights());
    const user = userEvent.setup({ delay: null });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<RegressionsSection />);
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
    render(<RegressionsSection />);
    const region = await screen.findByRole('region', { name: 'Regressions' });
    await within(region).findByText('8×H100: insufficient history (3 runs, needs 15).');
    expect(within(region).getByText('No series changed beyond its noise.')).toBeTruthy();
  });
});
