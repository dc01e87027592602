/**
 * What the service worker keeps for offline use, and how it answers each request. Pure, so the
 * rules are tested without a browser; sw.ts applies them.
 */

/** The build's files the service worker stores on install, and a version that changes with them. */
export interface PrecacheManifest {
  readonly version: string;
  /** Paths relative to the site's root (the service worker's scope), e.g. `assets/index-abc.js`. */
  readonly files: readonly string[];
}

export type Strategy = 'cache-first' | 'network-first' | 'network-only';

/**
 * How to answer a request for `url` from a site whose root is `scope` (both absolute URLs):
 * - files with a content hash in their name (`assets/…`) never change: cache first;
 * - the page itself and the bundled data may be newer online: network first, cache when offline;
 * - anything else (another origin, a file the build does not ship): straight to the network,
 *   never stored, so a 100 MB file fetched by the page is not copied into the cache.
 */
export function strategyFor(
  url: string,
  scope: string,
  manifest: PrecacheManifest,
  method = 'GET',
): Strategy {
  if (method !== 'GET') return 'network-only';
  const path = relativePath(url, scope);
  if (path === null) return 'network-only';
  if (path === '' || path === 'index.html') return 'network-first';
  if (!manifest.files.includes(path)) return 'network-only';
  return path.startsWith('assets/') ? 'cache-first' : 'network-first';
}

/** `url` as a path inside `scope` without query or hash, or null when it is outside it. */
export function relativePath(url: string, scope: string): string | null {
  let target: URL;
  let root: URL;
  try {
    target = new URL(url);
    root = new URL(scope);
  } catch {
    return null;
  }
  if (target.origin !== root.origin || !target.pathname.startsWith(root.pathname)) return null;
  return decodeURIComponent(target.pathname.slice(root.pathname.length));
}

/** The cache name for a version: a new build gets a new cache, and old ones are deleted. */
export function cacheName(version: string): string {
  return `vllm-dashboard-${version}`;
}
