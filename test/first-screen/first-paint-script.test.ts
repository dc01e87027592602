import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { URL_KEYS } from '../../src/data/url-schema';
import { FIRST_SCREEN_CLASS, showsFirstScreen } from '../../src/first-screen';
import { THEME_STORAGE_KEY, storeThemePreference } from '../../src/store/preferences-slice';

/** public/first-paint.js, the classic script that ends index.html's <head>. */
const SCRIPT = readFileSync(resolve(import.meta.dirname, '../../public/first-paint.js'), 'utf8');

/** Runs the script as <head> does, before the body is parsed. */
function boot(search = '', storage: Pick<Storage, 'getItem'> = localStorage): void {
  document.body.innerHTML = '<div id="root"></div>';
  runInNewContext(SCRIPT, {
    document,
    localStorage: storage,
    location: { search },
    URLSearchParams,
    MutationObserver,
  });
}

const THEME_SWITCH = ['system', 'light', 'dark']
  .map(
    (value) =>
      `<label><input type="radio" name="theme" value="${value}"${value === 'system' ? ' checked' : ''}>${value}</label>`,
  )
  .join('');

/** The parser inserting the built first screen into #root; resolves once observers have run. */
async function parseFirstScreen(): Promise<HTMLElement> {
  const root = document.getElementById('root');
  if (root === null) throw new Error('no #root');
  root.innerHTML =
    `<div class="${FIRST_SCREEN_CLASS}" inert><fieldset class="theme-switch">${THEME_SWITCH}</fieldset>` +
    '<table><caption>Latency results</caption><tbody><tr><td>8×H100</td></tr></tbody></table></div>';
  await Promise.resolve();
  return root;
}

function ticked(root: HTMLElement): string | undefined {
  return root.querySelector<HTMLInputElement>('.theme-switch input:checked')?.value;
}

afterEach(() => {
  localStorage.clear();
  document.body.innerHTML = '';
  delete document.documentElement.dataset.theme;
});

describe('the first paint script: the theme', () => {
  it('applies the dark or light theme the switch remembered', () => {
    storeThemePreference('dark', localStorage);
    boot();
    expect(document.documentElement.dataset.theme).toBe('dark');
    storeThemePreference('light', localStorage);
    boot();
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('leaves the system theme alone, and ignores values that are not themes', () => {
    boot();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    boot();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('never throws when storage does', () => {
    expect(() => {
      boot('', {
        getItem: () => {
          throw new Error('denied');
        },
      });
    }).not.toThrow();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe('the first paint script: the first screen', () => {
  it('keeps it as built for a link with no view of its own', async () => {
    boot();
    const root = await parseFirstScreen();
    expect(showsFirstScreen(root)).toBe(true);
    expect(ticked(root)).toBe('system');
    expect(root.querySelector('caption')?.textContent).toBe('Latency results');
  });

  it('keeps it for parameters the dashboard does not read', async () => {
    boot('?utm_source=chat&ref=x');
    expect(showsFirstScreen(await parseFirstScreen())).toBe(true);
  });

  // Every key a link carries may change the first screen: filters, search, sorting, columns and
  // the comparison all come from src/data/url-schema.ts.
  it.each(URL_KEYS)('removes it as it is parsed when the link sets %s', async (key) => {
    boot(`?${new URLSearchParams({ [key]: 'x' }).toString()}`);
    const root = await parseFirstScreen();
    expect(root.childNodes).toHaveLength(0);
    expect(showsFirstScreen(root)).toBe(false);
  });

  it('ticks a remembered theme in its theme switch as it is parsed', async () => {
    for (const theme of ['dark', 'light'] as const) {
      storeThemePreference(theme, localStorage);
      boot();
      const root = await parseFirstScreen();
      expect(ticked(root)).toBe(theme);
      expect(showsFirstScreen(root)).toBe(true);
    }
  });
});
