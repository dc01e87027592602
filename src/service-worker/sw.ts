// The service worker: after the first visit the dashboard opens offline, with its bundled data.
// Built by the service-worker plugin (scripts/service-worker-plugin.ts) as `sw.js` at the site's
// root, with the build's file list in place of __PRECACHE_MANIFEST__.
import { cacheName, strategyFor, type PrecacheManifest } from './precache';

declare const __PRECACHE_MANIFEST__: PrecacheManifest;

// The few service-worker types used here (the DOM library does not describe this scope).
interface ExtendableEvent extends Event {
  waitUntil: (promise: Promise<unknown>) => void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith: (response: Promise<Response>) => void;
}
interface ServiceWorkerScope {
  readonly registration: { readonly scope: string };
  skipWaiting: () => Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const scope = self as unknown as ServiceWorkerScope;
const manifest = __PRECACHE_MANIFEST__;
const CACHE = cacheName(manifest.version);
const root = scope.registration.scope;

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(['./', ...manifest.files].map((file) => new URL(file, root).href)),
      )
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('vllm-dashboard-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      ),
  );
});

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

async function networkFirst(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      void caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached !== undefined) return cached;
    throw error;
  }
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const strategy = strategyFor(request.url, root, manifest, request.method);
  if (strategy === 'cache-first') event.respondWith(cacheFirst(request));
  else if (strategy === 'network-first') event.respondWith(networkFirst(request));
});
