import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/features/resilience/error-boundary';

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
