// Accessibility of the production build in Chromium: axe-core's WCAG 2.1 A/AA rules in light and
// dark colour schemes and after using the filters and sorting, plus the page's landmarks by name:
// one h1, the filter groups and the three tables.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';
import type { WatchedPage } from '../harness/page.ts';

type ColorScheme = 'light' | 'dark';
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);
const FILTER_GROUPS = ['Model', 'GPU', 'QPS', 'TP', 'Dataset'] as const;
const TABLES = ['Latency', 'Throughput', 'Serving'] as const;

const chromium = sharedBrowser();

/**
 * Opens the dashboard in the given colour scheme and waits until the seed fills the tables.
 * The scheme is emulated on the watched page itself, so every problem is still recorded.
 */
async function openDashboard(colorScheme: ColorScheme): Promise<WatchedPage> {
  const watched = await openPage(chromium(), inject('e2eBaseUrl'));
  await watched.page.emulateMedia({ colorScheme });
  await watched.page.goto(watched.baseUrl, { waitUntil: 'load' });
  // The app's tables: the first screen the page opens with is hidden from assistive technology
  // until the app has replaced it.
  await expect
    .poll(() =>
      watched.page
        .getByRole('table', { name: /results/ })
        .locator('tbody tr[aria-rowindex]')
        .count(),
    )
    .toBe(9 + 9 + 36);
  return watched;
}

async function withDashboard(
  colorScheme: ColorScheme,
  body: (page: Page) => Promise<void>,
): Promise<void> {
  const watched = await openDashboard(colorScheme);
  try {
    await body(watched.page);
    await watched.page.waitForLoadState('networkidle');
    expectNoPageProblems(watched);
  } finally {
    await watched.close();
  }
}

function describeViolation(violation: AxeViolation): string {
  const targets = violation.nodes.map((node) => `      ${node.target.join(' ')}`).join('\n');
  return (
    `  - ${violation.id} [${violation.impact ?? 'no impact'}] ${violation.help} ` +
    `(${violation.nodes.length} node${violation.nodes.length === 1 ? '' : 's'})\n${targets}`
  );
}

/** Runs axe; logs every violation, fails on serious or critical ones with a readable list. */
async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length > 0) {
    console.log(
      `[axe] ${state}: ${results.violations.length} violation(s)\n` +
        results.violations.map(describeViolation).join('\n'),
    );
  }
  const blocking = results.violations.filter((violation) =>
    BLOCKING_IMPACTS.has(violation.impact ?? ''),
  );
  expect(
    blocking.length,
    `axe found serious or critical violations (${state}):\n` +
      blocking.map(describeViolation).join('\n'),
  ).toBe(0);
  // A sanity check that axe looked at the page at all.
  expect(results.passes.length, 'axe rules that passed').toBeGreaterThan(10);
}

interface LowContrast {
  text: string;
  where: string;
  color: string;
  background: string;
  ratio: number;
  required: number;
}

/**
 * WCAG contrast of every visible piece of text against the backgrounds behind it (its ancestors'
 * colours, blended). axe leaves most table cells unchecked ("partially obscured" inside the
 * scroll containers), so this looks at every text node itself. Disabled controls are exempt.
 */
async function lowContrastTexts(page: Page): Promise<LowContrast[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba | null => {
      const rgb = /^rgba?\(([^)]+)\)$/.exec(css);
      if (rgb?.[1] !== undefined) {
        const [r = 0, g = 0, b = 0, a = 1] = rgb[1]
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        return [r, g, b, a];
      }
      const srgb = /^color\(srgb ([^)]+)\)$/.exec(css);
      if (srgb?.[1] !== undefined) {
        const [r = 0, g = 0, b = 0, a = 1] = srgb[1]
          .split(/[\s/]+/)
          .filter(Boolean)
          .map(Number);
        return [r * 255, g * 255, b * 255, a];
      }
      return null;
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [
        top[0] * a + bottom[0] * (1 - a),
        top[1] * a + bottom[1] * (1 - a),
        top[2] * a + bottom[2] * (1 - a),
        1,
      ];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const channel = (value: number): number => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a: Rgba, b: Rgba): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (let node: Element | null = el; node && parts.length < 3; node = node.parentElement) {
        const cls = node.getAttribute('class');
        parts.unshift(
          `${node.tagName.toLowerCase()}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}`,
        );
      }
      return parts.join(' > ');
    };
    const backgroundOf = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color && color[3] > 0) layers.push(color);
        if (color && color[3] >= 1) break;
      }
      let result: Rgba = [255, 255, 255, 1]; // the canvas
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const found: {
      text: string;
      where: string;
      color: string;
      background: string;
      ratio: number;
      required: number;
    }[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!el || text === '' || seen.has(el)) continue;
      seen.add(el);
      if (el.closest(':disabled, script, style, option')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // visually hidden
      const style = getComputedStyle(el);
      const color = parse(style.color);
      if (!color) continue;
      let opacity = 1;
      for (let up: Element | null = el; up; up = up.parentElement) {
        opacity *= Number(getComputedStyle(up).opacity);
      }
      const background = backgroundOf(el);
      const shown = over([color[0], color[1], color[2], color[3] * opacity], background);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const required = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const value = ratio(shown, background);
      if (value < required) {
        found.push({
          text: text.slice(0, 40),
          where: describe(el),
          color: style.color,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
          ratio: Math.round(value * 100) / 100,
          required,
        });
      }
    }
    return found;
  });
}

describe('axe (WCAG 2.1 A and AA)', () => {
  it('finds nothing serious on the loaded page in the light colour scheme', async () => {
    await withDashboard('light', async (page) => {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        false,
      );
      await expectNoSeriousViolations(page, 'light, loaded');
      await screenshot(page, 'a11y-light');
    });
  });

  it('finds nothing serious on the loaded page in the dark colour scheme', async () => {
    await withDashboard('dark', async (page) => {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        true,
      );
      // The page really is dark: its background is darker than its text.
      const [background, text] = await page.evaluate(() => {
        const luminance = (color: string): number => {
          const [r = 0, g = 0, b = 0] = (color.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const style = getComputedStyle(document.body);
        return [luminance(style.backgroundColor), luminance(style.color)];
      });
      expect(background).toBeLessThan(text);
      await expectNoSeriousViolations(page, 'dark, loaded');
      await screenshot(page, 'a11y-dark');
    });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds nothing serious after hiding a GPU and sorting (${colorScheme})`, async () => {
      await withDashboard(colorScheme, async (page) => {
        await page
          .getByRole('group', { name: 'GPU', exact: true })
          .getByRole('checkbox', { name: /^8×H200/ })
          .uncheck();
        await expect.poll(() => page.locator('table tbody tr[aria-rowindex]').count()).toBe(36);
        const th = page
          .getByRole('table', { name: /Serving/ })
          .getByRole('columnheader', { name: /^Mean TTFT \(ms\)/ });
        await th.getByRole('button').click();
        await expect.poll(() => th.getAttribute('aria-sort')).toBe('ascending');
        // The Serving table's Columns menu open, so its checkboxes are checked too.
        await page
          .getByRole('region', { name: 'Serving', exact: true })
          .getByText('Columns', { exact: true })
          .click();
        await page.getByRole('group', { name: 'Serving columns' }).waitFor();
        await expectNoSeriousViolations(page, `${colorScheme}, GPU hidden and sorted`);
        await screenshot(page, `a11y-filtered-sorted-${colorScheme}`);
      });
    });
  }

  it('finds nothing serious in the empty state', async () => {
    await withDashboard('light', async (page) => {
      await page.getByRole('searchbox', { name: 'Search test names' }).fill('no-such-test');
      await page
        .getByRole('status')
        .filter({ hasText: /no results match/i })
        .waitFor();
      await expectNoSeriousViolations(page, 'light, nothing matches');
    });
  });
});

describe('text contrast, checked by hand', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps every visible text at 4.5:1 (3:1 when large) in ${colorScheme}`, async () => {
      await withDashboard(colorScheme, async (page) => {
        const low = await lowContrastTexts(page);
        expect(
          low,
          low
            .map(
              (item) =>
                `  - "${item.text}" (${item.where}): ${item.ratio}:1 < ${item.required}:1, ` +
                `${item.color} on ${item.background}`,
            )
            .join('\n'),
        ).toEqual([]);
      });
    });
  }
});

describe('names a screen reader relies on', () => {
  it('has exactly one h1, a named group per filter and tables named by their captions', async () => {
    await withDashboard('light', async (page) => {
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('vLLM');

      for (const name of FILTER_GROUPS) {
        const group = page.getByRole('group', { name, exact: true });
        expect(await group.count(), `groups named ${name}`).toBe(1);
        expect(await group.getByRole('checkbox').count(), `${name} checkboxes`).toBeGreaterThan(0);
      }

      // Every table on the page is named (by a caption, or a heading it points to); the results
      // tables' captions start with their kind (others may mention one: `Throughput at
      // interactivity`).
      const unnamed = 'table:not(:has(> caption)):not([aria-labelledby]):not([aria-label])';
      expect(await page.locator(unnamed).count()).toBe(0);
      const captions = page.locator('table.results-table > caption');
      expect(await captions.count()).toBe(TABLES.length);
      for (const name of TABLES) {
        const caption = captions.filter({ hasText: new RegExp(`^\\s*${name}\\b`) });
        expect(await caption.count(), `captions starting with ${name}`).toBe(1);
        const text = (await caption.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
        expect(text).toContain(name);
        // The table's accessible name is its caption, word for word.
        const named = page.getByRole('table', { name: text, exact: true });
        expect(await named.count(), `tables named "${text}"`).toBe(1);
        expect(await named.locator('caption').textContent()).toBe(await caption.textContent());
      }
    });
  });
});
