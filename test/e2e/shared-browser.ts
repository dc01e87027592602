// One Chromium per test file: launched before its tests, closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../harness/chromium.ts';

/** Registers the launch and the close; returns the browser, or throws if it did not start. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start (see the beforeAll error)');
    return browser;
  };
}
