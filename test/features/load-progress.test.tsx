import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadProgressList, PROGRESS_DELAY_MS } from '../../src/features/status/load-progress';
import { useDashboardStore } from '../../src/store/dashboard-store';

const cancelLoad = vi.hoisted(() => vi.fn());
vi.mock('../../src/store/load-files', () => ({ cancelLoad }));

const MB = 1024 * 1024;
const store = () => useDashboardStore.getState();

beforeEach(() => {
  store().reset();
  cancelLoad.mockClear();
});

describe('progress of a load in the parsing worker', () => {
  it('appears only after half a second, with how far reading got and Cancel', async () => {
    // The clock is the test's: no real time passes, so the half second is exact.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      store().startLoad({
        id: 7,
        names: 'nightly-100MB.md',
        stage: 'reading',
        doneBytes: 25 * MB,
        totalBytes: 100 * MB,
        startedAt: performance.now(),
      });
      render(<LoadProgressList />);
      expect(PROGRESS_DELAY_MS).toBe(500);
      // A load that ends sooner never shows: nothing yet, and still nothing at 499 ms.
      expect(screen.queryByRole('region', { name: 'Loading files' })).toBeNull();
      act(() => {
        vi.advanceTimersByTime(499);
      });
      expect(screen.queryByRole('region', { name: 'Loading files' })).toBeNull();
      act(() => {
        vi.advanceTimersByTime(1);
      });
      expect(screen.getByRole('region', { name: 'Loading files' })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAccessibleName('Reading nightly-100MB.md: 25 of 100 MB');
    expect(bar).toHaveAttribute('value', String(25 * MB));
    expect(bar).toHaveAttribute('max', String(100 * MB));

    await userEvent.click(screen.getByRole('button', { name: 'Cancel loading nightly-100MB.md' }));
    expect(cancelLoad).toHaveBeenCalledWith(7);
  });

  it('appears even when its timer fires a fraction of a millisecond early', () => {
    // Browsers run setTimeout with whole milliseconds and coarsen performance.now(), so the
    // timer set for 499.7 ms may run when the clock reads 499.6 ms after the start. The clock
    // here is the test's own: it reads the start, then 0.4 ms short of the half second.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1000.3);
    try {
      store().startLoad({
        id: 9,
        names: 'early.json',
        stage: 'reading',
        doneBytes: 0,
        totalBytes: 2 * MB,
        startedAt: 1000.3,
      });
      render(<LoadProgressList />);
      clock.mockReturnValue(1000.3 + PROGRESS_DELAY_MS - 0.4);
      act(() => {
        vi.advanceTimersByTime(PROGRESS_DELAY_MS);
      });
      expect(screen.getByRole('region', { name: 'Loading files' })).toBeInTheDocument();
    } finally {
      clock.mockRestore();
      vi.useRealTimers();
    }
  });

  it('says what it is doing once the file is read, and goes when the load ends', async () => {
    store().startLoad({
      id: 8,
      names: 'a.json',
      stage: 'reading',
      doneBytes: 0,
      totalBytes: 3 * MB,
      startedAt: performance.now() - 2 * PROGRESS_DELAY_MS,
    });
    const { rerender } = render(<LoadProgressList />);
    store().updateLoad(8, { stage: 'parsing', doneBytes: 3 * MB });
    rerender(<LoadProgressList />);
    expect(await screen.findByText('Parsing a.json…')).toBeInTheDocument();
    // Parsing has no byte count: the bar is indeterminate.
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('value');
    store().updateLoad(8, { stage: 'adding' });
    expect(await screen.findByText('Adding the results of a.json…')).toBeInTheDocument();
    store().endLoad(8);
    await vi.waitFor(() => {
      expect(screen.queryByRole('region', { name: 'Loading files' })).toBeNull();
    });
  });
});
