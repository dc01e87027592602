import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { URL_KEYS } from '../../src/data/url-schema';
import { FIRST_SCREEN_CLASS, showsFirstScreen } from '../../src/first-screen';

/** public/first-screen.js, the classic script right after index.html's #root and its template. */
const SCRIPT = readFileSync(resolve(import.meta.dirname, '../../public/first-screen.js'), 'utf8');

const THEME_SWITCH = ['system', 'light', 'dark']
  .map(
    (value) =>
      `<label><input type="radio" name="theme" value="${value}"${value === 'system' ? ' checked' : ''}></label>`,
  )
  .join('');

/** A page as the build writes it: an empty #root, then the first screen's template. */
function page(template = true): void {
  document.body.innerHTML =
    '<div id="root"></div>' +
    (template
      ? `<template id="first-screen"><div class="${FIRST_SCREEN_CLASS}" inert>` +
        `<fieldset class="theme-switch">${THEME_SWITCH}</fieldset>` +
        '<table><caption>Latency results</caption><tbody><tr><td>8×H100</td></tr></tbody></table>' +
        '</div></template>'
      : '');
}

function run(search = ''): HTMLElement {
  runInNewContext(SCRIPT, { document, location: { search }, URLSearchParams });
  const root = document.getElementById('root');
  if (root === null) throw new Error('no #root');
  return root;
}

function checkedTheme(root: HTMLElement): string | undefined {
  return root.querySelector<HTMLInputElement>('.theme-switch input:checked')?.value;
}

afterEach(() => {
  document.body.innerHTML = '';
  delete document.documentElement.dataset.theme;
});

describe('the first screen script', () => {
  it('puts the first screen in #root for a link with no view of its own, and drops the template', () => {
    page();
    const root = run();
    expect(showsFirstScreen(root)).toBe(true);
    expect(root.querySelector('caption')?.textContent).toBe('Latency results');
    expect(root.querySelector(`.${FIRST_SCREEN_CLASS}`)?.hasAttribute('inert')).toBe(true);
    expect(document.getElementById('first-screen')).toBeNull();
  });

  it('shows it for parameters the dashboard does not read', () => {
    page();
    expect(showsFirstScreen(run('?utm_source=chat&ref=x'))).toBe(true);
  });

  // Every key a link carries may change the first screen: filters, search, sorting, columns and
  // the comparison all come from src/data/url-schema.ts.
  it.each(URL_KEYS)('leaves #root empty when the link sets %s', (key) => {
    page();
    const root = run(`?${new URLSearchParams({ [key]: 'x' }).toString()}`);
    expect(root.childNodes).toHaveLength(0);
    expect(showsFirstScreen(root)).toBe(false);
    expect(document.getElementById('first-screen')).toBeNull();
  });

  it('ticks the theme public/theme-boot.js applied, or leaves System ticked', () => {
    page();
    expect(checkedTheme(run())).toBe('system');
    for (const theme of ['dark', 'light']) {
      page();
      document.documentElement.dataset.theme = theme;
      expect(checkedTheme(run())).toBe(theme);
    }
  });

  it('does nothing without a template (the dev server) or when #root has content', () => {
    page(false);
    expect(run().childNodes).toHaveLength(0);
    page();
    document.getElementById('root')?.append('rendered');
    expect(run().textContent).toBe('rendered');
  });
});
