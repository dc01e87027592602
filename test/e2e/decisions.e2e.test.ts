// Serving decisions as a person meets them: the overview's numbers on the first screen (desktop
// and phone), the interactivity chart following the GPU filter, SLO capacity and cost typed in,
// kept in the link and across a reload.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot, type WatchedPage } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';

const chromium = sharedBrowser();

async function open(viewport: { width: number; height: number }, query = ''): Promise<WatchedPage> {
  const watched = await openPage(chromium(), inject('e2eBaseUrl'), { viewport });
  await watched.page.emulateMedia({ colorScheme: 'light' });
  await watched.page.goto(`${watched.baseUrl}${query}`, { waitUntil: 'load' });
  await watched.page
    .getByRole('region', { name: 'Overview' })
    .getByRole('listitem')
    .first()
    .waitFor();
  return watched;
}

/** How many of the overview's numbers lie wholly inside the window, as it opened (no scrolling). */
function numbersInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const height = window.innerHeight;
    const width = window.innerWidth;
    return Array.from(document.querySelectorAll('#overview dd')).filter((dd) => {
      const box = dd.getBoundingClientRect();
      const numeric = /\d/.test(dd.textContent);
      return numeric && box.top >= 0 && box.bottom <= height && box.left >= 0 && box.right <= width;
    }).length;
  });
}

async function withPage(
  viewport: { width: number; height: number },
  body: (page: Page) => Promise<void>,
  query = '',
): Promise<void> {
  const watched = await open(viewport, query);
  try {
    await body(watched.page);
    expectNoPageProblems(watched);
  } finally {
    await watched.close();
  }
}

/** A table's body rows as their cells' text. */
function rows(page: Page, name: RegExp): Promise<string[][]> {
  return page
    .getByRole('table', { name })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.innerText.trim())),
    );
}

describe('the first screen', () => {
  it('shows at least two dozen of the data’s numbers at 1440×1000 without scrolling', async () => {
    await withPage({ width: 1440, height: 1000 }, async (page) => {
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      // 3 models × 3 GPUs × 5 numbers = 45; at least 24 must be in the window.
      await expect.poll(() => numbersInView(page)).toBeGreaterThanOrEqual(24);
      const card = page.getByRole('listitem', { name: 'Llama 3.1 8B on 8×H200, TP 1' });
      // throughput_llama8B_tp1 on 8×H200: 25.6716 req/s; median TTFT at QPS 1: 15.7798 ms.
      await expect.poll(() => card.innerText()).toContain('25.67 req/s');
      expect(await card.innerText()).toContain('15.78 ms');
      await screenshot(page, 'overview-desktop', { fullPage: false });
    });
  });

  it('stacks the scorecards on a 390×844 phone, a whole card in view', async () => {
    await withPage({ width: 390, height: 844 }, async (page) => {
      const cards = page.locator('#overview .scorecard');
      const [first, second] = await Promise.all([
        cards.nth(0).boundingBox(),
        cards.nth(1).boundingBox(),
      ]);
      // One column: the second card is below the first, not beside it.
      expect(second?.y ?? 0).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
      expect(first?.x).toBe(second?.x);
      await expect.poll(() => numbersInView(page)).toBeGreaterThanOrEqual(5);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await screenshot(page, 'overview-phone', { fullPage: false });
      // The interactivity chart's axis titles stay inside its plot on a phone.
      const plot = page.locator('.interactivity-plot svg').first();
      await plot.waitFor();
      const inside = await plot.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return Array.from(svg.querySelectorAll('.recharts-label'), (label) => {
          const text = label.getBoundingClientRect();
          return text.left >= box.left - 1 && text.right <= box.right + 1;
        });
      });
      expect(inside.length).toBeGreaterThanOrEqual(2);
      expect(inside.every(Boolean)).toBe(true);
    });
  });
});

describe('serving decisions', () => {
  it('draws the interactivity frontiers of the GPUs the filter leaves', async () => {
    await withPage({ width: 1440, height: 1000 }, async (page) => {
      const chart = page.getByRole('figure', { name: /Interactivity/ });
      await chart.scrollIntoViewIfNeeded();
      // Three GPUs: a frontier line each.
      await expect.poll(() => chart.locator('.frontier .recharts-scatter-line').count()).toBe(3);
      const table = /Throughput at interactivity/;
      expect((await rows(page, table)).map((cells) => cells[0])).toEqual([
        '8×A100-SXM4-80GB',
        '8×H100',
        '8×H200',
      ]);
      await page
        .getByRole('group', { name: 'GPU' })
        .getByRole('checkbox', { name: /^8×H200/ })
        .uncheck();
      await expect.poll(() => chart.locator('.frontier .recharts-scatter-line').count()).toBe(2);
      expect((await rows(page, table)).map((cells) => cells[0])).toEqual([
        '8×A100-SXM4-80GB',
        '8×H100',
      ]);
      expect(await chart.getByText('8×H200').count()).toBe(0);
    });
  });

  it('answers max QPS within SLOs, keeps them in the link, and refuses bad input', async () => {
    await withPage({ width: 1440, height: 1000 }, async (page) => {
      const ttft = page.getByRole('spinbutton', { name: 'TTFT SLO (ms)' });
      await ttft.scrollIntoViewIfNeeded();
      const capacity = async (model: string, gpu: string) =>
        (await rows(page, /Max QPS within SLO/)).find((c) => c[0] === model && c[1] === gpu)?.[2];
      // Median TTFT of Llama 3 70B on 8×H100: 41.38, 38.17, 42.21, 300.91 ms.
      await ttft.fill('50');
      await expect.poll(() => capacity('Llama 3 70B', '8×H100')).toBe('16');
      // P99 TTFT 96.54, 56.81, 66.24, 375.26: within 60 ms at QPS 4 only.
      await ttft.fill('60');
      await page.getByRole('combobox', { name: 'SLO percentile' }).selectOption('p99');
      await expect.poll(() => capacity('Llama 3 70B', '8×H100')).toBe('4');
      expect(page.url()).toContain('slo.ttft=60');
      expect(page.url()).toContain('slo.pct=p99');
      // The dashed line on the serving chart, once it plots P99 TTFT.
      const serving = page.getByRole('figure', { name: /Serving metrics/ });
      await serving.getByRole('radio', { name: 'P99' }).check();
      await expect.poll(() => serving.locator('.slo-line').count()).toBeGreaterThan(0);
      // A negative objective: an inline message, nothing else changes.
      const itl = page.getByRole('spinbutton', { name: 'ITL SLO (ms)' });
      await itl.fill('-3');
      await page.getByText('Enter a number of milliseconds above 0, or leave it empty.').waitFor();
      expect(await capacity('Llama 3 70B', '8×H100')).toBe('4');
      expect(page.url()).not.toContain('slo.itl');
      // The link reproduces the answer.
      await page.reload({ waitUntil: 'load' });
      await expect.poll(() => capacity('Llama 3 70B', '8×H100')).toBe('4');
      await expect
        .poll(() => page.getByRole('spinbutton', { name: 'TTFT SLO (ms)' }).inputValue())
        .toBe('60');
    });
  });

  it('costs each test from a price per GPU-hour, remembered across a reload', async () => {
    await withPage({ width: 1440, height: 1000 }, async (page) => {
      const price = page.getByRole('spinbutton', { name: '$ per GPU-hour, H100' });
      await price.scrollIntoViewIfNeeded();
      await price.fill('2');
      const costOf = async (test: string) =>
        (await rows(page, /Cost/)).find((c) => c[0] === test && c[1] === '8×H100')?.[5];
      // 1 GPU × $2 / (21.6201 req/s × 3600 s) × 1000 = $0.02570; TP 4: 4 × 2 / (9.13468 × 3600) × 1000.
      await expect.poll(() => costOf('throughput_llama8B_tp1')).toBe('$0.02570 per 1k requests');
      expect(await costOf('throughput_llama70B_tp4')).toBe('$0.2433 per 1k requests');
      await page.goto(await page.evaluate(() => location.origin + location.pathname), {
        waitUntil: 'load',
      });
      await expect.poll(() => costOf('throughput_llama8B_tp1')).toBe('$0.02570 per 1k requests');
      const section = page.locator('#decisions');
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'serving-decisions', { fullPage: false });
      const axe = await new AxeBuilder({ page })
        .include('#overview')
        .include('#decisions')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  });
});
