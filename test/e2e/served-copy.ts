// A copy of the build with other datasets, served for one describe block: started before its
// tests, stopped and removed after them.
import { afterAll, beforeAll } from 'vitest';
import { serveSiteCopy } from '../harness/site.ts';
import type { ServedCopy, SiteDataset } from '../harness/site.ts';
import type { StaticServer } from '../harness/static-server.ts';
import { E2E_DIST_DIR } from './global-setup.ts';

/** Registers the start and the stop; returns the server, or throws if it did not start. */
export function servedCopy(datasets: () => readonly SiteDataset[]): () => StaticServer {
  let copy: ServedCopy | undefined;
  beforeAll(async () => {
    copy = await serveSiteCopy(E2E_DIST_DIR, datasets());
  });
  afterAll(async () => {
    await copy?.close();
  });
  return () => {
    if (!copy) throw new Error('the site copy did not start (see the beforeAll error)');
    return copy.server;
  };
}
