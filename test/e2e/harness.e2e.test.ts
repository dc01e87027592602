// Tests of the browser-test harness itself, against a throwaway site it writes to a temp directory:
// the static server, the problem collector and the screenshot helper. Needs Chromium, not dist/.
import { request } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { launchChromium } from '../harness/chromium.ts';
import { showsValue } from './numbers.ts';
import { MIME_TYPES, startStaticServer } from '../harness/static-server.ts';
import type { StaticServer } from '../harness/static-server.ts';

const BASE_PATH = '/vllm-dashboard/';

const CLEAN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>clean</title>
<link rel="icon" href="data:,"><script type="module" src="./assets/app.js"></script></head>
<body><h1>loading</h1></body></html>`;

const APP_JS = `const data = await (await fetch('./data/run.json')).json();
document.querySelector('h1').textContent = 'loaded ' + data.name;`;

const BAD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bad</title><link rel="icon" href="data:,"></head>
<body><h1>bad</h1><script>
console.error('deliberate console error');
fetch('http://example.invalid/').catch(() => {});
fetch('./missing.json').catch(() => {});
setTimeout(() => { throw new Error('deliberate page error'); });
</script></body></html>`;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent byte for byte (fetch would normalize `..` away first). */
function rawGet(server: StaticServer, rawPath: string, method = 'GET'): Promise<RawResponse> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let tempDir: string | undefined;
let server: StaticServer | undefined;

function site(): StaticServer {
  if (!server) throw new Error('the static server did not start (see the beforeAll error)');
  return server;
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'vllm-e2e-harness-'));
  const root = path.join(tempDir, 'site');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(path.join(root, 'data'), { recursive: true });
  await mkdir(path.join(root, 'sub'), { recursive: true });
  await writeFile(path.join(tempDir, 'secret.txt'), 'outside the site');
  await writeFile(path.join(root, 'index.html'), CLEAN_PAGE);
  await writeFile(path.join(root, 'bad.html'), BAD_PAGE);
  await writeFile(path.join(root, 'assets', 'app.js'), APP_JS);
  await writeFile(path.join(root, 'data', 'run.json'), JSON.stringify({ name: 'run' }));
  await writeFile(path.join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  for (const ext of Object.keys(MIME_TYPES)) await writeFile(path.join(root, `file${ext}`), 'x');
  server = await startStaticServer({ root, basePath: BASE_PATH });
});

afterAll(async () => {
  await server?.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe('the static server', () => {
  it('serves the site under the sub-path, and nothing outside it', async () => {
    expect(site().baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/vllm-dashboard\/$/);
    const index = await rawGet(site(), BASE_PATH);
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toBe(CLEAN_PAGE);
    expect((await rawGet(site(), '/')).status).toBe(404);
    expect((await rawGet(site(), '/index.html')).status).toBe(404);
    expect((await rawGet(site(), '/vllm-dashboard-other/')).status).toBe(404);
  });

  it('redirects the bare sub-path and directories to their slash form', async () => {
    const bare = await rawGet(site(), '/vllm-dashboard');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/vllm-dashboard/');
    expect((await rawGet(site(), '/vllm-dashboard?x=1')).headers.location).toBe(
      '/vllm-dashboard/?x=1',
    );
    const dir = await rawGet(site(), '/vllm-dashboard/sub');
    expect(dir.status).toBe(301);
    expect(dir.headers.location).toBe('/vllm-dashboard/sub/');
    expect((await rawGet(site(), '/vllm-dashboard/sub/')).status).toBe(200);
  });

  it.each(Object.entries(MIME_TYPES))('serves %s as %s', async (ext, type) => {
    const response = await rawGet(site(), `${BASE_PATH}file${ext}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
  });

  it('answers 404 for missing files', async () => {
    expect((await rawGet(site(), `${BASE_PATH}missing.js`)).status).toBe(404);
    expect((await rawGet(site(), `${BASE_PATH}data/missing.json`)).status).toBe(404);
  });

  it.each([
    '/vllm-dashboard/../secret.txt',
    '/vllm-dashboard/%2e%2e/secret.txt',
    '/vllm-dashboard/..%2fsecret.txt',
    '/vllm-dashboard/..%5csecret.txt',
    '/vllm-dashboard/%2fetc%2fpasswd',
    '/vllm-dashboard//etc/passwd',
    '/vllm-dashboard/sub/..%2f..%2fsecret.txt',
  ])('never lets %s out of the site', async (rawPath) => {
    const response = await rawGet(site(), rawPath);
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain('outside the site');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawGet(site(), BASE_PATH, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await rawGet(site(), BASE_PATH, 'POST')).status).toBe(405);
  });
});

describe('showsValue', () => {
  it('reads numbers as printed, with 2+ decimals and optional thousands separators', () => {
    expect(showsValue('1,046.91', 1046.9095)).toBe(true);
    expect(showsValue('1046.91 ms', 1046.9095)).toBe(true);
    expect(showsValue('1046.910', 1046.9095)).toBe(true);
    expect(showsValue('28.83', 28.8288)).toBe(true);
    expect(showsValue('28.829', 28.8288)).toBe(true);
    expect(showsValue('1046.9', 1046.9095)).toBe(false);
    expect(showsValue('1,046.92', 1046.9095)).toBe(false);
    expect(showsValue('28.82', 28.8288)).toBe(false);
    expect(showsValue('—', 12.3242)).toBe(false);
  });
});

describe('the browser helpers', () => {
  let launched: Browser | undefined;
  const browser = (): Browser => {
    if (!launched) throw new Error('Chromium did not start (see the beforeAll error)');
    return launched;
  };
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('load a page with relative assets and data from the sub-path, with no problems', async () => {
    const watched = await openPage(browser(), site().baseUrl);
    try {
      await watched.page.goto(watched.baseUrl);
      await watched.page.getByRole('heading', { name: 'loaded run' }).waitFor();
      await watched.page.waitForLoadState('networkidle');
      expect(watched.problems).toEqual([]);
      expectNoPageProblems(watched);

      const file = await screenshot(watched.page, 'harness-self-test');
      expect(path.basename(file)).toBe('harness-self-test.png');
      const png = await readFile(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    } finally {
      await watched.close();
    }
  });

  it('catch console errors, page errors, failed and off-origin requests', async () => {
    const watched = await openPage(browser(), site().baseUrl);
    try {
      await watched.page.goto(`${watched.baseUrl}bad.html`);
      const messages = (): string => watched.problems.map((problem) => problem.message).join('\n');
      const kinds = (): string[] => [...new Set(watched.problems.map((problem) => problem.kind))];
      await expect
        .poll(kinds)
        .toEqual(
          expect.arrayContaining([
            'console-error',
            'http-error',
            'off-origin-request',
            'page-error',
          ]),
        );
      // The blocked request is reported once, not again as failed or as Chromium's console line.
      expect(kinds()).not.toContain('request-failed');
      expect(messages()).not.toContain('ERR_BLOCKED_BY_CLIENT');
      expect(messages()).toContain('deliberate console error');
      expect(messages()).toContain('deliberate page error');
      expect(messages()).toContain('GET http://example.invalid/ (fetch; blocked)');
      expect(messages()).toMatch(/missing\.json: HTTP 404/);
      expect(() => {
        expectNoPageProblems(watched);
      }).toThrow(/^The page had \d+ problems:\n {2}- \[console-error\] deliberate console error/);
    } finally {
      await watched.close();
    }
  });
});
