// Reading the dashboard in browser tests: what several test files look at the same way.
import type { Page } from 'playwright-core';

/** The bundled seed: 3 GPUs × 3 latency tests. */
export const SEED_LATENCY_ROWS = 9;

/** Body rows of the Latency table (aria-rowcount − 1, the header row); virtualized tables render only some. */
export async function latencyRows(page: Page): Promise<number> {
  const table = page.getByRole('table', { name: /^(?!.*(?:Throughput|Serving)).*Latency/s });
  return Number(await table.getAttribute('aria-rowcount')) - 1;
}
