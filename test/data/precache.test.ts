import { describe, expect, it } from 'vitest';
import {
  cacheName,
  relativePath,
  strategyFor,
  type PrecacheManifest,
} from '../../src/service-worker/precache';

const SCOPE = 'https://example.org/vllm-dashboard/';
const MANIFEST: PrecacheManifest = {
  version: 'abc123',
  files: ['assets/index-1a2b.js', 'assets/index-3c4d.css', 'data/manifest.json', 'index.html'],
};

describe('how the service worker answers', () => {
  it('serves hashed build files from the cache first: they never change', () => {
    expect(strategyFor(`${SCOPE}assets/index-1a2b.js`, SCOPE, MANIFEST)).toBe('cache-first');
    expect(strategyFor(`${SCOPE}assets/index-3c4d.css?v=2`, SCOPE, MANIFEST)).toBe('cache-first');
  });

  it('tries the network first for the page and the bundled data, which may be newer', () => {
    expect(strategyFor(SCOPE, SCOPE, MANIFEST)).toBe('network-first');
    expect(strategyFor(`${SCOPE}index.html`, SCOPE, MANIFEST)).toBe('network-first');
    expect(strategyFor(`${SCOPE}?hide.gpu=8%C3%97H100`, SCOPE, MANIFEST)).toBe('network-first');
    expect(strategyFor(`${SCOPE}data/manifest.json`, SCOPE, MANIFEST)).toBe('network-first');
  });

  it('leaves alone what the build does not ship, other origins, other paths and writes', () => {
    expect(strategyFor(`${SCOPE}bench-files/big.md`, SCOPE, MANIFEST)).toBe('network-only');
    expect(strategyFor('https://cdn.example.com/x.js', SCOPE, MANIFEST)).toBe('network-only');
    expect(strategyFor('https://example.org/other/assets/index-1a2b.js', SCOPE, MANIFEST)).toBe(
      'network-only',
    );
    expect(strategyFor(`${SCOPE}assets/index-1a2b.js`, SCOPE, MANIFEST, 'POST')).toBe(
      'network-only',
    );
    expect(strategyFor('not a url', SCOPE, MANIFEST)).toBe('network-only');
  });

  it('reads paths inside the scope, decoded, without query or hash', () => {
    expect(relativePath(`${SCOPE}data/nightly-8xH100.json?x=1#y`, SCOPE)).toBe(
      'data/nightly-8xH100.json',
    );
    expect(relativePath(`${SCOPE}data/a%20b.json`, SCOPE)).toBe('data/a b.json');
    expect(relativePath('https://example.org/elsewhere', SCOPE)).toBeNull();
  });

  it('names one cache per build', () => {
    expect(cacheName('abc123')).toBe('vllm-dashboard-abc123');
  });
});
