// The bench's way into a page: open a prepared site and wait for its data, evaluate with a
// deadline, let the page settle, and turn a failed measurement into a reason instead of a crash.
import type { Browser, ElementHandle, Locator, Page } from 'playwright-core';
import { openPage } from '../test/harness/page.ts';
import type { PageProblem, WatchedPage } from '../test/harness/page.ts';
import { mulberry32 } from '../test/harness/fixtures/random.ts';
import { reasonOf } from './format.ts';
import { installBenchHelpers, loadedProbe } from './in-page/helpers.ts';

export const LOCATOR_TIMEOUT_MS = 5_000;
/** Precise heap figures and a forced GC, and room for a million results. */
export const BENCH_ARGS: readonly string[] = [
  '--enable-precise-memory-info',
  // One --js-flags argument: Chromium keeps only the last one.
  '--js-flags=--expose-gc --max-old-space-size=8192',
];
/** How many of a page's problems a report keeps. */
const PROBLEMS_KEPT = 20;

export interface OpenedSite {
  watched: WatchedPage;
  page: Page;
  /** performance.now() in the page when its data was listed (from navigation start). */
  loadedAtMs: number;
  /** The same, as seen from here. */
  wallMs: number;
}

/**
 * Opens a site in a fresh context and waits until its data has loaded. The page's problems go to
 * `problems`, so they can be read even when it never loads.
 */
export async function openSite(
  browser: Browser,
  url: string,
  options: { expectData: boolean; timeoutMs: number; problems: PageProblem[] },
): Promise<OpenedSite> {
  const { expectData, timeoutMs, problems } = options;
  // No origin guard: routing every request through Playwright would be timed with the load.
  const watched = await openPage(browser, url, {
    viewport: { width: 1280, height: 900 },
    guardOrigin: false,
    problems,
  });
  try {
    await watched.context.addInitScript(installBenchHelpers);
    await watched.context.addInitScript({
      content: `window.__benchRandom = ${mulberry32.toString()};`,
    });
    const { page } = watched;
    page.setDefaultTimeout(LOCATOR_TIMEOUT_MS);
    const started = performance.now();
    const manifest = page.waitForResponse(
      (response) => response.url().endsWith('/data/manifest.json'),
      { timeout: timeoutMs },
    );
    manifest.catch(() => undefined);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await manifest;
    const handle = await page.waitForFunction(
      loadedProbe,
      { expectData },
      { polling: 'raf', timeout: timeoutMs },
    );
    const loadedAtMs = (await handle.jsonValue()) as number;
    return { watched, page, loadedAtMs, wallMs: performance.now() - started };
  } catch (error) {
    await watched.close().catch(() => undefined);
    throw error;
  }
}

/** The first problems, one line each, for a report. */
export function problemLines(problems: readonly PageProblem[]): string[] {
  return problems
    .slice(0, PROBLEMS_KEPT)
    .map((problem) => `${problem.kind}: ${problem.message.split('\n')[0] ?? ''}`);
}

/**
 * A page.evaluate with a deadline on the Node side too: an in-page timer cannot fire while the
 * page's main thread is stuck, and a stuck page must not hang the whole run.
 */
export async function within<R>(evaluation: Promise<R>, ms: number, what: string): Promise<R> {
  // Once the deadline has won, the evaluation's own failure (its page closed) is no news.
  evaluation.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new Error(`${what} did not return within ${Math.round(ms / 1000)} s (page busy or hung)`),
      );
    }, ms);
  });
  try {
    return await Promise.race([evaluation, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the page is quiet: a short pause and two frames. */
export async function settle(page: Page, ms = 300): Promise<void> {
  await page.waitForTimeout(ms);
  await within(
    page.evaluate(() => window.__bench?.twoFrames()),
    60_000,
    'waiting for frames',
  );
}

export type Attempt<T> = ({ ok: true } & T) | { ok: false; error: string };

/** Runs one measurement, catching its failure: `{ ok: true, ...value }` or `{ ok: false, error }`. */
export async function attempt<T extends object>(
  label: string,
  fn: () => Promise<T>,
  log: (message: string) => void,
): Promise<Attempt<T>> {
  try {
    const value = await fn();
    return { ok: true, ...value };
  } catch (error) {
    const reason = reasonOf(error);
    log(`  ${label}: n/a — ${reason}`);
    return { ok: false, error: reason };
  }
}

/** Element handle of a locator, with a readable error when the app contract is not met. */
export async function handleOf(
  locator: Locator,
  what: string,
): Promise<ElementHandle<HTMLElement | SVGElement>> {
  try {
    const count = await locator.count();
    if (count === 0) throw new Error('not found');
    if (count > 1) throw new Error(`${count} elements match`);
    return await locator.elementHandle({ timeout: LOCATOR_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`${what}: ${reasonOf(error)}`, { cause: error });
  }
}
