import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChartsSection } from '../../../src/features/charts/charts-section';
import { useDashboardStore } from '../../../src/store/dashboard-store';
import { SEED_GPUS, seedCopies, seedDataset } from '../../helpers/seed';

/** Renders the charts and waits for all five: they mount one per task. */
async function renderAllCharts(): Promise<void> {
  render(<ChartsSection />);
  await waitFor(
    () => {
      expect(screen.getAllByRole('figure')).toHaveLength(5);
    },
    { timeout: 10_000 },
  );
}

// Charts get explicit pixel sizes (jsdom has no layout: the figures fall back to a default
// width), so recharts draws its SVG here; pixel positions are checked in the browser tests.

const store = () => useDashboardStore.getState();

beforeEach(() => {
  store().reset();
  store().addDatasets(SEED_GPUS.map((gpu) => seedDataset(gpu)));
});

function figure(name: RegExp): HTMLElement {
  return screen.getByRole('figure', { name });
}

async function showData(chart: HTMLElement): Promise<HTMLElement> {
  await userEvent.click(within(chart).getByRole('button', { name: 'Show data' }));
  return within(chart).getByRole('table');
}

function rowTexts(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .map((row) => row.textContent.replace(/\s+/g, ' ').trim());
}

describe('charts section', () => {
  it('shows five figures named by their titles, each with PNG and SVG downloads', async () => {
    await renderAllCharts();
    for (const name of [/Latency/, /Throughput/, /Serving/, /Trade-off/, /Speedup/]) {
      const chart = figure(name);
      expect(within(chart).getByRole('button', { name: 'Download PNG' })).toBeInTheDocument();
      expect(within(chart).getByRole('button', { name: 'Download SVG' })).toBeInTheDocument();
    }
  });

  it('draws nothing until results are loaded', () => {
    store().reset();
    const { container } = render(<ChartsSection />);
    expect(container).toBeEmptyDOMElement();
  });

  it('lists the three seed GPUs in each legend, as toggle buttons', async () => {
    await renderAllCharts();
    const legend = within(figure(/Latency/)).getByRole('list', { name: /Series/ });
    const buttons = within(legend).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      '8×A100-SXM4-80GB',
      '8×H100',
      '8×H200',
    ]);
    for (const button of buttons) expect(button).toHaveAttribute('aria-pressed', 'true');
  });

  it('leaves 8×H200 out of every chart when the GPU filter hides it, all charts at once', async () => {
    await renderAllCharts();
    act(() => {
      store().toggleHidden('gpu', '8×H200');
    });
    for (const name of [/Latency/, /Throughput/, /Serving/, /Trade-off/, /Speedup/]) {
      expect(figure(name).textContent).not.toContain('H200');
      expect(figure(name).querySelectorAll('.series-g2')).toHaveLength(0);
    }
  });

  it('redraws the charts one after another when 10,000 or more results are loaded', async () => {
    // The three seed runs loaded 186 times each, as runs of their own: 3 × 18 × 186 = 10,044.
    store().reset();
    store().addDatasets(seedCopies(186));
    expect(store().datasets.reduce((sum, dataset) => sum + dataset.results.length, 0)).toBe(10_044);
    await renderAllCharts();
    act(() => {
      store().toggleHidden('gpu', '8×H200');
    });
    // The charts follow after the click, each in tasks of its own: its data is made in short
    // tasks while it keeps what it drew, and the last chart takes the view last.
    expect(figure(/Latency/).textContent).toContain('H200');
    expect(figure(/Speedup/).textContent).toContain('H200');
    await waitFor(() => {
      for (const name of [/Latency/, /Throughput/, /Serving/, /Trade-off/, /Speedup/]) {
        expect(figure(name).textContent).not.toContain('H200');
      }
    });
  });

  it('shows the latency values as a table, and the median when the statistic changes', async () => {
    await renderAllCharts();
    const chart = figure(/Latency/);
    const table = await showData(chart);
    expect(within(chart).getByRole('button', { name: 'Show data' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    // Seed latency_llama8B_tp1 on 8×H100: mean 1046.9095 ms with p99 1048.3030 ms.
    expect(rowTexts(table)).toContain(
      'Llama 3.1 8B · TP1latency_llama8B_tp18×H1001,046.91 ms1,048.30 msNightly · 8×H100',
    );
    await userEvent.click(within(chart).getByRole('radio', { name: 'Median' }));
    expect(rowTexts(within(chart).getByRole('table'))).toContain(
      'Llama 3.1 8B · TP1latency_llama8B_tp18×H1001,046.82 msNightly · 8×H100',
    );
  });

  it('turns a series off and on from the legend', async () => {
    await renderAllCharts();
    const chart = figure(/Latency/);
    expect(chart.querySelectorAll('.series-g1')).toHaveLength(1);
    const h100 = within(chart).getByRole('button', { name: '8×H100' });
    await userEvent.click(h100);
    expect(h100).toHaveAttribute('aria-pressed', 'false');
    expect(chart.querySelectorAll('.series-g1')).toHaveLength(0);
    await userEvent.click(h100);
    expect(chart.querySelectorAll('.series-g1')).toHaveLength(1);
  });

  it('divides throughput by TP when switched to per GPU', async () => {
    await renderAllCharts();
    const chart = figure(/Throughput/);
    await userEvent.click(within(chart).getByRole('checkbox', { name: /Per GPU/ }));
    const table = await showData(chart);
    // throughput_llama70B_tp4 on 8×H100: 9.134678104490586 / 4 = 2.2837 req/s per GPU.
    expect(rowTexts(table)).toContain(
      'Llama 3 70B · TP4throughput_llama70B_tp48×H1002.28 req/s per GPUNightly · 8×H100',
    );
  });

  it('offers TTFT, ITL and achieved req/s but no TPOT or tok/s for the seed', async () => {
    await renderAllCharts();
    const chart = figure(/Serving/);
    const options = within(within(chart).getByLabelText('Metric'))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['TTFT', 'ITL', 'Achieved req/s']);
    expect(within(figure(/Throughput/)).queryByRole('radio', { name: 'tok/s' })).toBeNull();
  });

  it('marks where each GPU saturates in the serving data', async () => {
    await renderAllCharts();
    const table = await showData(figure(/Serving/));
    const saturating = rowTexts(table).filter((row) => row.includes('saturates here'));
    // Every model on each of the three GPUs all at once, the one load where median TTFT is more
    // than twice (and 50 ms above) its value at QPS 1, e.g. Llama 3.1 8B on 8×H100: 238.22 ms
    // against 17.07 ms.
    expect(saturating).toHaveLength(9);
    expect(saturating.filter((row) => row.startsWith('Llama 3.1 8B'))).toEqual([
      expect.stringContaining('8×A100-SXM4-80GBinf (all at once)'),
      expect.stringContaining('8×H100inf (all at once)'),
      expect.stringContaining('8×H200inf (all at once)'),
    ]);
  });

  it('gives H200 over H100 as 1.19× on serving_llama8B_tp1_sharegpt_qps_inf', async () => {
    await renderAllCharts();
    const chart = figure(/Speedup/);
    await userEvent.selectOptions(within(chart).getByLabelText('Reference GPU'), '8×H100');
    const table = await showData(chart);
    const row = rowTexts(table).find((text) =>
      text.includes('serving_llama8B_tp1_sharegpt_qps_inf'),
    );
    // 28.828767850421375 / 24.186907198204548 = 1.19; A100: 14.24299 / 24.18691 = 0.59.
    expect(row).toMatch(/24\.19 req\/s0\.59×1\.19×$/);
    expect(rowTexts(table).at(-1)).toBe('Geometric mean0.73×1.09×');
    expect(chart.textContent).toContain('8×H200 1.09× (faster, over 18 tests)');
  });
});
