/**
 * The colour theme a person chose: follow the system, or always light or dark. The choice is the
 * `data-theme` attribute on <html> (absent = system), which styles.css reads, and is remembered in
 * localStorage. Storage may be unavailable (private modes, blocked cookies): then the choice lasts
 * for the page only.
 */
export type ThemePreference = 'system' | 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

export const THEME_STORAGE_KEY = 'vllm-dashboard.theme';

function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

function browserStorage(): Storage | null {
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

/** Shows the theme: sets `data-theme` on <html>, or removes it to follow the system. */
export function applyThemePreference(
  preference: ThemePreference,
  root: HTMLElement = document.documentElement,
): void {
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
}
