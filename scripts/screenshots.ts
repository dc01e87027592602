// Takes the README's screenshots from the real production build: `npm run screenshots`.
// Needs `npm run build` first and Debian's chromium (or CHROME_PATH).
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const OUT = 'docs/screenshots';

/** @type {{ name: string, query: string, scheme: 'light' | 'dark', width: number, height: number, fullPage?: boolean, locator?: string }[]} */
const SHOTS = [
  { name: 'dashboard', query: '', scheme: 'light', width: 1440, height: 900 },
  { name: 'dashboard-dark', query: '', scheme: 'dark', width: 1440, height: 900 },
  {
    name: 'explorer-filtered',
    query: '?hide.gpu=8%C3%97A100-SXM4-80GB&sort.serving=desc%3Attft_p99',
    scheme: 'light',
    width: 1440,
    height: 900,
    locator: '#serving-heading',
  },
  {
    name: 'compare',
    query: '?cmp=1&cmp.base=gpu%3A8%C3%97H100&cmp.cand=gpu%3A8%C3%97H200',
    scheme: 'light',
    width: 1440,
    height: 1000,
    locator: '#compare-section',
  },
  {
    name: 'charts',
    query: '',
    scheme: 'light',
    width: 1440,
    height: 1000,
    locator: '#charts-heading',
  },
  { name: 'phone', query: '', scheme: 'light', width: 375, height: 812 },
];

const server = await preview({
  preview: { port: 0, host: '127.0.0.1', open: false },
  logLevel: 'warn',
});
const base = server.resolvedUrls?.local[0];
if (base === undefined) throw new Error('vite preview did not start');

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
  ],
});
try {
  await mkdir(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(`${base}${shot.query}`);
    await page.getByRole('region', { name: 'Datasets' }).getByText('18 results').first().waitFor();
    if (shot.locator !== undefined) {
      await page.locator(shot.locator).waitFor();
      await page.locator(shot.locator).evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
      });
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: shot.fullPage ?? false });
    console.log(`wrote ${OUT}/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => {
    server.httpServer.close(resolve);
  });
}
