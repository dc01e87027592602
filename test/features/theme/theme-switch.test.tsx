import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyThemePreference } from '../../../src/features/theme/theme-preference';
import { ThemeSwitch } from '../../../src/features/theme/theme-switch';
import { useDashboardStore } from '../../../src/store/dashboard-store';
import {
  THEME_STORAGE_KEY,
  readThemePreference,
  storeThemePreference,
} from '../../../src/store/preferences-slice';

/** A Storage whose every call throws, as in some private browsing modes. */
const brokenStorage = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('denied');
  },
  removeItem: () => {
    throw new Error('denied');
  },
} as unknown as Storage;

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
  useDashboardStore.getState().reset();
});

afterEach(() => {
  delete document.documentElement.dataset.theme;
});

describe('theme preference', () => {
  it('follows the system until something else is chosen', () => {
    expect(readThemePreference(localStorage)).toBe('system');
  });

  it('remembers dark and forgets the choice when set back to system', () => {
    storeThemePreference('dark', localStorage);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(readThemePreference(localStorage)).toBe('dark');
    storeThemePreference('system', localStorage);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('ignores a stored value that is not a theme', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    expect(readThemePreference(localStorage)).toBe('system');
  });

  it('never throws when storage does', () => {
    expect(readThemePreference(brokenStorage)).toBe('system');
    expect(() => {
      storeThemePreference('dark', brokenStorage);
    }).not.toThrow();
  });

  it('sets data-theme on <html> for light and dark and removes it for system', () => {
    applyThemePreference('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyThemePreference('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    applyThemePreference('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe('theme switch', () => {
  it('is a group named Theme with System, Light and Dark, System first chosen', () => {
    render(<ThemeSwitch />);
    const group = screen.getByRole('group', { name: 'Theme' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([
      'System',
      'Light',
      'Dark',
    ]);
    expect(within(group).getByRole('radio', { name: 'System' })).toBeChecked();
  });

  it('applies and remembers Dark, and starts with it next time', async () => {
    const { unmount } = render(<ThemeSwitch />);
    await userEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    unmount();
    delete document.documentElement.dataset.theme;
    render(<ThemeSwitch />);
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});
