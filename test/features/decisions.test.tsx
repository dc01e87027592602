import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CostPanel } from '../../src/features/decisions/cost-panel';
import DecisionsSection from '../../src/features/decisions/decisions-section';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { viewOf } from '../data/charts/chart-fixtures';
import { seedCopies, seedDataset } from '../helpers/seed';
import { bodyCells } from '../helpers/table-cells';

const store = () => useDashboardStore.getState();

beforeEach(() => {
  store().reset();
  localStorage.clear();
  store().addDatasets([seedDataset('H100'), seedDataset('H200'), seedDataset('A100-SXM4-80GB')]);
});

function capacityOf(model: string, gpu: string): string | undefined {
  const table = screen.getByRole('table', { name: /Max QPS within SLO/ });
  return bodyCells(table).find((cells) => cells[0] === model && cells[1] === gpu)?.[2];
}

describe('SLO capacity', () => {
  it('answers the highest QPS within the objectives, at the percentile chosen', async () => {
    const user = userEvent.setup();
    render(<DecisionsSection />);
    // Nothing set: every load counts, so the highest tested (inf).
    expect(capacityOf('Llama 3 70B', '8×H100')).toBe('inf');
    // Median TTFT of Llama 3 70B on 8×H100: 41.38, 38.17, 42.21, 300.91 ms.
    await user.type(screen.getByRole('spinbutton', { name: 'TTFT SLO (ms)' }), '50');
    expect(capacityOf('Llama 3 70B', '8×H100')).toBe('16');
    // Median TTFT on 8×A100: 71.77 ms already at QPS 1.
    expect(capacityOf('Llama 3 70B', '8×A100-SXM4-80GB')).toBe('none');
    // P99 TTFT: 96.54, 56.81, 66.24, 375.26: within 60 ms only at QPS 4.
    await user.clear(screen.getByRole('spinbutton', { name: 'TTFT SLO (ms)' }));
    await user.type(screen.getByRole('spinbutton', { name: 'TTFT SLO (ms)' }), '60');
    await user.selectOptions(screen.getByRole('combobox', { name: 'SLO percentile' }), 'P99');
    expect(capacityOf('Llama 3 70B', '8×H100')).toBe('4');
    expect(store().decisions.slo.ttft).toBe(60);
    expect(store().decisions.percentile).toBe('p99');
  });

  it('offers Median and P99 only, as the nightlies have no P90 or P95', () => {
    render(<DecisionsSection />);
    const select = screen.getByRole('combobox', { name: 'SLO percentile' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Median', 'P99']);
  });

  it('refuses a negative objective with an inline message and changes nothing', async () => {
    const user = userEvent.setup();
    render(<DecisionsSection />);
    const input = screen.getByRole('spinbutton', { name: 'ITL SLO (ms)' });
    await user.type(input, '25');
    expect(store().decisions.slo.itl).toBe(25);
    await user.clear(input);
    await user.type(input, '-5');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Enter a number of milliseconds above 0, or leave it empty.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    // The last good objective stays (clearing set it to none; -5 changed nothing after).
    expect(store().decisions.slo.itl).toBeNull();
    await user.clear(input);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('cost', () => {
  it('prices each test per 1k requests from GPUs used and the price typed', async () => {
    const user = userEvent.setup();
    render(<DecisionsSection />);
    const table = () => screen.getByRole('table', { name: /Cost/ });
    const costOf = (test: string, gpu: string) =>
      bodyCells(table()).find((cells) => cells[0] === test && cells[1] === gpu)?.[5];
    expect(costOf('throughput_llama8B_tp1', '8×H100')).toBe('— (set a price for H100)');
    await user.type(screen.getByRole('spinbutton', { name: '$ per GPU-hour, H100' }), '2');
    // 1 GPU × $2 / (21.6201 req/s × 3600) × 1000 = $0.02570 per 1k requests.
    expect(costOf('throughput_llama8B_tp1', '8×H100')).toBe('$0.02570 per 1k requests');
    // TP 4: 4 × $2 / (9.13468 × 3600) × 1000 = $0.2433.
    expect(costOf('throughput_llama70B_tp4', '8×H100')).toBe('$0.2433 per 1k requests');
    expect(store().decisions.prices).toEqual({ H100: 2 });
    expect(JSON.parse(localStorage.getItem('vllm-dashboard.gpu-prices') ?? '{}')).toEqual({
      H100: 2,
    });
  });

  it('offers one price per GPU type in view', () => {
    render(<DecisionsSection />);
    expect(
      screen
        .getAllByRole('spinbutton', { name: /^\$ per GPU-hour/ })
        .map((i) => i.getAttribute('aria-label') ?? i.closest('label')?.textContent),
    ).toEqual(['$ per GPU-hour, A100-SXM4-80GB', '$ per GPU-hour, H100', '$ per GPU-hour, H200']);
  });
});

describe('cost over a large data set', () => {
  it('makes its prices and table after the render, and costs a price typed as before', async () => {
    const user = userEvent.setup();
    // 186 copies of the three seed runs: 10,044 results, made in short tasks after the render.
    const view = viewOf(seedCopies(186));
    render(<CostPanel view={view} />);
    expect(screen.queryByRole('table', { name: /Cost/ })).toBeNull();
    const table = await screen.findByRole('table', { name: /Cost/ });
    const costOf = (test: string, gpu: string) =>
      bodyCells(table).find((cells) => cells[0] === test && cells[1] === gpu)?.[5];
    expect(costOf('throughput_llama8B_tp1', '8×H100')).toBe('— (set a price for H100)');
    await user.type(screen.getByRole('spinbutton', { name: '$ per GPU-hour, H100' }), '2');
    // 1 GPU × $2 / (21.6201 req/s × 3600) × 1000 = $0.02570 per 1k requests.
    await waitFor(() => {
      expect(costOf('throughput_llama8B_tp1', '8×H100')).toBe('$0.02570 per 1k requests');
    });
  });
});

describe('throughput at interactivity', () => {
  it('reads the 8×H100 frontier of Llama 3 70B at 40 tok/s per user', () => {
    render(<DecisionsSection />);
    const table = screen.getByRole('table', { name: /Throughput at interactivity: Llama 3 70B/ });
    const header = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    const at = header.indexOf('40 tok/s/user');
    expect(at).toBeGreaterThan(0);
    // Between inf (1000/25.643 = 39.00 tok/s, 10.6181/4 = 2.6545 req/s per GPU) and QPS 16
    // (41.81, 7.34964/4 = 1.8374): at 40, 2.6545 − 0.8171 × 0.3566 = 2.363.
    const h100 = bodyCells(table).find((cells) => cells[0] === '8×H100');
    expect(h100?.[at]).toBe('2.36');
  });
});
