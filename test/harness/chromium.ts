// Headless Chromium for the browser tests, the bench and the scripts: the system's Chromium through
// playwright-core (`$CHROME_PATH`, default Debian's /usr/bin/chromium). No browser is ever
// downloaded.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Quiet and reproducible: no GPU, no sandbox (containers), nothing fetched in the background. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchOptions {
  /** Added after the common arguments (`--js-flags=…`, `--remote-debugging-port=…`). */
  args?: readonly string[];
}

/** Fails with what to do when Chromium is not where `CHROME_PATH` says. */
export function requireChromium(): void {
  if (existsSync(CHROME_PATH)) return;
  throw new Error(
    `Chromium not found at ${CHROME_PATH}. Install Debian's chromium ` +
      '(apt-get install -y chromium) or point CHROME_PATH at a Chromium/Chrome binary.',
  );
}

/** Launches headless Chromium with the common arguments and `options.args`. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    headless: true,
  });
}

/** A port free on 127.0.0.1 right now, for a DevTools endpoint that another tool connects to. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}
