// Takes the README's screenshots from the real production build: `npm run screenshots`
// (`npx tsx scripts/screenshots.ts [--build]`). Needs `npm run build` first, or `--build`, and
// Debian's chromium (or CHROME_PATH).
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/harness/chromium.ts';
import { SITE_BASE_PATH, buildSite, distDirOf, requireBuild } from '../test/harness/site.ts';
import { startStaticServer } from '../test/harness/static-server.ts';

const OUT = 'docs/screenshots';

interface Shot {
  name: string;
  query: string;
  scheme: 'light' | 'dark';
  width: number;
  height: number;
  fullPage?: boolean;
  locator?: string;
}

const SHOTS: readonly Shot[] = [
  { name: 'dashboard', query: '', scheme: 'light', width: 1440, height: 1000 },
  { name: 'dashboard-dark', query: '', scheme: 'dark', width: 1440, height: 1000 },
  {
    name: 'decisions',
    query: '?slo.ttft=50&slo.itl=25&price=H100%3A2.49&price=H200%3A3.5&price=A100-SXM4-80GB%3A1.6',
    scheme: 'light',
    width: 1440,
    height: 1400,
    locator: '#decisions',
  },
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
  { name: 'phone', query: '', scheme: 'light', width: 390, height: 844 },
];

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    build: { type: 'boolean', default: false },
  },
});
if (values.build) await buildSite();
const distDir = distDirOf(values.dist);
requireBuild(distDir);

const server = await startStaticServer({ root: distDir, basePath: SITE_BASE_PATH });
const browser = await launchChromium();
try {
  await mkdir(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${shot.query}`);
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
  await server.close();
}
