// The dashboard from a 375 px phone to a 2560 px screen, in Chromium against the production build:
// the page never scrolls sideways, the filters become a drawer below 900 px, tables scroll in their
// own box with the Model column pinned, and charts fit the width they are given.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';
import type { WatchedPage } from '../harness/page.ts';
import { servedCopy } from './served-copy.ts';
import { servingFile } from '../harness/fixtures/serving-file.ts';

interface Viewport {
  readonly width: number;
  readonly height: number;
}

const PHONE: Viewport = { width: 375, height: 812 };
const VIEWPORTS: readonly Viewport[] = [
  PHONE,
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 2560, height: 1440 },
];

/** Body rows of the bundled seed over the three tables: 3 GPUs × (3 + 3 + 12). */
const SEED_ROWS = 54;
/** Charts the bundled seed draws: latency, throughput, serving and trade-off (3 panels each). */
const MIN_CHART_SVGS = 8;

const chromium = sharedBrowser();

/** Opens the dashboard at a viewport size and waits for the seed's rows and its charts. */
async function openDashboard(
  viewport: Viewport,
  options: { colorScheme?: 'light' | 'dark'; baseUrl?: string; rows?: number | null } = {},
): Promise<WatchedPage> {
  const watched = await openPage(chromium(), options.baseUrl ?? inject('e2eBaseUrl'), {
    viewport,
  });
  await watched.page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  await watched.page.goto(watched.baseUrl, { waitUntil: 'load' });
  const rows = options.rows === undefined ? SEED_ROWS : options.rows;
  if (rows !== null) {
    await expect
      .poll(() => watched.page.locator('table tbody tr[aria-rowindex]').count())
      .toBe(rows);
  }
  return watched;
}

async function withDashboard(
  viewport: Viewport,
  body: (page: Page) => Promise<void>,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<void> {
  const watched = await openDashboard(viewport, { colorScheme });
  try {
    await body(watched.page);
    await watched.page.waitForLoadState('networkidle');
    expectNoPageProblems(watched);
  } finally {
    await watched.close();
  }
}

async function waitForCharts(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Charts', level: 2 }).waitFor();
  await expect
    .poll(() => page.locator('.chart-figure svg').count(), {
      message: 'chart SVGs drawn',
    })
    .toBeGreaterThanOrEqual(MIN_CHART_SVGS);
}

interface PageWidths {
  viewport: number;
  scrollWidth: number;
  /** Elements (outside scroll boxes) that reach past the right edge of the viewport. */
  sticking: string[];
}

async function pageWidths(page: Page): Promise<PageWidths> {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const clipped = (element: Element): boolean => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        const { overflowX } = getComputedStyle(up);
        if (overflowX !== 'visible') return true;
      }
      return false;
    };
    const sticking: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= viewport + 0.5 || clipped(element)) continue;
      const name = element.getAttribute('class') ?? '';
      sticking.push(`${element.tagName.toLowerCase()}.${name} right ${Math.round(box.right)}`);
    }
    return { viewport, scrollWidth: document.documentElement.scrollWidth, sticking };
  });
}

/** The left edge (px, in the viewport) of an element. */
async function leftOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().left);
}

function filtersToggle(page: Page): Locator {
  return page.getByRole('button', { name: /^Filters\b/ });
}

function latencyTable(page: Page): Locator {
  return page.getByRole('table', { name: /^Latency results/ });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

describe('no horizontal page overflow', () => {
  for (const viewport of VIEWPORTS) {
    it(`fits ${viewport.width}×${viewport.height}, charts included`, async () => {
      await withDashboard(viewport, async (page) => {
        await waitForCharts(page);
        const widths = await pageWidths(page);
        expect(widths.sticking, 'elements past the right edge').toEqual([]);
        expect(widths.scrollWidth, 'document scrollWidth').toBeLessThanOrEqual(widths.viewport);

        // Every chart fits the viewport; a chart wider than its box scrolls inside it.
        const charts = await page
          .locator('.chart-figure svg')
          .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
        expect(charts.length).toBeGreaterThanOrEqual(MIN_CHART_SVGS);
        for (const width of charts) expect(width).toBeLessThanOrEqual(viewport.width);

        // Below 900 px the filters are a closed drawer, from 900 px up the sidebar.
        const filters = page.locator('aside.filter-bar');
        if (viewport.width < 900) {
          await expect.poll(() => filtersToggle(page).isVisible()).toBe(true);
          expect(await filters.isVisible()).toBe(false);
        } else {
          expect(await filtersToggle(page).count()).toBe(0);
          expect(await page.getByRole('complementary', { name: 'Filters' }).isVisible()).toBe(true);
        }
        if (viewport.width >= 1920) {
          // Very wide screens: the page stops growing and sits in the middle.
          const app = await page.locator('.app').boundingBox();
          expect(app?.width).toBeLessThanOrEqual(1920);
          expect(Math.abs((app?.x ?? 0) * 2 + (app?.width ?? 0) - viewport.width)).toBeLessThan(2);
        }
        await screenshot(page, `responsive-${viewport.width}-light`);
      });
    });
  }

  it('fits 375×812 in the dark colour scheme too', async () => {
    await withDashboard(
      PHONE,
      async (page) => {
        await waitForCharts(page);
        const widths = await pageWidths(page);
        expect(widths.sticking, 'elements past the right edge').toEqual([]);
        expect(widths.scrollWidth).toBeLessThanOrEqual(widths.viewport);
        await screenshot(page, 'responsive-375-dark');
      },
      'dark',
    );
  });
});

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe (WCAG 2.1 A and AA) and fails on serious or critical violations, listed. */
async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(blocking, `axe violations (${state})`).toEqual([]);
  expect(results.passes.length, 'axe rules that passed').toBeGreaterThan(10);
}

describe('the filter drawer at 375 px', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe closed and open (${colorScheme})`, async () => {
      await withDashboard(
        PHONE,
        async (page) => {
          if (colorScheme === 'light') await expectNoSeriousViolations(page, 'light, closed');
          await filtersToggle(page).click();
          await page.getByRole('complementary', { name: 'Filters' }).waitFor();
          await expectNoSeriousViolations(page, `${colorScheme}, open`);
          await screenshot(page, `responsive-375-drawer-open-${colorScheme}`, { fullPage: false });
        },
        colorScheme,
      );
    });
  }

  it('opens from the Filters button, filters the tables, and closes with Escape', async () => {
    await withDashboard(PHONE, async (page) => {
      const toggle = filtersToggle(page);
      const drawer = page.locator('aside.filter-bar');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.getAttribute('aria-controls')).toBe(await drawer.getAttribute('id'));
      // Closed, the drawer is neither seen, nor read, nor reachable with Tab.
      expect(await drawer.isVisible()).toBe(false);
      expect(await drawer.evaluate((element) => (element as HTMLElement).inert)).toBe(true);
      expect(await page.getByRole('complementary', { name: 'Filters' }).count()).toBe(0);
      expect(await latencyTable(page).getAttribute('aria-rowcount')).toBe('10');

      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      const filters = page.getByRole('complementary', { name: 'Filters' });
      await filters.waitFor();
      await expect
        .poll(() => drawer.evaluate((element) => element.getBoundingClientRect().left))
        .toBe(0);
      // Focus is inside the drawer, on its Close button; the page behind is inert and still.
      const close = filters.getByRole('button', { name: 'Close filters' });
      expect(await isFocused(close)).toBe(true);
      expect(await page.locator('main').evaluate((main) => main.closest('[inert]') !== null)).toBe(
        true,
      );
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe(
        'hidden',
      );

      // The filter groups keep their names in the drawer.
      const h200 = filters
        .getByRole('group', { name: 'GPU', exact: true })
        .getByRole('checkbox', { name: /^8×H200/ });
      await h200.uncheck();
      await expect.poll(() => latencyTable(page).getAttribute('aria-rowcount')).toBe('7');

      await page.keyboard.press('Escape');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => isFocused(toggle)).toBe(true);
      // The toggle says what the closed drawer hides.
      expect(await toggle.innerText()).toBe('Filters (1 hidden)');
      await expect.poll(() => drawer.isVisible()).toBe(false);
      expect(await page.locator('main').evaluate((main) => main.closest('[inert]') === null)).toBe(
        true,
      );
      expect(
        await page.evaluate(() => getComputedStyle(document.documentElement).overflow),
      ).not.toBe('hidden');
      expect(await latencyTable(page).getAttribute('aria-rowcount')).toBe('7');
      await screenshot(page, 'responsive-375-drawer-closed', { fullPage: false });
    });
  });

  it('closes with its Close button and with a click on the backdrop', async () => {
    await withDashboard(PHONE, async (page) => {
      const toggle = filtersToggle(page);
      const filters = page.getByRole('complementary', { name: 'Filters' });

      await toggle.click();
      await filters.getByRole('button', { name: 'Close filters' }).click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => isFocused(toggle)).toBe(true);

      await toggle.click();
      await filters.waitFor();
      // The backdrop covers the page to the right of the drawer.
      await page.mouse.click(PHONE.width - 12, PHONE.height / 2);
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => isFocused(toggle)).toBe(true);
      await expect.poll(() => page.locator('aside.filter-bar').isVisible()).toBe(false);
    });
  });

  it('becomes the sidebar again when the viewport widens past 900 px', async () => {
    await withDashboard(PHONE, async (page) => {
      await filtersToggle(page).click();
      await page.getByRole('complementary', { name: 'Filters' }).waitFor();
      await page.setViewportSize({ width: 1280, height: 800 });
      const filters = page.getByRole('complementary', { name: 'Filters' });
      await expect.poll(() => filters.isVisible()).toBe(true);
      expect(await filtersToggle(page).count()).toBe(0);
      expect(await page.locator('main').evaluate((main) => main.closest('[inert]') === null)).toBe(
        true,
      );
      // Narrow again: the drawer is closed, not reopened.
      await page.setViewportSize(PHONE);
      await expect.poll(() => filtersToggle(page).getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => page.locator('aside.filter-bar').isVisible()).toBe(false);
    });
  });
});

/** Scrolls a table's box sideways and checks the Model cells (body and header) stayed put. */
async function expectFirstColumnPinned(page: Page, regionName: string): Promise<void> {
  const region = page.getByRole('region', { name: regionName });
  await region.scrollIntoViewIfNeeded();
  const firstRow = region.locator('tbody tr[aria-rowindex]').first();
  const pinned = firstRow.locator('td').first();
  const next = firstRow.locator('td').nth(1);
  const corner = region.locator('thead th').first();

  const scrollable = await region.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(scrollable, 'the table is wider than its box').toBeGreaterThan(100);
  const before = {
    pinned: await leftOf(pinned),
    next: await leftOf(next),
    corner: await leftOf(corner),
  };

  await region.evaluate((element) => {
    element.scrollLeft = 100;
  });
  await expect.poll(() => leftOf(next)).toBeCloseTo(before.next - 100, 0);
  expect(await leftOf(pinned)).toBeCloseTo(before.pinned, 0);
  expect(await leftOf(corner)).toBeCloseTo(before.corner, 0);

  // Pinned cells are opaque, so the cells scrolling under them do not show through.
  const backgrounds = await Promise.all(
    [pinned, corner].map((cell) =>
      cell.evaluate((element) => getComputedStyle(element).backgroundColor),
    ),
  );
  for (const background of backgrounds) expect(background).toMatch(/^rgb\(/);
}

describe('tables at 375 px', () => {
  it('scroll sideways in their own box with the Model column pinned', async () => {
    await withDashboard(PHONE, async (page) => {
      await expectFirstColumnPinned(page, 'Serving results, scrollable');
      await expectFirstColumnPinned(page, 'Latency results, scrollable');
      const widths = await pageWidths(page);
      expect(widths.scrollWidth).toBeLessThanOrEqual(widths.viewport);
      await screenshot(page, 'responsive-375-table-scrolled', { fullPage: false });
    });
  });

  it('scroll sideways in their own box with the Model column pinned (dark)', async () => {
    await withDashboard(
      PHONE,
      async (page) => {
        await expectFirstColumnPinned(page, 'Latency results, scrollable');
        await screenshot(page, 'responsive-375-table-scrolled-dark', { fullPage: false });
      },
      'dark',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A virtualized table: a copy of the build whose manifest lists one file of 600 serving results.

const BIG_ROWS = 600;

/** Rows alternate between 8×H100 and 8×H200. */
function servingJson(count: number): string {
  return servingFile(count, {
    gpu: (i) => (i % 2 === 0 ? '8xH100' : '8xH200'),
    tput: (i) => 1 + (i % 97) / 10,
  });
}

describe('a virtualized table at 375 px', () => {
  const site = servedCopy(() => [{ name: 'serving.json', text: servingJson(BIG_ROWS) }]);

  it('keeps the Model column pinned while only the rows in view are rendered', async () => {
    const bigSite = site();
    const watched = await openDashboard(PHONE, { baseUrl: bigSite.baseUrl, rows: null });
    try {
      const { page } = watched;
      const serving = page.getByRole('table', { name: /^Serving results/ });
      await expect.poll(() => serving.getAttribute('aria-rowcount')).toBe(String(BIG_ROWS + 1));
      const rows = serving.locator('tbody tr[aria-rowindex]');
      await rows.first().waitFor();
      expect(await rows.count(), 'rendered rows').toBeLessThan(BIG_ROWS);

      // Scrolled down: the virtualizer's spacer row comes first; pinning still holds.
      const region = page.getByRole('region', { name: 'Serving results, scrollable' });
      await region.evaluate((element) => {
        element.scrollTop = 45 * 300;
      });
      await expect.poll(() => rows.first().getAttribute('aria-rowindex')).not.toBe('2');
      await expectFirstColumnPinned(page, 'Serving results, scrollable');
      const widths = await pageWidths(page);
      expect(widths.scrollWidth).toBeLessThanOrEqual(widths.viewport);
      await screenshot(page, 'responsive-375-virtualized', { fullPage: false });

      await page.waitForLoadState('networkidle');
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});
