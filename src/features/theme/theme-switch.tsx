import { useId, useLayoutEffect } from 'react';
import { useDashboardStore } from '../../store/dashboard-store';
import { THEME_PREFERENCES, type ThemePreference } from '../../store/preferences-slice';
import { applyThemePreference } from './theme-preference';
import './theme-switch.css';

const LABELS: Readonly<Record<ThemePreference, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** System / Light / Dark as a radio group named Theme; the choice is applied and remembered. */
export function ThemeSwitch() {
  const preference = useDashboardStore((state) => state.theme);
  const setTheme = useDashboardStore((state) => state.setTheme);
  const name = useId();

  // Before paint; public/first-paint.js already applied the remembered theme before the first one.
  useLayoutEffect(() => {
    applyThemePreference(preference);
  }, [preference]);

  return (
    <fieldset className="theme-switch">
      <legend>Theme</legend>
      {THEME_PREFERENCES.map((option) => (
        <label key={option} className="theme-option">
          <input
            type="radio"
            name={name}
            value={option}
            checked={preference === option}
            onChange={() => {
              setTheme(option);
            }}
          />
          <span>{LABELS[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
