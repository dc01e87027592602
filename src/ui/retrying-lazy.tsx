import { lazy, type ComponentType } from 'react';

/** A lazily loaded view that can be asked to load again after its code failed to arrive. */
export interface RetryingLazy<P extends object> {
  readonly Component: ComponentType<P>;
  /**
   * After a failed load: the next render imports the code again (`React.lazy` alone would keep
   * the failure). For an error boundary's `Try again`. When importing it again failed too, the
   * page is loaded again instead (see `retryingLazy`).
   */
  readonly retry: () => void;
}

const MODULE_URL = /\bhttps?:\/\/[^\s'"]+?\.m?js\b/;

/**
 * The module a failed dynamic import names (`Failed to fetch dynamically imported module:
 * http://…/assets/charts-section-3f2a.js`), or null. Browsers remember a module that failed to
 * download under its URL, so importing the same URL again fails again without asking the network:
 * a retry must ask for it under another URL.
 */
export function failedModuleUrl(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const match = MODULE_URL.exec(message);
  if (match === null) return null;
  try {
    const url = new URL(match[0]);
    // Only this site's own code is ever imported again.
    return url.origin === globalThis.location.origin ? url.href : null;
  } catch {
    return null;
  }
}

/** The same module under a URL the browser has not seen fail: `…/charts-section-3f2a.js?retry=2`. */
export function retryUrl(href: string, attempt: number): string {
  const url = new URL(href);
  url.searchParams.set('retry', String(attempt));
  return url.href;
}

/**
 * `React.lazy`, with a way to try again: a part of the site that failed to download (a network
 * blip, a deploy caught half-way) can load on the next try instead of needing a reload.
 *
 * The retry asks for the failed module under a new URL. That cannot mend a failed chunk the
 * module imports (shared code, which the browser names no more than the module itself): under
 * any URL, the module asks for that chunk under its one URL, and the browser fails it again
 * from memory. So when a retry failed too, the next one loads the page again, which forgets
 * every failure; the data, the filters and the view come back from storage and the address.
 */
export function retryingLazy<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  reloadPage: () => void = () => {
    globalThis.location.reload();
  },
): RetryingLazy<P> {
  const state = {
    failed: false,
    tries: 0,
    /** The module that failed to download, when the error named it. */
    failedUrl: null as string | null,
    current: lazy(() => attempt(load)),
  };
  function attempt(
    loader: () => Promise<{ default: ComponentType<P> }>,
  ): Promise<{ default: ComponentType<P> }> {
    return loader().catch((error: unknown) => {
      state.failed = true;
      state.failedUrl ??= failedModuleUrl(error);
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
      if (state.tries > 0) {
        reloadPage();
        return;
      }
      state.failed = false;
      state.tries += 1;
      const href = state.failedUrl;
      const again =
        href === null
          ? load
          : () =>
              import(/* @vite-ignore */ retryUrl(href, state.tries)) as Promise<{
                default: ComponentType<P>;
              }>;
      state.current = lazy(() => attempt(again));
    },
  };
}
