import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegressionReport, RegressionRow } from '../../src/data/regression/report';
import { OverviewSection } from '../../src/features/overview/overview-section';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

beforeEach(() => {
  store().reset();
});

function region(): HTMLElement {
  return screen.getByRole('region', { name: 'Overview' });
}

function card(name: string): HTMLElement {
  return within(region()).getByRole('listitem', { name });
}

/** A card's numbers by their terms, e.g. `Median TTFT · QPS 1` → `15.78 ms`. */
function numbers(item: HTMLElement): Record<string, string | undefined> {
  const terms = within(item)
    .getAllByRole('term')
    .map((term) => term.textContent);
  const values = within(item)
    .getAllByRole('definition')
    .map((value) => value.textContent);
  return Object.fromEntries(terms.map((term, i) => [term, values[i]]));
}

describe('the overview', () => {
  it('shows a scorecard per model and GPU with the nightlies’ own numbers', () => {
    store().addDatasets([seedDataset('H100'), seedDataset('H200')]);
    render(<OverviewSection />);
    expect(within(region()).getAllByRole('listitem')).toHaveLength(6);
    expect(numbers(card('Llama 3.1 8B on 8×H200, TP 1'))).toEqual({
      Throughput: '25.67 req/s',
      'Peak serving · QPS inf': '28.83 req/s',
      'Median TTFT · QPS 1': '15.78 ms',
      'Median ITL · QPS 1': '6.44 ms',
      'Mean latency': '833.27 ms',
    });
    // Mixtral: 9.01 req/s on 8×H100 beats 8.65 on 8×H200 (TP 2 both: 4.51 per GPU).
    const mixtral = within(region()).getByRole('heading', { name: /Mixtral 8x7B/ });
    expect(mixtral).toHaveTextContent('best GPU: 8×H100 (4.51 req/s per GPU)');
    expect(card('Mixtral 8x7B on 8×H100, TP 2')).toHaveTextContent('best');
    expect(card('Mixtral 8x7B on 8×H200, TP 2')).not.toHaveTextContent('best');
  });

  it('follows the filters', () => {
    store().addDatasets([seedDataset('H100'), seedDataset('H200')]);
    render(<OverviewSection />);
    act(() => {
      store().toggleHidden('gpu', '8×H200');
    });
    expect(within(region()).getAllByRole('listitem')).toHaveLength(3);
    expect(within(region()).queryByText(/best GPU/)).toBeNull();
    act(() => {
      store().toggleHidden('qps', '1');
    });
    // Without QPS 1 the lowest load is QPS 4: 8×H100 Llama 3.1 8B median TTFT 15.92 ms.
    expect(numbers(card('Llama 3.1 8B on 8×H100, TP 1'))['Median TTFT · QPS 4']).toBe('15.92 ms');
  });

  it('links to every part of the page', () => {
    store().addDatasets([seedDataset('H100')]);
    render(<OverviewSection />);
    const nav = within(region()).getByRole('navigation', { name: 'Sections' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['#decisions', '#datasets', '#tables', '#charts', '#how-measured']);
  });

  it('says the latest night’s regressions when a report exists', () => {
    store().addDatasets([seedDataset('H100')]);
    render(<OverviewSection />);
    expect(within(region()).queryByText(/Latest night/)).toBeNull();
    const row = (
      firstChanged: string,
      kind: 'regression' | 'improvement',
      status: 'confirmed' | 'suspect',
      gpu: string,
    ) => ({ firstChanged, kind, status, gpu }) as RegressionRow;
    const report = {
      rows: [
        row('2026-09-20', 'regression', 'confirmed', '8×H200'),
        row('2026-09-20', 'regression', 'suspect', '8×H100'),
        row('2026-09-20', 'improvement', 'suspect', '8×H100'),
        row('2026-09-18', 'regression', 'confirmed', '8×A100'),
      ],
    } as unknown as RegressionReport;
    act(() => {
      store().setRegressionReport(report);
    });
    expect(within(region()).getByRole('link', { name: /Latest night/ })).toHaveTextContent(
      'Latest night 2026-09-20: 2 regressions (1 confirmed), 1 improvement on 8×H100, 8×H200.',
    );
    act(() => {
      store().setRegressionReport({ ...report, rows: [] });
    });
    expect(
      within(region()).getByText('No regressions flagged in the loaded history.'),
    ).toBeInTheDocument();
  });
});
