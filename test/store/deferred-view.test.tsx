import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ResultsView } from '../../src/data/results/results-view';
import { selectResultsView, useDashboardStore } from '../../src/store/dashboard-store';
import {
  DEFERRED_SECTIONS,
  DeferredViews,
  withDeferredView,
  type WithView,
} from '../../src/store/deferred-view';
import { seedCopies, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

beforeEach(() => {
  store().reset();
  store().addDatasets([seedDataset('H100'), seedDataset('H200')]);
});

describe('a section drawn from the deferred view', () => {
  it('runs once per new view, not again with the old one when a filter changes', () => {
    const seen: ResultsView[] = [];
    const Section = withDeferredView(function Section({
      view,
      label,
    }: WithView<{ label: string }>) {
      seen.push(view);
      return <p>{`${label}: ${String(view.visibleCount)}`}</p>;
    }, 'overview');
    const { container } = render(<Section label="shown" />);
    const before = selectResultsView(store());
    expect(seen).toEqual([before]);
    act(() => {
      store().toggleHidden('gpu', '8×H200');
    });
    const after = selectResultsView(store());
    expect(after).not.toBe(before);
    // The urgent render handed the old view to the section, which `memo` skipped: one more run.
    expect(seen).toEqual([before, after]);
    expect(container.textContent).toBe(`shown: ${String(after.visibleCount)}`);
    expect(after.visibleCount).toBe(before.visibleCount / 2);
  });

  it('runs again when its own props change', () => {
    const labels: string[] = [];
    const Section = withDeferredView(function Section({ label }: WithView<{ label: string }>) {
      labels.push(label);
      return null;
    }, 'decisions');
    const { rerender } = render(<Section label="a" />);
    rerender(<Section label="a" />);
    rerender(<Section label="b" />);
    expect(labels).toEqual(['a', 'b']);
  });
});

/** Each section prints its name and the visible count of the view it was handed, and logs it. */
const drawn: string[] = [];
const SECTIONS = DEFERRED_SECTIONS.map((name) =>
  withDeferredView(function Section({ view }: WithView<object>) {
    drawn.push(`${name} ${String(view.visibleCount)}`);
    return <p data-testid={name}>{String(view.visibleCount)}</p>;
  }, name),
);

function renderSections() {
  return render(
    <DeferredViews>
      {SECTIONS.map((Section, i) => (
        <Section key={i} />
      ))}
    </DeferredViews>,
  );
}

const shown = (name: string) => screen.queryByTestId(name)?.textContent ?? null;

describe('sections below DeferredViews', () => {
  it('take a new view together over a small data set', () => {
    renderSections();
    // Two seed runs of 18 results each.
    expect(DEFERRED_SECTIONS.map(shown)).toEqual(['36', '36', '36', '36']);
    act(() => {
      store().toggleHidden('gpu', '8×H200');
    });
    expect(DEFERRED_SECTIONS.map(shown)).toEqual(['18', '18', '18', '18']);
  });

  it('take it one after another, in page order, over 10,000 results', async () => {
    // 3 × 18 × 186 = 10,044 results.
    store().reset();
    store().addDatasets(seedCopies(186));
    renderSections();
    // The first mount over a large set: the overview at once, the others after it.
    expect(DEFERRED_SECTIONS.map(shown)).toEqual(['10044', null, null, null]);
    await waitFor(() => {
      expect(DEFERRED_SECTIONS.map(shown)).toEqual(['10044', '10044', '10044', '10044']);
    });
    drawn.length = 0;
    act(() => {
      store().toggleHidden('gpu', '8×H200');
    });
    // 8×H200 is a third of the results: 6,696 stay. Every section keeps the old view while what
    // they share (the serving configurations) is made in short tasks; then each takes its turn.
    expect(DEFERRED_SECTIONS.map(shown)).toEqual(['10044', '10044', '10044', '10044']);
    await waitFor(() => {
      expect(shown('overview')).toBe('6696');
    });
    await waitFor(() => {
      expect(shown('history')).toBe('6696');
    });
    expect(DEFERRED_SECTIONS.map(shown)).toEqual(['6696', '6696', '6696', '6696']);
    // Each drew once more, in page order.
    expect(drawn).toEqual(DEFERRED_SECTIONS.map((name) => `${name} 6696`));
  });
});
