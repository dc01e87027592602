import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SortableHeader, type SortDirection } from '../../src/ui/sortable-header';

type HeaderProps = ComponentProps<typeof SortableHeader>;

function renderHeader(props: Partial<HeaderProps> = {}) {
  const onSort = vi.fn<NonNullable<HeaderProps['onSort']>>();
  render(
    <table>
      <thead>
        <tr>
          <SortableHeader
            sorted={false}
            onSort={onSort}
            title="Time to first token, mean over requests"
            sortHint="Time to first token. Click to sort."
            {...props}
          >
            Mean TTFT (ms)
          </SortableHeader>
        </tr>
      </thead>
    </table>,
  );
  const header = screen.getByRole('columnheader');
  const button = within(header).getByRole('button');
  const indicator = button.querySelector('.sort-indicator');
  return { onSort, header, button, indicator };
}

describe('a sortable column header', () => {
  it('unsorted: aria-sort none, no arrow, the button named by the column alone', () => {
    const { header, button, indicator } = renderHeader();
    expect(header).toHaveAttribute('aria-sort', 'none');
    expect(header).toHaveAttribute('scope', 'col');
    expect(header).toHaveAttribute('title', 'Time to first token, mean over requests');
    expect(button).toHaveAccessibleName('Mean TTFT (ms)');
    expect(button).toHaveAttribute('title', 'Time to first token. Click to sort.');
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveClass('sort-button');
    // The column's name comes first in the button: the tables read their headers so.
    expect(button.firstChild?.textContent).toBe('Mean TTFT (ms)');
    expect(indicator).toHaveAttribute('aria-hidden', 'true');
    expect(indicator?.textContent).toBe('');
  });

  it('ascending: aria-sort ascending, an up arrow, and "sorted ascending" read after the name', () => {
    const { header, button, indicator } = renderHeader({ sorted: 'asc' });
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(indicator?.textContent).toBe('▲');
    expect(button).toHaveAccessibleName('Mean TTFT (ms), sorted ascending');
  });

  it('descending: aria-sort descending, a down arrow, and "sorted descending" read after the name', () => {
    const { header, button, indicator } = renderHeader({ sorted: 'desc' });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(indicator?.textContent).toBe('▼');
    expect(button).toHaveAccessibleName('Mean TTFT (ms), sorted descending');
  });

  it('shows its place among several sort columns beside the arrow, only when sorted', () => {
    expect(renderHeader({ sorted: 'desc', position: 2 }).indicator?.textContent).toBe('▼2');
    cleanup();
    expect(renderHeader({ sorted: false, position: 2 }).indicator?.textContent).toBe('');
  });

  it('aligns a numeric column right (the numeric class) and others not', () => {
    expect(renderHeader({ numeric: true }).header).toHaveClass('numeric');
    cleanup();
    expect(renderHeader().header).not.toHaveClass('numeric');
  });

  it('asks the table to sort on a click, a shift-click, Enter and Space', async () => {
    const user = userEvent.setup();
    const { onSort, button } = renderHeader();
    await user.click(button);
    expect(onSort).toHaveBeenCalledTimes(1);
    expect(onSort.mock.calls[0]?.[0].shiftKey).toBe(false);

    await user.keyboard('{Shift>}');
    await user.click(button);
    await user.keyboard('{/Shift}');
    expect(onSort).toHaveBeenCalledTimes(2);
    expect(onSort.mock.calls[1]?.[0].shiftKey).toBe(true);

    button.focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onSort).toHaveBeenCalledTimes(4);
  });
});

/** A table that sorts as the result tables do: ascending, descending, then unsorted. */
function CyclingTable() {
  const [sorted, setSorted] = useState<SortDirection | false>(false);
  return (
    <table>
      <thead>
        <tr>
          <SortableHeader
            sorted={sorted}
            sortHint="Click to sort."
            onSort={() => {
              setSorted((now) => (now === false ? 'asc' : now === 'asc' ? 'desc' : false));
            }}
          >
            GPU
          </SortableHeader>
        </tr>
      </thead>
    </table>
  );
}

describe('a sortable column header in a table that sorts', () => {
  it('follows the table: none, ascending, descending, none again', async () => {
    const user = userEvent.setup();
    render(<CyclingTable />);
    const header = screen.getByRole('columnheader', { name: /^GPU/ });
    const seen = [header.getAttribute('aria-sort')];
    for (let click = 0; click < 3; click += 1) {
      await user.click(within(header).getByRole('button'));
      seen.push(header.getAttribute('aria-sort'));
    }
    expect(seen).toEqual(['none', 'ascending', 'descending', 'none']);
    expect(within(header).getByRole('button')).toHaveAccessibleName('GPU');
  });
});
