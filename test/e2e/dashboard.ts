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

/** A results table as a person reads it: its headers and the body rows it renders. */
export interface TableSnapshot {
  /** Column headers as a person reads them, without the sort indicator or the "sorted" note. */
  headers: string[];
  /** Each rendered body row's cells, whitespace collapsed. */
  rows: string[][];
}

export async function readTable(scope: Page | Locator, name: TableName): Promise<TableSnapshot> {
  return resultsTable(scope, name).evaluate((element) => {
    const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();
    const visibleText = (node: Node): string => {
      if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      return Array.from(node.childNodes, visibleText).join('');
    };
    const headers = Array.from(element.querySelectorAll('thead th'), (th) =>
      norm(visibleText(th)).replace(/,\s*sorted (?:ascending|descending)$/, ''),
    );
    const rows = Array.from(element.querySelectorAll('tbody tr[aria-rowindex]'), (row) =>
      Array.from((row as HTMLTableRowElement).cells, (cell) => norm(cell.innerText)),
    );
    return { headers, rows };
  });
}
