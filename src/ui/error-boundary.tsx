import { Component, type ReactNode } from 'react';
import './error-boundary.css';

interface ErrorBoundaryProps {
  /** What the guarded part of the page is, for the message ("The charts"). */
  readonly what: string;
  /** Called before `Try again` renders the view anew (a lazy view loads its code again). */
  readonly onRetry?: () => void;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return 'an unexpected error';
}

/**
 * Keeps a crash in one view (a chart given impossible data, a part of the site that failed to
 * download) inside that view: it says what failed, in words and with the error, and offers to try
 * again; everything else on the page keeps working.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(messageOf(error)) };
  }

  private readonly retry = (): void => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <section className="view-error" role="alert" aria-label={`${this.props.what} failed`}>
        <p>
          <strong>{this.props.what} could not be shown.</strong> The rest of the dashboard still
          works. The error was: <code>{messageOf(error)}</code>
        </p>
        <p className="view-error-hint">
          Try again; if it happens again, reset the filters or remove the dataset loaded last.
        </p>
        <button type="button" onClick={this.retry}>
          Try again
        </button>
      </section>
    );
  }
}
