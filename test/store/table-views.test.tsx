import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { selectResultsView, useDashboardStore } from '../../src/store/dashboard-store';
import { useTableViews } from '../../src/store/staggered-views';
import { seedCopies, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

/** Three tables, each printing how many results its view holds and how many are visible. */
function Tables() {
  const views = useTableViews(useDashboardStore(selectResultsView), 3);
  return views.map((view, i) => (
    <p key={i} data-testid={`table ${String(i)}`}>
      {`${String(view.index.results.length)}/${String(view.visibleCount)}`}
    </p>
  ));
}

const shown = () => [0, 1, 2].map((i) => screen.getByTestId(`table ${String(i)}`).textContent);

/** The H100 seed run again, as a dataset of its own: 18 more results. */
function oneMoreRun() {
  const run = seedDataset('H100');
  return { ...run, id: `${run.id}-again`, label: 'H100 again' };
}

beforeEach(() => {
  store().reset();
});

describe('the views the results tables draw', () => {
  it('over a small data set, new data reaches every table in one commit', () => {
    store().addDatasets([seedDataset('H100'), seedDataset('H200')]);
    render(<Tables />);
    expect(shown()).toEqual(['36/36', '36/36', '36/36']);
    act(() => {
      store().addDatasets([oneMoreRun()]);
    });
    expect(shown()).toEqual(['54/54', '54/54', '54/54']);
  });

  it('over 10,000 results, new data reaches the first table at once and the others after', async () => {
    // 3 × 18 × 186 = 10,044 results; the first mount draws them in every table at once.
    store().addDatasets(seedCopies(186));
    render(<Tables />);
    expect(shown()).toEqual(['10044/10044', '10044/10044', '10044/10044']);
    act(() => {
      store().addDatasets([oneMoreRun()]);
    });
    expect(shown()).toEqual(['10062/10062', '10044/10044', '10044/10044']);
    await waitFor(() => {
      expect(shown()).toEqual(['10062/10062', '10062/10062', '10062/10062']);
    });
  });

  it('over 10,000 results, a filter click reaches every table in one commit', async () => {
    store().addDatasets(seedCopies(186));
    render(<Tables />);
    act(() => {
      store().toggleHidden('gpu', '8×H200');
    });
    // 8×H200 is a third of the results: 6,696 stay visible, in every table at once.
    expect(shown()).toEqual(['10044/6696', '10044/6696', '10044/6696']);
    // And no later turn hands a table anything else.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown()).toEqual(['10044/6696', '10044/6696', '10044/6696']);
  });
});
