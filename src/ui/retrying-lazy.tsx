import { lazy, type ComponentType } from 'react';

/** A lazily loaded view that can be asked to load again after its code failed to arrive. */
export interface RetryingLazy<P extends object> {
  readonly Component: ComponentType<P>;
  /**
   * After a failed load: the next render imports the code again (the browser fetches a module
   * that failed to download again; `React.lazy` alone would keep the failure). For an error
   * boundary's `Try again`.
   */
  readonly retry: () => void;
}

/**
 * `React.lazy`, with a way to try again: a part of the site that failed to download (a network
 * blip, a deploy caught half-way) can load on the next try instead of needing a reload.
 */
export function retryingLazy<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): RetryingLazy<P> {
  const state = { failed: false, current: lazy(() => attempt()) };
  function attempt(): Promise<{ default: ComponentType<P> }> {
    return load().catch((error: unknown) => {
      state.failed = true;
      throw error;
    });
  }
  function Component(props: P) {
    const Current = state.current;
    return <Current {...props} />;
  }
  return {
    Component,
    retry: () => {
      if (!state.failed) return;
      state.failed = false;
      state.current = lazy(() => attempt());
    },
  };
}
