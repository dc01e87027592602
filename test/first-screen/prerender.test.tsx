import { render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  hasStyleAttribute,
  withFirstScreen,
  withoutTestHooks,
} from '../../scripts/first-screen-plugin';
import { App } from '../../src/app';
import { FIRST_SCREEN_CLASS } from '../../src/first-screen';
import { renderFirstScreen } from '../../src/prerender';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { readSiteFile } from '../helpers/seed';

const readBundled = (path: string): Promise<string> => Promise.resolve(readSiteFile(path));

async function builtMarkup(): Promise<string> {
  const built = await renderFirstScreen(readBundled);
  if (!built.ok) throw new Error(`no first screen: ${built.reason}`);
  return built.markup;
}

/** The markup as a document fragment, to read it as the browser will. */
function parse(markup: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content;
}

function table(root: ParentNode, title: string): HTMLTableElement {
  const found = [...root.querySelectorAll('table')].find((el) =>
    el.querySelector('caption')?.textContent.startsWith(`${title} results`),
  );
  if (found === undefined) throw new Error(`no ${title} table`);
  return found;
}

function rowTexts(el: HTMLTableElement): string[] {
  return [...(el.tBodies[0]?.rows ?? [])].map((row) =>
    [...row.cells].map((cell) => cell.textContent).join(' | '),
  );
}

beforeEach(() => {
  useDashboardStore.getState().reset();
});

describe('the first screen, rendered at build time', () => {
  it('shows every bundled result in the three tables and the charts as their fallback', async () => {
    const root = parse(await builtMarkup());
    // 3 models × 3 GPUs; serving adds QPS 1, 4, 16 and inf.
    expect(rowTexts(table(root, 'Latency'))).toHaveLength(9);
    expect(rowTexts(table(root, 'Throughput'))).toHaveLength(9);
    expect(rowTexts(table(root, 'Serving'))).toHaveLength(36);
    // public/data/nightly-8xH100.json: latency_llama8B_tp1, mean 1046.9095… ms, median 1046.82…,
    // p99 1048.30….
    expect(rowTexts(table(root, 'Latency'))).toContain(
      'Llama 3.1 8Blatency_llama8B_tp1 | 1 | 8×H100 | Nightly · 8×H100 | 1,046.91 | 1,046.82 | 1,048.30',
    );
    expect(root.querySelector('.content-placeholder')).toBeNull();
    expect(root.textContent).toContain('Loading charts…');
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(0);
  });

  it('has no style attribute, which the site\u2019s style-src policy would refuse', async () => {
    const markup = await builtMarkup();
    expect(hasStyleAttribute(markup)).toBe(false);
    expect(parse(markup).querySelectorAll('[style]')).toHaveLength(0);
  });

  it('reads the same as the app\u2019s first render with the runs in', async () => {
    const built = parse(await builtMarkup());
    const { container } = render(<App />);
    expect(container.textContent).toBe(built.textContent);
    for (const title of ['Latency', 'Throughput', 'Serving']) {
      expect(rowTexts(table(container, title))).toEqual(rowTexts(table(built, title)));
    }
  });
});

describe('hasStyleAttribute', () => {
  it('finds style attributes in tags, not the word in text', () => {
    expect(hasStyleAttribute('<tr class="spacer" style="height:90px"><td></td></tr>')).toBe(true);
    expect(hasStyleAttribute('<div\nstyle="color:red">')).toBe(true);
    expect(hasStyleAttribute('<p>a style="x" in words</p>')).toBe(false);
    expect(hasStyleAttribute('<p data-style="x">style</p>')).toBe(false);
  });
});

describe('withFirstScreen', () => {
  it('puts the markup, inert, in #root, the first paint script last in <head>, and preloads the files', () => {
    const page = [
      '<head>',
      '    <script  src="./first-paint.js"></script>',
      '    <link rel="preload" href="./data/manifest.json" as="fetch" crossorigin="anonymous" />',
      '    <link rel="stylesheet" href="./assets/index.css">',
      '  </head>',
      '  <body>',
      '    <div id="root"></div>',
      '  </body>',
    ].join('\n');
    expect(withFirstScreen(page, '<p>8×H100</p>', ['data/nightly-8xH100.json'])).toBe(
      [
        '<head>',
        '    ',
        '    <link rel="preload" href="./data/manifest.json" as="fetch" crossorigin="anonymous" />',
        '    <link rel="preload" href="./data/nightly-8xH100.json" as="fetch" crossorigin="anonymous" />',
        '    <link rel="stylesheet" href="./assets/index.css">',
        '    <script  src="./first-paint.js"></script>',
        '  </head>',
        '  <body>',
        `    <div id="root"><div class="${FIRST_SCREEN_CLASS}" inert aria-hidden="true"><p>8×H100</p></div></div>`,
        '  </body>',
      ].join('\n'),
    );
    expect(() => withFirstScreen('<div id="app"></div>', '<p></p>')).toThrow(/no <div id="root">/);
    expect(() => withFirstScreen('<div id="root"></div></head>', '<p></p>')).toThrow(
      /first-paint\.js/,
    );
    expect(() =>
      withFirstScreen('<script src="./first-paint.js"></script><div id="root"></div>', '<p></p>'),
    ).toThrow(/preload of the manifest/);
  });
});

describe('withoutTestHooks', () => {
  it('drops test ids and row indices, and only them (React writes quotes in text as &quot;)', () => {
    expect(
      withoutTestHooks(
        '<tr aria-rowindex="2" aria-selected="false"><td>aria-rowindex=&quot;2&quot;</td></tr>',
      ),
    ).toBe('<tr aria-selected="false"><td>aria-rowindex=&quot;2&quot;</td></tr>');
    expect(
      withoutTestHooks(
        '<input type="file" class="visually-hidden" data-testid="load-results-input" data-shortcut="open-file"/><p>a data-testid=&quot;x&quot;</p>',
      ),
    ).toBe(
      '<input type="file" class="visually-hidden" data-shortcut="open-file"/><p>a data-testid=&quot;x&quot;</p>',
    );
  });
});
