import type { ThemePreference } from '../../store/preferences-slice';

/**
 * Shows the theme: sets `data-theme` on <html> (which styles.css reads), or removes it to follow
 * the system. The choice itself is the store's (preferences-slice.ts).
 */
export function applyThemePreference(
  preference: ThemePreference,
  root: HTMLElement = document.documentElement,
): void {
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
}
