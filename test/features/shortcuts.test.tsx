import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeyboardShortcuts } from '../../src/features/shortcuts/keyboard-shortcuts';
import { SHORTCUTS, shortcutFor, type KeyPress } from '../../src/features/shortcuts/shortcuts';
import { useDashboardStore } from '../../src/store/dashboard-store';

function press(key: string, target: EventTarget | null, modifiers: Partial<KeyPress> = {}) {
  return shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...modifiers });
}

describe('which key presses are shortcuts', () => {
  it('maps single keys to actions, case-insensitively', () => {
    expect(press('o', document.body)?.action).toBe('open-file');
    expect(press('O', document.body)?.action).toBe('open-file');
    expect(press('/', document.body)?.action).toBe('focus-search');
    expect(press('r', document.body)?.action).toBe('reset-filters');
    expect(press('c', document.body)?.action).toBe('compare');
    expect(press('?', document.body)?.action).toBe('help');
    expect(press('x', document.body)).toBeNull();
    expect(press('Enter', document.body)).toBeNull();
  });

  it('leaves keys with Ctrl, Cmd or Alt to the browser', () => {
    expect(press('o', document.body, { ctrlKey: true })).toBeNull();
    expect(press('r', document.body, { metaKey: true })).toBeNull();
    expect(press('c', document.body, { altKey: true })).toBeNull();
  });

  it('never fires while typing, but does on checkboxes and buttons', () => {
    const text = document.createElement('input');
    const search = Object.assign(document.createElement('input'), { type: 'search' });
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const area = document.createElement('textarea');
    const select = document.createElement('select');
    const button = document.createElement('button');
    expect(press('r', text)).toBeNull();
    expect(press('/', search)).toBeNull();
    expect(press('r', area)).toBeNull();
    expect(press('r', select)).toBeNull();
    expect(press('r', checkbox)?.action).toBe('reset-filters');
    expect(press('r', button)?.action).toBe('reset-filters');
  });

  it('lists one shortcut per key', () => {
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.key)).size).toBe(SHORTCUTS.length);
  });
});

describe('the shortcuts in the page', () => {
  beforeEach(() => {
    useDashboardStore.getState().reset();
  });

  it('resets the filters with R and focuses the element that declares a shortcut', async () => {
    const user = userEvent.setup();
    render(
      <>
        <input type="search" aria-label="Search test names" data-shortcut="focus-search" />
        <button type="button" data-shortcut="compare" onClick={() => (document.title = 'compared')}>
          Compare
        </button>
        <KeyboardShortcuts />
      </>,
    );
    useDashboardStore.getState().toggleHidden('gpu', '8×H100');
    expect(useDashboardStore.getState().view.hidden.gpu).toEqual(['8×H100']);
    await user.keyboard('r');
    expect(useDashboardStore.getState().view.hidden.gpu).toEqual([]);

    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search test names' });
    expect(search).toHaveFocus();
    // The slash opened the search; it was not typed into it.
    expect(search).toHaveValue('');
    // Typing in the search box is typing, not shortcuts.
    await user.keyboard('rc');
    expect(search).toHaveValue('rc');

    search.blur();
    await user.keyboard('c');
    expect(document.title).toBe('compared');
  });

  it('lists every shortcut in a dialog named Keyboard shortcuts', async () => {
    const user = userEvent.setup();
    render(<KeyboardShortcuts />);
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts', hidden: true });
    const rows = [...dialog.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows).toEqual([
      'OOpen results files',
      '/Search test names',
      'RReset filters',
      'COpen or close Compare',
      '?Show these shortcuts',
    ]);
  });
});
