import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResultsView } from '../../src/data/results/results-view';
import type { Steps } from '../../src/data/results/steps';
import { useSteppedValue } from '../../src/store/stepped-value';
import { STAGGER_FROM_RESULTS } from '../../src/store/staggered-views';

/** A view of `count` results: all the hook and the derivations below read of it. */
function viewOf(count: number): ResultsView {
  return { index: { results: { length: count } } } as unknown as ResultsView;
}

/** What a derivation saw and did: the views and keys it was made for, and its steps run. */
interface Log {
  made: string[];
  steps: number;
}

/** A derivation of `pauses` steps: the view's size and the key. */
function derivation(log: Log, pauses: number) {
  return function* make(view: ResultsView, key: string): Steps<string> {
    log.made.push(`${String(view.index.results.length)} ${key}`);
    for (let i = 0; i < pauses; i += 1) {
      log.steps += 1;
      yield;
    }
    return `${String(view.index.results.length)} results, ${key}`;
  };
}

function Shown({
  view,
  shownKey,
  make,
}: {
  readonly view: ResultsView;
  readonly shownKey: string;
  readonly make: (view: ResultsView, key: string) => Steps<string>;
}) {
  const value = useSteppedValue(view, shownKey, make);
  return <p>{value ?? 'not made yet'}</p>;
}

const LARGE = STAGGER_FROM_RESULTS;

describe('a value made in steps', () => {
  it('is made in the render over a small view', () => {
    const log: Log = { made: [], steps: 0 };
    const make = derivation(log, 3);
    render(<Shown view={viewOf(LARGE - 1)} shownKey="mean" make={make} />);
    expect(screen.getByText('9999 results, mean')).toBeInTheDocument();
    expect(log.steps).toBe(3);
  });

  it('is made after the render over a large view, nothing shown until it is', async () => {
    const log: Log = { made: [], steps: 0 };
    const make = derivation(log, 3);
    render(<Shown view={viewOf(LARGE)} shownKey="mean" make={make} />);
    expect(screen.getByText('not made yet')).toBeInTheDocument();
    expect(await screen.findByText('10000 results, mean')).toBeInTheDocument();
    // Made once, all its steps run.
    expect(log.made).toEqual(['10000 mean']);
    expect(log.steps).toBe(3);
  });

  it('keeps the value it made while the next one is made, for a new key or view', async () => {
    const log: Log = { made: [], steps: 0 };
    const make = derivation(log, 2);
    const { rerender } = render(<Shown view={viewOf(LARGE)} shownKey="mean" make={make} />);
    await screen.findByText('10000 results, mean');
    rerender(<Shown view={viewOf(LARGE)} shownKey="p99" make={make} />);
    expect(screen.getByText('10000 results, mean')).toBeInTheDocument();
    await screen.findByText('10000 results, p99');
    rerender(<Shown view={viewOf(LARGE + 5)} shownKey="p99" make={make} />);
    expect(screen.getByText('10000 results, p99')).toBeInTheDocument();
    await screen.findByText('10005 results, p99');
    expect(log.made).toEqual(['10000 mean', '10000 p99', '10005 p99']);
  });

  it('keeps a value made in the render while a large view’s is made', async () => {
    const log: Log = { made: [], steps: 0 };
    const make = derivation(log, 2);
    const { rerender } = render(<Shown view={viewOf(10)} shownKey="mean" make={make} />);
    rerender(<Shown view={viewOf(LARGE)} shownKey="mean" make={make} />);
    expect(screen.getByText('10 results, mean')).toBeInTheDocument();
    await screen.findByText('10000 results, mean');
  });

  it('begins its steps in a task after the commit, not in the commit’s effects', async () => {
    const log: Log = { made: [], steps: 0 };
    render(<Shown view={viewOf(LARGE)} shownKey="mean" make={derivation(log, 2)} />);
    // Rendered and its effects run: not a step yet.
    expect(log.steps).toBe(0);
    await screen.findByText('10000 results, mean');
    expect(log.steps).toBe(2);
  });

  it('stops making a value nobody shows any more', async () => {
    const log: Log = { made: [], steps: 0 };
    // Far more steps than one task runs: the rest would follow in later tasks.
    const make = derivation(log, 1_000_000);
    const { unmount } = render(<Shown view={viewOf(LARGE)} shownKey="mean" make={make} />);
    await waitFor(() => {
      expect(log.steps).toBeGreaterThan(0);
    });
    act(() => {
      unmount();
    });
    const stepsAtUnmount = log.steps;
    expect(stepsAtUnmount).toBeGreaterThan(0);
    expect(stepsAtUnmount).toBeLessThan(1_000_000);
    // Some tasks later, no step more was run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await waitFor(() => {
      expect(log.steps).toBe(stepsAtUnmount);
    });
  });
});
