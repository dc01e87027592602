import type { StateCreator } from 'zustand';
import type { DashboardStore } from './dashboard-store';

/**
 * The colour theme a person chose: follow the system, or always light or dark. It is remembered
 * in localStorage; storage may be unavailable (private modes, blocked cookies), and then the
 * choice lasts for the page only. public/first-paint.js reads the same key before the first paint.
 */
export type ThemePreference = 'system' | 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

export const THEME_STORAGE_KEY = 'vllm-dashboard.theme';

function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

/** The page's localStorage, or null where it is unavailable (private modes, blocked cookies). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The remembered choice; `system` when there is none, it is unreadable or storage throws. */
export function readThemePreference(storage: Storage | null = browserStorage()): ThemePreference {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY);
    return isThemePreference(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Remembers the choice; `system` forgets it. Never throws. */
export function storeThemePreference(
  preference: ThemePreference,
  storage: Storage | null = browserStorage(),
): void {
  try {
    if (preference === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Full or blocked storage: the theme still applies, it is just not remembered.
  }
}

/** What a person chose for this browser, remembered across visits. */
export interface PreferencesSlice {
  readonly theme: ThemePreference;
  /** Chooses and remembers a theme (the theme switch shows it). */
  setTheme: (theme: ThemePreference) => void;
}

/** The preferences as remembered now (read again by each reset). */
export function initialPreferences(): Pick<PreferencesSlice, 'theme'> {
  return { theme: readThemePreference() };
}

export const createPreferencesSlice: StateCreator<DashboardStore, [], [], PreferencesSlice> = (
  set,
) => ({
  ...initialPreferences(),
  setTheme: (theme) => {
    storeThemePreference(theme);
    set({ theme });
  },
});
