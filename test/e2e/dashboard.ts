// Reading the dashboard in browser tests: what several test files look at the same way.
import type { Locator, Page } from 'playwright-core';

export type TableName = 'Latency' | 'Throughput' | 'Serving';

/**
 * One of the results tables, by the kind its caption starts with (`Throughput results · …`):
 * other tables may name a kind too (`Throughput at interactivity`, a serving caption that
 * mentions latency), so the caption's start is what tells them apart.
 */
export function resultsTable(scope: Page | Locator, name: TableName): Locator {
  return scope.getByRole('table', { name: new RegExp(`^${name} results`) });
}

/** The bundled seed: 3 GPUs × 3 latency tests. */
export const SEED_LATENCY_ROWS = 9;

/** Body rows of the Latency table (aria-rowcount − 1, the header row); virtualized tables render only some. */
export async function latencyRows(page: Page): Promise<number> {
  const table = resultsTable(page, 'Latency');
  return Number(await table.getAttribute('aria-rowcount')) - 1;
}
