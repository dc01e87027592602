import { within } from '@testing-library/react';

/** A table's body rows (every row after the header) as their cells' text. */
export function bodyCells(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}
