import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, storeThemePreference } from '../../../src/store/preferences-slice';

/** public/theme-boot.js, the classic script index.html runs before the first paint. */
const BOOT = readFileSync(resolve(import.meta.dirname, '../../../public/theme-boot.js'), 'utf8');

function boot(storage: Pick<Storage, 'getItem'>): void {
  runInNewContext(BOOT, { document, localStorage: storage });
}

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('the theme boot script', () => {
  it('applies the dark or light theme the switch remembered', () => {
    storeThemePreference('dark', localStorage);
    boot(localStorage);
    expect(document.documentElement.dataset.theme).toBe('dark');
    storeThemePreference('light', localStorage);
    boot(localStorage);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('leaves the system theme alone, and ignores values that are not themes', () => {
    boot(localStorage);
    expect(document.documentElement.dataset.theme).toBeUndefined();
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    boot(localStorage);
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('never throws when storage does', () => {
    expect(() => {
      boot({
        getItem: () => {
          throw new Error('denied');
        },
      });
    }).not.toThrow();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
