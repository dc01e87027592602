import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataRow } from '../../src/ui/data-table';

const rows: DataRow[] = ['a', 'b', 'c'].map((name, i) => ({
  key: name,
  cells: [name, { text: String(i + 1), best: i === 2 }],
}));
const columns = [{ header: 'Test' }, { header: 'Value', numeric: true }];

function bodyRows(): string[] {
  const [, body] = screen.getAllByRole('rowgroup');
  if (body === undefined) throw new Error('no table body');
  return within(body)
    .getAllByRole('row')
    .map((row) => row.textContent);
}

describe('a data table', () => {
  it('draws every row when there are no more than its limit', () => {
    render(<DataTable caption="Values" columns={columns} rows={rows} limit={3} />);
    expect(bodyRows()).toEqual(['a1', 'b2', 'c3best']);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('draws the first rows up to its limit, and all of them after Show all', async () => {
    render(<DataTable caption="Values" columns={columns} rows={rows} limit={2} />);
    expect(bodyRows()).toEqual(['a1', 'b2']);
    expect(screen.getByText(/The first 2 of 3 rows/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show all 3 rows' }));
    expect(bodyRows()).toEqual(['a1', 'b2', 'c3best']);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText(/The first/)).toBeNull();
  });

  it('has no limit unless given one', () => {
    render(<DataTable caption="Values" columns={columns} rows={rows} />);
    expect(bodyRows()).toHaveLength(3);
  });
});
