// The charts, as a person uses them: five named figures that follow the filters, switches that
// change what is plotted, legends that toggle series, PNG/SVG downloads, light and dark themes,
// and render time at 2,000 points, in Chromium against the production build.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOT_DIR, expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { launchChromium } from '../harness/chromium.ts';
import type { WatchedPage } from '../harness/page.ts';
import {
  BIG_FILE_NAME,
  BIG_LATENCY_BARS,
  BIG_SERVING_POINTS,
  bigResultsFile,
} from '../harness/fixtures/charts-file.ts';

const CHARTS = ['Latency', 'Throughput', 'Serving', 'Trade-off', 'Speedup'] as const;
type ChartName = (typeof CHARTS)[number];

const SEED_GPUS = ['8×A100-SXM4-80GB', '8×H100', '8×H200'] as const;

let browser: Browser | undefined;
let session: WatchedPage | undefined;

function watched(): WatchedPage {
  if (!session) throw new Error('the page did not open (see the beforeAll error)');
  return session;
}

function figure(name: ChartName, page: Page = watched().page): Locator {
  return page.getByRole('figure', { name: new RegExp(name) });
}

/** The legend's GPU labels of a chart. */
async function legendLabels(chart: Locator): Promise<string[]> {
  return (await chart.locator('.chart-legend button').allInnerTexts()).map((text) => text.trim());
}

/** SVG shapes drawn for one series (`g1`) inside a chart. */
async function markCount(chart: Locator, seriesKey: string): Promise<number> {
  return chart
    .locator(
      `.series-${seriesKey} path, .series-${seriesKey} circle, .series-${seriesKey} rect, .series-${seriesKey} .recharts-symbols`,
    )
    .count();
}

/** The series key (`g0`…) of each GPU in the chart's legend. */
async function seriesKeys(chart: Locator): Promise<Map<string, string>> {
  const buttons = chart.locator('.chart-legend button');
  const keys = new Map<string, string>();
  for (let i = 0; i < (await buttons.count()); i += 1) {
    const button = buttons.nth(i);
    keys.set((await button.innerText()).trim(), (await button.getAttribute('data-series')) ?? '');
  }
  return keys;
}

function gpuCheckbox(label: string): Locator {
  const group = watched().page.getByRole('group', { name: 'GPU', exact: true });
  return group.getByRole('checkbox', { name: new RegExp(`^${label}`) });
}

/** Bars drawn for one series: each series' bars are one path carrying their count. */
async function barCount(chart: Locator, seriesKey = ''): Promise<number> {
  const counts = await chart
    .locator(`${seriesKey === '' ? '' : `.series-${seriesKey} `}.chart-bars`)
    .evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('data-bars'))));
  return counts.reduce((sum, count) => sum + count, 0);
}

/** The tooltip's text once it shows. */
async function visibleTooltip(chart: Locator): Promise<string> {
  const tooltip = chart.locator('.chart-tooltip').first();
  await tooltip.waitFor();
  return (await tooltip.innerText()).replace(/\s+/g, ' ');
}

/**
 * Moves the pointer over the i-th category (x-axis tick) of a chart surface, inside the plot,
 * and returns the tooltip text.
 */
async function tooltipAtCategory(chart: Locator, category: number, surface = 0): Promise<string> {
  const svg = chart.locator('svg.recharts-surface').nth(surface);
  await svg.scrollIntoViewIfNeeded();
  const tick = svg.locator('.recharts-xAxis-tick-labels text').nth(category);
  const [tickBox, svgBox] = await Promise.all([tick.boundingBox(), svg.boundingBox()]);
  if (tickBox === null || svgBox === null) throw new Error('the chart is not on screen');
  const page = chart.page();
  await page.mouse.move(0, 0);
  await page.mouse.move(tickBox.x + tickBox.width / 2, svgBox.y + svgBox.height / 3);
  return visibleTooltip(chart);
}

beforeAll(async () => {
  browser = await launchChromium();
  session = await openPage(browser, inject('e2eBaseUrl'));
  await session.page.goto(session.baseUrl, { waitUntil: 'load' });
  await figure('Speedup').waitFor();
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
});

describe('charts', () => {
  it('shows five named figures, each with Download PNG and Download SVG', async () => {
    for (const name of CHARTS) {
      const chart = figure(name);
      expect(await chart.count(), `figures named ${name}`).toBe(1);
      expect(await chart.locator('figcaption').innerText()).toContain(name);
      await chart.getByRole('button', { name: 'Download PNG' }).waitFor();
      await chart.getByRole('button', { name: 'Download SVG' }).waitFor();
    }
  });

  it('draws marks for each of the three seed GPUs in every chart', async () => {
    for (const name of ['Latency', 'Throughput', 'Serving', 'Trade-off'] as const) {
      const chart = figure(name);
      expect(await legendLabels(chart), `${name} legend`).toEqual([...SEED_GPUS]);
      for (const [label, key] of await seriesKeys(chart)) {
        expect(await markCount(chart, key), `${name} marks of ${label}`).toBeGreaterThan(0);
      }
    }
    // Latency and throughput: 3 models × 3 GPUs bars.
    expect(await barCount(figure('Latency'))).toBe(9);
    expect(await barCount(figure('Throughput'))).toBe(9);
    // Serving: each GPU's dots at QPS 1, 4, 16 and inf in each of the 3 small charts.
    const dots = await figure('Serving')
      .locator('[data-points]')
      .evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('data-points'))));
    expect(dots).toEqual(Array<number>(9).fill(4));
    // Speedup: the reference GPU's select lists all three, the other two are columns.
    const speedup = figure('Speedup');
    const options = await speedup.getByLabel('Reference GPU').locator('option').allInnerTexts();
    expect(options).toEqual([...SEED_GPUS]);
    expect(await speedup.locator('.speedup-column').count()).toBe(2);
  });

  it('gives exact values with unit, test name and dataset in the tooltip', async () => {
    const chart = figure('Latency');
    // The second category is Llama 3.1 8B (mean, ms, from the seed).
    const text = await tooltipAtCategory(chart, 1);
    expect(text).toContain('Llama 3.1 8B');
    expect(text).toContain('8×H100 1,046.91 ms');
    expect(text).toContain('8×H200 833.27 ms');
    expect(text).toContain('latency_llama8B_tp1 · Nightly · 8×H100');
    expect(text).toContain('P99 1,048.30 ms');
  });

  it('says which way is better on the axes', async () => {
    expect(await figure('Latency').locator('.recharts-label').first().textContent()).toContain(
      'lower is better',
    );
    expect(await figure('Throughput').locator('.recharts-label').first().textContent()).toContain(
      'higher is better',
    );
    const tradeOff = await figure('Trade-off').locator('.recharts-label').allTextContents();
    expect(tradeOff.join(' ')).toContain('higher is better');
    expect(tradeOff.join(' ')).toContain('lower is better');
  });

  it('puts QPS 1, 4, 16 and "all at once" last on the serving axis', async () => {
    const ticks = await figure('Serving')
      .locator('.chart-panel')
      .first()
      .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .allTextContents();
    expect(ticks).toEqual(['1', '4', '16', 'all at once']);
  });

  it('switches the latency statistic: median shows 1,046.82 ms where mean showed 1,046.91 ms', async () => {
    const chart = figure('Latency');
    const bars = chart.locator('.series-g1 .chart-bars');
    const before = await bars.getAttribute('d');
    await chart.getByRole('radio', { name: 'P99' }).check();
    expect(await tooltipAtCategory(chart, 1)).toContain('8×H100 1,048.30 ms');
    await chart.getByRole('radio', { name: 'Median' }).check();
    const text = await tooltipAtCategory(chart, 1);
    expect(text).toContain('8×H100 1,046.82 ms');
    expect(text).toContain('8×H200 833.76 ms');
    expect(await bars.getAttribute('d')).not.toBe(before);
    expect(await chart.locator('.chart-whiskers').count()).toBe(0);
    await chart.getByRole('radio', { name: 'Mean' }).check();
  });

  it('divides throughput by TP per GPU: Llama 3 70B on 8×H100 drops from 9.13 to 2.28 req/s', async () => {
    const chart = figure('Throughput');
    // The first category is Llama 3 70B.
    expect(await tooltipAtCategory(chart, 0)).toContain('8×H100 9.13 req/s');
    await chart.getByRole('checkbox', { name: /Per GPU/ }).check();
    expect(await tooltipAtCategory(chart, 0)).toContain('8×H100 2.28 req/s per GPU');
    await chart.getByRole('checkbox', { name: /Per GPU/ }).uncheck();
  });

  it('switches the serving metric to achieved req/s and draws the offered rate', async () => {
    const chart = figure('Serving');
    const panel = chart.locator('.chart-panel').nth(1); // Llama 3.1 8B
    await chart.getByLabel('Metric').selectOption({ label: 'Achieved req/s' });
    await panel.locator('.offered-line').waitFor();
    const text = await tooltipAtCategory(chart, 3, 1);
    // 8×H200 achieved 28.828767850421375 req/s with all requests at once.
    expect(text).toContain('QPS inf (all at once)');
    expect(text).toContain('8×H200 28.83 req/s');
    expect(await chart.locator('.saturation-mark').count()).toBe(9); // 3 models × 3 GPUs
    await chart.getByLabel('Metric').selectOption({ label: 'TTFT' });
    await chart.getByRole('radio', { name: 'P99' }).check();
    expect(await tooltipAtCategory(chart, 3, 1)).toContain('8×H200 301.19 ms');
    await chart.getByRole('radio', { name: 'Mean' }).check();
  });

  it('switches the trade-off latency and keeps a frontier per GPU', async () => {
    const chart = figure('Trade-off');
    expect(await chart.locator('.frontier-line').count()).toBe(9);
    await chart.getByRole('button', { name: 'Show data' }).click();
    const table = chart.getByRole('table');
    // 8×H100 Llama 3.1 8B at QPS 1 is beaten on p99 TTFT by its QPS 4 run: off the frontier.
    const row = table
      .getByRole('row')
      .filter({ hasText: 'Llama 3.1 8B' })
      .filter({ hasText: '8×H100' });
    expect((await row.first().innerText()).replace(/\s+/g, ' ')).toContain(
      '1.00 req/s 35.84 ms no',
    );
    await chart.getByRole('radio', { name: 'Median' }).check();
    await chart.getByLabel('Response time').selectOption({ label: 'ITL' });
    expect((await row.first().innerText()).replace(/\s+/g, ' ')).toContain(
      '1.00 req/s 8.07 ms yes',
    );
    await chart.getByRole('button', { name: 'Show data' }).click();
    await chart.getByRole('radio', { name: 'P99' }).check();
    await chart.getByLabel('Response time').selectOption({ label: 'TTFT' });
  });

  it('shows H200 over H100 on serving_llama8B_tp1_sharegpt_qps_inf as 1.19× in the speedup matrix', async () => {
    const chart = figure('Speedup');
    await chart.getByLabel('Reference GPU').selectOption({ label: '8×H100' });
    await chart.getByRole('button', { name: 'Show data' }).click();
    const button = chart.getByRole('button', { name: 'Show data' });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const table = chart.getByRole('table');
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.slice(-2)).toEqual(['8×A100-SXM4-80GB', '8×H200']);
    const row = table.getByRole('row').filter({ hasText: 'serving_llama8B_tp1_sharegpt_qps_inf' });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/24\.19 req\/s 0\.59× 1\.19×$/);
    const mean = table.getByRole('row').filter({ hasText: 'Geometric mean' });
    // exp(mean(ln ratio)) over the 18 seed tests: A100 0.7306, H200 1.0867.
    expect((await mean.innerText()).replace(/\s+/g, ' ')).toMatch(/0\.73× 1\.09×$/);
    await button.click();
    expect(await chart.getByRole('table').count()).toBe(0);
  });

  it('removes 8×H200 from every chart, legend and tooltip when it is unchecked', async () => {
    const { page } = watched();
    await gpuCheckbox('8×H200').uncheck();
    for (const name of CHARTS) {
      const chart = figure(name);
      await expect
        .poll(() => legendLabels(chart), { message: `${name} legend` })
        .not.toContain('8×H200');
      expect(await chart.innerText(), `${name} text`).not.toContain('H200');
      expect(await chart.locator('.series-g2').count(), `${name} H200 marks`).toBe(0);
    }
    const latency = figure('Latency');
    const text = await tooltipAtCategory(latency, 1);
    expect(text).toContain('8×H100');
    expect(text).not.toContain('H200');
    await screenshot(page, 'charts-without-h200.png');
    await gpuCheckbox('8×H200').check();
    await expect.poll(() => legendLabels(figure('Latency'))).toEqual([...SEED_GPUS]);
  });

  it('toggles a series from the legend', async () => {
    const chart = figure('Serving');
    const h100 = chart.locator('.chart-legend').getByRole('button', { name: '8×H100' });
    expect(await h100.getAttribute('aria-pressed')).toBe('true');
    await h100.click();
    expect(await h100.getAttribute('aria-pressed')).toBe('false');
    expect(await chart.locator('.chart-series.series-g1').count()).toBe(0);
    expect(await chart.locator('.chart-series.series-g2').count()).toBe(3);
    await h100.click();
    expect(await chart.locator('.chart-series.series-g1').count()).toBe(3);
  });

  it('reads values from the keyboard: focus the chart and press an arrow key', async () => {
    const { page } = watched();
    const chart = figure('Latency');
    await chart.locator('svg.recharts-surface').focus();
    await page.keyboard.press('ArrowRight');
    expect(await visibleTooltip(chart)).toMatch(/\d ms/);
    await page.keyboard.press('Escape');

    // The trade-off walks its points: the first is 8×A100-SXM4-80GB at QPS 1 (Llama 3 70B).
    const tradeOff = figure('Trade-off');
    await tradeOff.locator('.trade-off-hit').first().focus();
    expect(await visibleTooltip(tradeOff)).toContain('8×A100-SXM4-80GB');
    await page.keyboard.press('ArrowRight');
    expect(await visibleTooltip(tradeOff)).toContain('QPS 4');
    await page.keyboard.press('Escape');
  });

  it('downloads a valid SVG and PNG of every chart, legend and title included', async () => {
    const { page } = watched();
    for (const name of CHARTS) {
      const chart = figure(name);
      const [svgDownload] = await Promise.all([
        page.waitForEvent('download'),
        chart.getByRole('button', { name: 'Download SVG' }).click(),
      ]);
      expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
      const svg = await readFile(await svgDownload.path(), 'utf8');
      expect(svg, `${name} SVG`).toMatch(
        /^<\?xml[^>]*>\s*<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
      expect(svg).toContain(name);
      expect(svg).toContain('8×H100');
      expect(svg, 'no unresolved CSS variables').not.toContain('var(--');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          width: Number(doc.documentElement.getAttribute('width')),
        };
      }, svg);
      expect(parsed.error, `${name} SVG parses`).toBeNull();

      const [pngDownload] = await Promise.all([
        page.waitForEvent('download'),
        chart.getByRole('button', { name: 'Download PNG' }).click(),
      ]);
      expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
      const png = await readFile(await pngDownload.path());
      expect([...png.subarray(0, 8)], `${name} PNG signature`).toEqual([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
      ]);
      // IHDR width at byte 16: twice the SVG's width.
      expect(png.readUInt32BE(16), `${name} PNG width`).toBe(parsed.width * 2);
    }
  });

  it('keeps the on-screen colours in the PNG', async () => {
    const { page } = watched();
    const chart = figure('Latency');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    const base64 = (await readFile(await download.path())).toString('base64');
    const onScreen = await chart.locator('.series-g1 .chart-bars').getAttribute('fill');
    const matching = await page.evaluate(
      async ({ data, color }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (context === null) return -1;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) count += 1;
        }
        return count;
      },
      { data: base64, color: onScreen ?? '#000000' },
    );
    expect(onScreen).toMatch(/^#[0-9a-f]{6}$/i);
    expect(matching, `pixels of ${onScreen}`).toBeGreaterThan(500);
  });

  it('follows the theme switch, remembers it, and takes screenshots of every chart in both themes', async () => {
    const { page } = watched();
    const theme = page.getByRole('group', { name: 'Theme' });
    await theme.getByRole('radio', { name: 'Light' }).check();
    const bars = figure('Latency').locator('.series-g0 .chart-bars');
    const lightFill = await bars.getAttribute('fill');
    for (const name of CHARTS) {
      await figure(name).screenshot({ path: await screenshotPath(`chart-${slug(name)}-light`) });
    }
    await theme.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => bars.getAttribute('fill')).not.toBe(lightFill);
    for (const name of CHARTS) {
      await figure(name).screenshot({ path: await screenshotPath(`chart-${slug(name)}-dark`) });
    }
    await page.reload({ waitUntil: 'load' });
    await figure('Speedup').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(
      await page
        .getByRole('group', { name: 'Theme' })
        .getByRole('radio', { name: 'Dark' })
        .isChecked(),
    ).toBe(true);
    await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'System' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();
  });

  it('logs no errors, fails no request and fetches nothing off its own origin', async () => {
    await watched().page.waitForLoadState('networkidle');
    expectNoPageProblems(watched());
  });
});

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '-');
}

/** Where `screenshot()` puts files, for screenshots of one element. */
async function screenshotPath(name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

// --- 2,000 points -------------------------------------------------------------------------------

/** Time from changing a control to two frames later, when the chart has been drawn. */
async function changeToPaint(control: Locator, value?: string): Promise<number> {
  return control.evaluate(async (element, selected) => {
    const start = performance.now();
    if (element instanceof HTMLSelectElement && typeof selected === 'string') {
      element.value = selected;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      (element as HTMLElement).click();
    }
    await new Promise<void>((resolve) => {
      requestAnimationFrame(() => {
        requestAnimationFrame(() => {
          resolve();
        });
      });
    });
    return performance.now() - start;
  }, value);
}

/** The median of several control changes, each to the next of `steps`. */
async function medianRenderTime(steps: readonly (() => Promise<number>)[]): Promise<number[]> {
  const timings: number[] = [];
  for (let round = 0; round < 4; round += 1) {
    for (const step of steps) timings.push(await step());
  }
  return timings.sort((a, b) => a - b);
}

describe('charts at 2,000 points', () => {
  let big: WatchedPage | undefined;

  function bigPage(): Page {
    if (!big) throw new Error('the page did not open');
    return big.page;
  }

  beforeAll(async () => {
    if (!browser) throw new Error('Chromium did not start');
    big = await openPage(browser, inject('e2eBaseUrl'));
    const file = bigResultsFile();
    await big.page.route('**/data/manifest.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ datasets: [BIG_FILE_NAME] }),
      }),
    );
    await big.page.route(`**/data/${BIG_FILE_NAME}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: file }),
    );
    await big.page.goto(big.baseUrl, { waitUntil: 'load' });
    await big.page.waitForFunction(
      (expected) => {
        // Latency is the charts' first; the serving decisions above them have a figure too.
        const figure = document.querySelector('#charts figure.chart-figure');
        const bars = figure?.querySelectorAll('.chart-bars') ?? [];
        let count = 0;
        for (const path of bars) count += Number(path.getAttribute('data-bars'));
        return count === expected;
      },
      BIG_LATENCY_BARS,
      // Reading and drawing 2,000 points can take half a minute on a busy 2-core machine.
      { timeout: 90_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await big?.close();
  });

  // Speed is measured by `npm run bench`, not asserted here: these tests prove that charts of
  // 2,000 points redraw after every change, and print how long it took for information.
  const check = (name: string, timings: number[]): void => {
    const median = timings[Math.floor(timings.length / 2)] ?? Infinity;
    console.info(
      `${name}: ${timings.map((t) => t.toFixed(0)).join(', ')} ms (median ${median.toFixed(0)})`,
    );
    expect(timings.every(Number.isFinite), `${name}: every change was painted`).toBe(true);
  };

  it('redraws 2,000 latency bars when the statistic changes', async () => {
    const chart = figure('Latency', bigPage());
    const stat = (name: string) => () => changeToPaint(chart.getByRole('radio', { name }));
    check(
      'latency, 2,000 bars',
      await medianRenderTime([stat('Median'), stat('P99'), stat('Mean')]),
    );
    expect(await barCount(chart)).toBe(2000);
    await chart.screenshot({ path: await screenshotPath('chart-latency-2000-bars') });
  });

  it('redraws 1,968 serving points in six small charts when the metric changes', async () => {
    const chart = figure('Serving', bigPage());
    await chart.scrollIntoViewIfNeeded();
    const points = await chart
      .locator('[data-points]')
      .evaluateAll((paths) =>
        paths.reduce((sum, path) => sum + Number(path.getAttribute('data-points')), 0),
      );
    expect(points).toBe(BIG_SERVING_POINTS);
    const metric = (value: string) => () => changeToPaint(chart.getByLabel('Metric'), value);
    check('serving, 1,968 points', await medianRenderTime([metric('itl'), metric('ttft')]));
  });

  it('redraws 1,968 trade-off points when the statistic changes', async () => {
    const chart = figure('Trade-off', bigPage());
    await chart.scrollIntoViewIfNeeded();
    const stat = (name: string) => () => changeToPaint(chart.getByRole('radio', { name }));
    check('trade-off, 1,968 points', await medianRenderTime([stat('Median'), stat('P99')]));
  });

  it('redraws a speedup matrix of about 2,000 cells when the reference GPU changes', async () => {
    const chart = figure('Speedup', bigPage());
    await chart.scrollIntoViewIfNeeded();
    const reference = (value: string) => () =>
      changeToPaint(chart.getByLabel('Reference GPU'), value);
    check(
      'speedup, 2,000 cells',
      await medianRenderTime([reference('8×H100'), reference('8×A100')]),
    );
    await chart.screenshot({ path: await screenshotPath('chart-speedup-2000-cells') });
    if (big) expectNoPageProblems(big);
  });
});
