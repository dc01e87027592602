// The charts' text on narrow screens, in Chromium against the production build: the bar charts'
// category labels never run into each other, the trade-off axis titles stay inside their charts,
// and the speedup matrix fits its box at its own size (no scaling, no sideways scroll) from a
// 320 px phone to a 2560 px screen.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { launchChromium } from '../harness/chromium.ts';

interface Viewport {
  readonly width: number;
  readonly height: number;
}

const VIEWPORTS: readonly Viewport[] = [
  // The smallest phones still in use: below the width where the speedup matrix used to be scaled.
  { width: 320, height: 640 },
  { width: 375, height: 812 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 2560, height: 1440 },
];

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

function figure(page: Page, name: string): Locator {
  return page.getByRole('figure', { name: new RegExp(name) });
}

async function withCharts(viewport: Viewport, body: (page: Page) => Promise<void>): Promise<void> {
  if (!browser) throw new Error('Chromium did not start (see the beforeAll error)');
  const watched = await openPage(browser, inject('e2eBaseUrl'), { viewport });
  try {
    const { page } = watched;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(watched.baseUrl, { waitUntil: 'load' });
    await figure(page, 'Speedup').locator('.speedup-matrix svg').waitFor();
    await figure(page, 'Trade-off').locator('.recharts-label').first().waitFor();
    await body(page);
    await page.waitForLoadState('networkidle');
    expectNoPageProblems(watched);
  } finally {
    await watched.close();
  }
}

/** The boxes (viewport px) of a bar chart's x-axis tick labels, and of its SVG. */
async function tickBoxes(chart: Locator): Promise<{ ticks: Box[]; svg: Box }> {
  const svg = chart.locator('svg.recharts-surface').first();
  await svg.locator('.recharts-xAxis-tick-labels text').first().waitFor();
  return svg.evaluate((surface) => {
    const box = (element: Element): Box => {
      const { left, right, top, bottom } = element.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    const texts = surface.querySelectorAll('.recharts-xAxis-tick-labels text');
    return { ticks: [...texts].map(box), svg: box(surface) };
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.left >= outer.left - 0.5 &&
    inner.right <= outer.right + 0.5 &&
    inner.top >= outer.top - 0.5 &&
    inner.bottom <= outer.bottom + 0.5
  );
}

async function expectLegibleCategories(page: Page, name: string, viewportWidth: number) {
  const { ticks, svg } = await tickBoxes(figure(page, name));
  expect(ticks.length, `${name} tick labels`).toBeGreaterThanOrEqual(3);
  ticks.forEach((tick, i) => {
    expect(inside(tick, svg), `${name} tick ${i} inside its chart at ${viewportWidth}px`).toBe(
      true,
    );
    const next = ticks[i + 1];
    if (next !== undefined) {
      expect(overlaps(tick, next), `${name} ticks ${i} and ${i + 1} at ${viewportWidth}px`).toBe(
        false,
      );
    }
  });
}

describe('chart text on narrow and wide screens', () => {
  for (const viewport of VIEWPORTS) {
    it(`stays legible and inside the charts at ${viewport.width}px`, async () => {
      await withCharts(viewport, async (page) => {
        // 1. Bar charts: the model names under the bars do not run into each other.
        await expectLegibleCategories(page, 'Latency', viewport.width);
        await expectLegibleCategories(page, 'Throughput', viewport.width);

        // 2. Trade-off: every axis title lies wholly inside its small chart.
        const titles = await figure(page, 'Trade-off')
          .locator('.chart-panel svg.recharts-surface')
          .evaluateAll((svgs) =>
            svgs.flatMap((svg) => {
              const outer = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('.recharts-label')].map((label) => {
                const inner = label.getBoundingClientRect();
                return {
                  text: label.textContent,
                  label: {
                    left: inner.left,
                    right: inner.right,
                    top: inner.top,
                    bottom: inner.bottom,
                  },
                  svg: {
                    left: outer.left,
                    right: outer.right,
                    top: outer.top,
                    bottom: outer.bottom,
                  },
                };
              });
            }),
          );
        expect(titles.length).toBeGreaterThanOrEqual(6);
        for (const title of titles) {
          expect(inside(title.label, title.svg), `"${title.text}" inside its chart`).toBe(true);
        }
        expect(titles.map((title) => title.text).join(' ')).toContain('higher is better');

        // 3. Speedup: the matrix is drawn at its own size and fits its box.
        const matrix = await figure(page, 'Speedup').evaluate((element) => {
          const box = element.querySelector('.chart-measure');
          const svg = element.querySelector('.speedup-matrix svg');
          if (!(box instanceof HTMLElement) || !(svg instanceof SVGSVGElement)) return null;
          const drawn = svg.getBoundingClientRect();
          const labels = [...svg.querySelectorAll('.speedup-row-labels text')].map(
            (label) => label.getBoundingClientRect().right - drawn.left,
          );
          return {
            scrollWidth: box.scrollWidth,
            clientWidth: box.clientWidth,
            drawnWidth: drawn.width,
            ownWidth: svg.width.baseVal.value,
            transform: getComputedStyle(svg).transform,
            labelRight: Math.max(...labels),
            firstCell: Math.min(
              ...[...svg.querySelectorAll('.speedup-column rect')].map(
                (rect) => rect.getBoundingClientRect().left - drawn.left - 8,
              ),
            ),
          };
        });
        if (matrix === null) throw new Error('no speedup matrix');
        expect(matrix.scrollWidth, 'matrix box scrollWidth').toBeLessThanOrEqual(
          matrix.clientWidth,
        );
        expect(matrix.drawnWidth, 'matrix drawn at its own width').toBeCloseTo(matrix.ownWidth, 0);
        expect(matrix.transform).toBe('none');
        expect(matrix.labelRight, 'row labels end before the first column').toBeLessThanOrEqual(
          matrix.firstCell,
        );

        if (viewport.width <= 375) {
          for (const name of ['Latency', 'Trade-off', 'Speedup']) {
            await figure(page, name).evaluate((element) => {
              element.scrollIntoView({ block: 'start' });
            });
            await screenshot(page, `charts-narrow-${viewport.width}-${name.toLowerCase()}-light`, {
              fullPage: false,
            });
          }
          // The foot of the matrix: the geometric means and the colour scale.
          await figure(page, 'Speedup')
            .locator('.speedup-matrix')
            .evaluate((element) => {
              element.scrollIntoView({ block: 'end' });
            });
          await screenshot(page, `charts-narrow-${viewport.width}-speedup-scale-light`, {
            fullPage: false,
          });
        }
      });
    });
  }
});
