// Serves the production build (`dist/`, or `$E2E_DIST_DIR`) under a sub-path for the browser tests
// and hands its URL to them: `inject('e2eBaseUrl')`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server';

/** The site is served from a sub-path on purpose: the build must not assume it lives at `/`. */
export const E2E_BASE_PATH = '/vllm-dashboard/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. `http://127.0.0.1:PORT/vllm-dashboard/` */
    e2eBaseUrl: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = path.resolve(repoRoot, process.env.E2E_DIST_DIR ?? 'dist');
  if (!existsSync(path.join(distDir, 'index.html'))) {
    const shown = path.relative(repoRoot, distDir) || '.';
    throw new Error(
      `Browser tests need a production build, but ${shown}/index.html does not exist: ` +
        'run npm run build first.',
    );
  }

  const server = await startStaticServer({ root: distDir, basePath: E2E_BASE_PATH });
  project.provide('e2eBaseUrl', server.baseUrl);
  console.log(`[e2e] serving ${path.relative(repoRoot, distDir) || '.'} at ${server.baseUrl}`);

  return async () => {
    await server.close();
  };
}
