import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ResultsView } from '../../src/data/results/results-view';
import { selectResultsView, useDashboardStore } from '../../src/store/dashboard-store';
import { withDeferredView, type WithView } from '../../src/store/deferred-view';
import { seedDataset } from '../helpers/seed';

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
    });
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
    });
    const { rerender } = render(<Section label="a" />);
    rerender(<Section label="a" />);
    rerender(<Section label="b" />);
    expect(labels).toEqual(['a', 'b']);
  });
});
