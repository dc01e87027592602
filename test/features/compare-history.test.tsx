import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app';
import type { Dataset } from '../../src/data/results/result-model';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { result } from '../data/compare/compare-fixtures';
import { datedRun, nightDate } from '../helpers/compare-history';

const store = () => useDashboardStore.getState();

// Renders the whole page with its lazy compare chunk.
vi.setConfig({ testTimeout: 60_000 });

beforeEach(() => {
  store().reset();
  window.history.pushState(null, '', '/');
});

/** A run of two serving tests on 8×H100 (QPS 1 and QPS 16) with these mean TTFTs. */
function run(id: string, date: string, qps1: number, qps16: number): Dataset {
  return datedRun(id, date, [
    result({ testName: 'serving_qps_1', qps: 1, metrics: { ttft_mean: qps1 } }),
    result({ testName: 'serving_qps_16', qps: 16, metrics: { ttft_mean: qps16 } }),
  ]);
}

describe('Compare with a history in view', () => {
  it("judges a metric by its series' noise and says so in the row and the summary", async () => {
    // 20 nights: QPS 1 alternates 100 and 101 (the band of history-rule.test.ts, spread ±0.74%),
    // QPS 16 goes 100, 103, 97 in turn (spread ±4.48%). The candidate, night 21, has 104 and
    // 106 against night 19's 100 and 100: +4% is outside the quiet series (z = 4.64), +6% inside
    // the noisy one (z = 1.33), though the fixed 5% would say the opposite of both.
    const nights = Array.from({ length: 20 }, (_, i) =>
      run(
        `night-${String(i + 1)}`,
        nightDate(i),
        [100, 101][i % 2] ?? 0,
        [100, 103, 97][i % 3] ?? 0,
      ),
    );
    const baseline = nights[18];
    if (baseline === undefined) throw new Error('no night 19');
    const candidate = run('candidate', '2026-09-21', 104, 106);
    act(() => {
      store().addDatasets([...nights, candidate]);
      store().setSides({ kind: 'dataset', id: baseline.id }, { kind: 'dataset', id: candidate.id });
    });
    const user = userEvent.setup({ delay: null });
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const table = await screen.findByRole(
      'table',
      { name: /^Comparison: night-19 → candidate/ },
      { timeout: 10_000 },
    );
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent.trim()),
      );
    expect(rows.map((cells) => [cells[0], cells[5], cells[6], cells[7]])).toEqual([
      ['serving_qps_1', '+4.0%', 'regression', 'noise of 20 runs (±0.7%)'],
      ['serving_qps_16', '+6.0%', 'within noise', 'noise of 20 runs (±4.5%)'],
    ]);
    const summary = screen.getByRole('region', { name: 'Comparison summary' });
    expect(
      within(summary).getByText(
        "2 metrics judged by their own history's noise, 0 by the fixed threshold.",
      ),
    ).toBeTruthy();
  });
});
