import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const PLACEHOLDER = '__PRECACHE_MANIFEST__';

/** Every file under `dir`, as paths relative to it with `/` separators. */
function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? filesUnder(full).map((inner) => `${name}/${inner}`)
      : [name];
  });
}

function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Builds `src/service-worker/sw.ts` as `sw.js` at the site's root (its scope is the whole site,
 * under whatever sub-path it is served from), with the list of files to keep for offline use: the
 * page, every emitted script, style and worker (source maps excepted), and the public files (the
 * bundled data). The version is a hash of that list, so every build gets a fresh cache.
 */
export function serviceWorkerPlugin(options: { entry: string; publicDir: string }): Plugin {
  return {
    name: 'dashboard-service-worker',
    apply: 'build',
    config() {
      return {
        build: {
          rolldownOptions: {
            input: { index: 'index.html', sw: options.entry },
            output: {
              entryFileNames: (chunk) =>
                chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js',
            },
          },
        },
      };
    },
    generateBundle(_, bundle) {
      const sw = bundle['sw.js'];
      if (sw?.type !== 'chunk') throw new Error('the service worker chunk was not built');
      if (sw.imports.length > 0) {
        throw new Error(`sw.js must not import other chunks: ${sw.imports.join(', ')}`);
      }
      const files = [
        ...Object.keys(bundle).filter((name) => name !== 'sw.js' && !name.endsWith('.map')),
        ...filesUnder(options.publicDir),
      ].sort();
      const manifest = { version: hashOf(files.join('\n')), files };
      if (!sw.code.includes(PLACEHOLDER)) throw new Error('sw.js lost its precache placeholder');
      sw.code = sw.code.replaceAll(PLACEHOLDER, JSON.stringify(manifest));
    },
  };
}
