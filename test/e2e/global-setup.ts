// Serves the production build (`dist/`, or `$E2E_DIST_DIR`) under a sub-path for the browser tests
// and hands its URL to them: `inject('e2eBaseUrl')`.
import type { TestProject } from 'vitest/node';
import { SITE_BASE_PATH, distDirOf, requireBuild, shownPath } from '../harness/site.ts';
import { startStaticServer } from '../harness/static-server.ts';

/** The build the browser tests drive. */
export const E2E_DIST_DIR = distDirOf(process.env.E2E_DIST_DIR);

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. `http://127.0.0.1:PORT/vllm-dashboard/` */
    e2eBaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireBuild(E2E_DIST_DIR, 'browser tests need a production build: run npm run build first');
  const server = await startStaticServer({ root: E2E_DIST_DIR, basePath: SITE_BASE_PATH });
  project.provide('e2eBaseUrl', server.baseUrl);
  console.log(`[e2e] serving ${shownPath(E2E_DIST_DIR)} at ${server.baseUrl}`);

  return async () => {
    await server.close();
  };
}
