import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/error-boundary';
import {
  failedModuleUrl,
  retryUrl,
  retryingLazy,
  type RetryingLazy,
} from '../../src/ui/retrying-lazy';

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

/** A lazily loaded charts view in its error boundary, as the page places one. */
function renderCharts(view: RetryingLazy<object>): void {
  const Charts = view.Component;
  render(
    <ErrorBoundary what="The charts" onRetry={view.retry}>
      <Suspense fallback={<p>Loading the charts…</p>}>
        <Charts />
      </Suspense>
    </ErrorBoundary>,
  );
}

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
    renderCharts(view);
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

describe('a lazily loaded view whose code fails again on Try again', () => {
  it('loads the page again on the next Try again: a failed shared chunk stays failed until then', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let downloads = 0;
    let reloads = 0;
    const view = retryingLazy(
      () => {
        downloads += 1;
        return Promise.reject<{ default: () => null }>(
          new Error('Failed to fetch dynamically imported module'),
        );
      },
      () => {
        reloads += 1;
      },
    );
    renderCharts(view);
    await screen.findByRole('alert', { name: 'The charts failed' });
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('alert', { name: 'The charts failed' });
    // The first Try again imported the code again, and it failed again: no reload yet.
    expect(downloads).toBe(2);
    expect(reloads).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reloads).toBe(1);
    expect(downloads).toBe(2);
    error.mockRestore();
  });
});

describe('the module a failed download names', () => {
  it('is read from the browser’s message, on this site only, and asked for again under another URL', () => {
    const own = `${location.origin}/vllm-dashboard/assets/charts-section-3f2a.js`;
    expect(
      failedModuleUrl(new TypeError(`Failed to fetch dynamically imported module: ${own}`)),
    ).toBe(own);
    // Another site's module is never imported again; a message without a URL names none.
    expect(
      failedModuleUrl(
        new Error('Failed to fetch dynamically imported module: https://cdn.example/x.js'),
      ),
    ).toBeNull();
    expect(failedModuleUrl(new Error('Invalid array length'))).toBeNull();
    expect(failedModuleUrl('error loading module')).toBeNull();
    expect(retryUrl(own, 2)).toBe(`${own}?retry=2`);
    expect(retryUrl(`${own}?retry=1`, 2)).toBe(`${own}?retry=2`);
  });
});
