// The first screen, as a person sees it: the production build, served under a sub-path, in Chromium.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { launchChromium } from '../harness/chromium.ts';
import type { WatchedPage } from '../harness/page.ts';
import { showsValue } from './numbers.ts';
import { resultsTable, type TableName } from './dashboard.ts';

const TABLES: readonly TableName[] = ['Latency', 'Throughput', 'Serving'];

const DATASETS = ['Nightly · 8×H100', 'Nightly · 8×H200', 'Nightly · 8×A100-SXM4-80GB'] as const;
const RESULTS_PER_DATASET = 18; // 3 latency + 3 throughput + 12 serving

// Hand-picked from the bundled seed (public/data/*.json), at full precision.
const SEED_VALUES = [
  {
    table: 'Latency',
    gpu: '8×H100',
    value: 1046.9095210234325,
    what: 'latency_llama8B_tp1 mean ms',
  },
  {
    table: 'Serving',
    gpu: '8×H200',
    value: 28.828767850421375,
    what: 'serving_llama8B_tp1_sharegpt_qps_inf req/s',
  },
  {
    table: 'Serving',
    gpu: '8×H100',
    value: 24.186907198204548,
    what: 'serving_llama8B_tp1_sharegpt_qps_inf req/s',
  },
  {
    table: 'Throughput',
    gpu: '8×A100-SXM4-80GB',
    value: 12.324186389245893,
    what: 'throughput_llama8B_tp1 req/s',
  },
] as const satisfies readonly { table: TableName; gpu: string; value: number; what: string }[];

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

let browser: Browser | undefined;
let session: WatchedPage | undefined;

function watched(): WatchedPage {
  if (!session) throw new Error('the page did not open (see the beforeAll error)');
  return session;
}

function table(name: TableName): Locator {
  return resultsTable(watched().page, name);
}

function bodyRows(name: TableName): Locator {
  return table(name).locator('tbody tr');
}

/** Each body row's cells, as a person reads them. */
async function rowTexts(name: TableName): Promise<string[][]> {
  return bodyRows(name).evaluateAll((rows) =>
    rows.map((row) =>
      Array.from((row as HTMLTableRowElement).cells, (cell) => cell.innerText.replace(/\s+/g, ' ')),
    ),
  );
}

beforeAll(async () => {
  browser = await launchChromium();
  session = await openPage(browser, inject('e2eBaseUrl'));
  await session.page.goto(session.baseUrl, { waitUntil: 'load' });
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
});

describe('the first screen', () => {
  it('has exactly one h1, and it names vLLM', async () => {
    const h1 = watched().page.locator('h1');
    await h1.first().waitFor();
    expect(await h1.count()).toBe(1);
    expect(await h1.innerText()).toContain('vLLM');
  });

  it('shows the Latency, Throughput and Serving results as three real tables', async () => {
    for (const name of TABLES) {
      const located = table(name);
      await located.first().waitFor();
      expect(await located.count(), `tables named ${name}`).toBe(1);
      expect(await located.evaluate((el) => el.tagName)).toBe('TABLE');
      expect(await located.locator('caption').innerText()).toContain(name);
    }
  });

  it('lists the three bundled runs under Datasets, 18 results each', async () => {
    const { page } = watched();
    const datasets = page
      .getByRole('region', { name: 'Datasets' })
      .or(page.getByRole('list', { name: 'Datasets' }))
      .first();
    await datasets.waitFor();
    for (const label of DATASETS) await datasets.getByText(label).first().waitFor();

    // For each label, the smallest piece of the list around it that shows a count (and no other run).
    const items = await datasets.evaluate(
      (root, { labels, count }) => {
        const norm = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();
        const showsCount = (text: string): boolean =>
          new RegExp(`(^|\\D)${count}(\\D|$)`).test(text);
        return labels.map((label) => {
          const holders = [root, ...Array.from(root.querySelectorAll('*'))].filter((el) =>
            norm(el.textContent).includes(label),
          );
          let el = holders.find(
            (h) => !Array.from(h.children).some((c) => norm(c.textContent).includes(label)),
          );
          if (!el) return null;
          const others = labels.filter((other) => other !== label);
          while (el !== root && !showsCount(norm(el.textContent))) {
            const parent: Element | null = el.parentElement;
            if (!parent || others.some((other) => norm(parent.textContent).includes(other))) break;
            el = parent;
          }
          return norm(el instanceof HTMLElement ? el.innerText : el.textContent);
        });
      },
      { labels: [...DATASETS], count: RESULTS_PER_DATASET },
    );

    DATASETS.forEach((label, i) => {
      const item = items[i] ?? '';
      expect(item, `the Datasets entry for ${label}`).toContain(label);
      expect(item, `the Datasets entry for ${label} shows its result count`).toMatch(
        new RegExp(`(^|\\D)${RESULTS_PER_DATASET}(\\D|$)`),
      );
    });
  });

  for (const { table: name, gpu, value, what } of SEED_VALUES) {
    it(`shows ${value} (${what}) in a ${name} row for ${gpu}, rounded`, async () => {
      await bodyRows(name).first().waitFor();
      const rows = await rowTexts(name);
      const ours = rows.filter((cells) => normalize(cells.join(' ')).includes(gpu));
      expect(ours.length, `${name} rows mentioning ${gpu}`).toBeGreaterThan(0);
      const found = ours.some((cells) => cells.some((cell) => showsValue(cell, value)));
      expect(
        found,
        `a ${name} row for ${gpu} shows ${value} to 2+ decimals; its rows read:\n` +
          ours.map((cells) => cells.join(' | ')).join('\n'),
      ).toBe(true);
    });
  }

  it('shows every seed result: 9 latency, 9 throughput and 36 serving rows', async () => {
    const expected: Record<TableName, number> = { Latency: 9, Throughput: 9, Serving: 36 };
    for (const [name, count] of Object.entries(expected) as [TableName, number][]) {
      await expect.poll(() => bodyRows(name).count(), { message: `${name} rows` }).toBe(count);
    }
    // Nothing is missing in the seed, so no cell shows the missing-value dash.
    for (const name of Object.keys(expected) as TableName[]) {
      const dashes = (await rowTexts(name)).flat().filter((cell) => cell.trim() === '—');
      expect(dashes, `${name} cells showing —`).toEqual([]);
    }
  });

  it('takes screenshots at desktop width and at 375 px', async () => {
    const { page } = watched();
    await screenshot(page, 'first-screen.png', { fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'first-screen-375.png', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logs no errors, fails no request and fetches nothing off its own origin', async () => {
    await watched().page.waitForLoadState('networkidle');
    expectNoPageProblems(watched());
  });
});
