import { useId, useLayoutEffect, useState } from 'react';
import {
  applyThemePreference,
  readThemePreference,
  storeThemePreference,
  THEME_PREFERENCES,
  type ThemePreference,
} from './theme-preference';
import './theme-switch.css';

const LABELS: Readonly<Record<ThemePreference, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** System / Light / Dark as a radio group named Theme; the choice is applied and remembered. */
export function ThemeSwitch() {
  const [preference, setPreference] = useState<ThemePreference>(() => readThemePreference());
  const name = useId();

  // Before paint, so a remembered dark theme never flashes light after the first render.
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
              setPreference(option);
              storeThemePreference(option);
            }}
          />
          <span>{LABELS[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
