import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/error-boundary';
import { retryingLazy } from '../../src/ui/retrying-lazy';

let broken = true;

function Chart() {
  if (broken) throw new Error('Invalid array length');
  return <p>Chart drawn</p>;
}

describe('a view that crashes', () => {
  it('shows what failed inside that view, leaves the rest working, and can try again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <p>Latency table</p>
        <ErrorBoundary what="The charts">
          <Chart />
        </ErrorBoundary>
      </>,
    );
    const alert = screen.getByRole('alert', { name: 'The charts failed' });
    expect(alert).toHaveTextContent('The charts could not be shown.');
    expect(alert).toHaveTextContent('The error was: Invalid array length');
    expect(screen.getByText('Latency table')).toBeInTheDocument();

    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Chart drawn')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    error.mockRestore();
  });
});

describe('a lazily loaded view whose code failed to download', () => {
  it('loads its code again on Try again, and shows once it arrives', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let downloads = 0;
    const drawn = { default: () => <p>Charts drawn</p> };
    const view = retryingLazy(() => {
      downloads += 1;
      return downloads === 1
        ? Promise.reject<typeof drawn>(new Error('Failed to fetch dynamically imported module'))
        : Promise.resolve(drawn);
    });
    const Charts = view.Component;
    render(
      <ErrorBoundary what="The charts" onRetry={view.retry}>
        <Suspense fallback={<p>Loading the charts…</p>}>
          <Charts />
        </Suspense>
      </ErrorBoundary>,
    );
    const alert = await screen.findByRole('alert', { name: 'The charts failed' });
    expect(alert).toHaveTextContent('Failed to fetch dynamically imported module');
    expect(downloads).toBe(1);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Charts drawn')).toBeInTheDocument();
    expect(downloads).toBe(2);
    expect(screen.queryByRole('alert')).toBeNull();
    error.mockRestore();
  });
});
