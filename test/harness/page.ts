// Pages for the browser tests and the bench: open a page that records everything that should
// never happen, and take screenshots into test-results/screenshots/ (git-ignored).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * tsx (which runs the bench and the scripts) wraps named functions in `__name(…)` calls, and
 * Playwright sends a function to the page as its source text: the page needs a `__name` too.
 */
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn;';

export type ProblemKind =
  'console-error' | 'page-error' | 'request-failed' | 'http-error' | 'off-origin-request' | 'crash';

export interface PageProblem {
  kind: ProblemKind;
  message: string;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** The site's URL, e.g. `http://127.0.0.1:PORT/vllm-dashboard/`. */
  baseUrl: string;
  /** Its origin: every request the page makes must stay on it. */
  origin: string;
  /** Everything that went wrong so far, in order. */
  problems: PageProblem[];
  close: () => Promise<void>;
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** Blocked unless a test is about them: a service worker answers requests routes never see. */
  serviceWorkers?: 'allow' | 'block';
  /**
   * Route every request to block the ones off the site's origin (the default). The bench turns
   * it off: a route sends each request through Playwright, which its timings must not include.
   */
  guardOrigin?: boolean;
  /** Where to record the page's problems (a new list by default), to read them if opening fails. */
  problems?: PageProblem[];
}

function isOnOrigin(url: string, origin: string): boolean {
  // data: and blob: URLs are made by the page itself and never leave it.
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

function ignoreWhenClosed(error: unknown): void {
  if (error instanceof Error && /closed|destroyed/i.test(error.message)) return;
  throw error;
}

/**
 * Opens a page in a fresh context. The page records console errors, uncaught page errors, failed
 * requests, HTTP error responses and any request off the test server's origin (those are also
 * blocked, so no test ever reaches the network). Call `expectNoPageProblems` at the end.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: OpenPageOptions = {},
): Promise<WatchedPage> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  await context.addInitScript(NAME_HELPER);
  const problems = options.problems ?? [];
  const offOrigin = new Set<string>();

  if (options.guardOrigin ?? true) await guardOrigin(context, origin, problems, offOrigin);
  const page = await context.newPage();
  watchPage(page, origin, problems, offOrigin);
  return { page, context, baseUrl, origin, problems, close: () => context.close() };
}

/** Blocks and reports every request off `origin`, noting its URL in `offOrigin`. */
async function guardOrigin(
  context: BrowserContext,
  origin: string,
  problems: PageProblem[],
  offOrigin: Set<string>,
): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    // Either call can reject once the context is closing; that is not the page's fault.
    if (isOnOrigin(url, origin)) {
      await route.continue().catch(ignoreWhenClosed);
      return;
    }
    offOrigin.add(url);
    problems.push({
      kind: 'off-origin-request',
      message: `${request.method()} ${url} (${request.resourceType()}; blocked)`,
    });
    await route.abort('blockedbyclient').catch(ignoreWhenClosed);
  });
}

/** Records the page's console errors, uncaught errors, failed requests and crashes. */
function watchPage(
  page: Page,
  origin: string,
  problems: PageProblem[],
  offOrigin: ReadonlySet<string>,
): void {
  page.setDefaultTimeout(10_000); // a local static site renders in well under a second

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    // Chromium's own "Failed to load resource" line for a request we blocked says nothing new.
    if (offOrigin.has(url) && message.text().startsWith('Failed to load resource')) return;
    const where = url ? ` (at ${url}:${lineNumber + 1})` : '';
    problems.push({ kind: 'console-error', message: message.text() + where });
  });
  page.on('pageerror', (error) => {
    problems.push({ kind: 'page-error', message: error.stack ?? error.message });
  });
  // From the main frame's navigation request (a reload, say) until the new document commits, a
  // request the old document was still making is cancelled by the browser (net::ERR_ABORTED):
  // the page moving on, not a problem of the page. Any other failure, then or later, counts.
  let navigating = false;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigating = true;
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigating = false;
  });
  page.on('requestfailed', (request) => {
    if (offOrigin.has(request.url())) return; // already reported, and we aborted it ourselves
    const reason = request.failure()?.errorText ?? 'unknown error';
    if (navigating && reason === 'net::ERR_ABORTED') return;
    problems.push({
      kind: 'request-failed',
      message: `${request.method()} ${request.url()}: ${reason}`,
    });
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    problems.push({
      kind: 'http-error',
      message: `${request.method()} ${response.url()}: HTTP ${response.status()}`,
    });
  });
  page.on('websocket', (socket) => {
    if (isOnOrigin(socket.url().replace(/^ws/, 'http'), origin)) return;
    problems.push({ kind: 'off-origin-request', message: `WebSocket ${socket.url()}` });
  });
  page.on('crash', () => {
    problems.push({ kind: 'crash', message: 'the page crashed' });
  });
}

export function formatProblems(problems: readonly PageProblem[]): string {
  return problems.map((problem) => `  - [${problem.kind}] ${problem.message}`).join('\n');
}

/** Fails with a readable list if the page logged an error, threw, or fetched what it shouldn't. */
export function expectNoPageProblems(watched: WatchedPage): void {
  if (watched.problems.length === 0) return;
  const count = watched.problems.length;
  throw new Error(
    `The page had ${count} problem${count === 1 ? '' : 's'}:\n${formatProblems(watched.problems)}`,
  );
}

/** Writes `test-results/screenshots/<name>` (`.png` added when missing); returns the path. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const fileName = name.endsWith('.png') ? name : `${name}.png`;
  if (fileName !== path.basename(fileName) || fileName.startsWith('.')) {
    throw new Error(`Screenshot name must be a plain file name, got ${JSON.stringify(name)}`);
  }
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, fileName);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}
