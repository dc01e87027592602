import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copySite, requireBuild, withoutFirstScreen } from './site.ts';

let temp: string;
let dist: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'site-test-'));
  dist = path.join(temp, 'dist');
  await mkdir(path.join(dist, 'data'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html>');
  await writeFile(path.join(dist, 'data', 'manifest.json'), '{"datasets":["bundled.json"]}');
  await writeFile(path.join(dist, 'data', 'bundled.json'), '{}');
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe('copySite', () => {
  it('copies the build with only the given datasets in its manifest, big ones linked', async () => {
    const big = path.join(temp, 'big.json');
    await writeFile(big, '{"serving": {}}');
    const site = path.join(temp, 'site');
    await copySite(dist, site, [
      { name: 'a.json', text: '{"latency": {}}' },
      { name: 'big.json', file: big },
    ]);
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toBe('<!doctype html>');
    expect(JSON.parse(await readFile(path.join(site, 'data', 'manifest.json'), 'utf8'))).toEqual({
      datasets: ['a.json', 'big.json'],
    });
    expect(await readFile(path.join(site, 'data', 'a.json'), 'utf8')).toBe('{"latency": {}}');
    expect((await stat(path.join(site, 'data', 'big.json'))).ino).toBe((await stat(big)).ino);
  });

  it('lists no datasets when given none', async () => {
    const site = path.join(temp, 'empty');
    await copySite(dist, site, []);
    expect(await readFile(path.join(site, 'data', 'manifest.json'), 'utf8')).toBe(
      '{"datasets":[]}\n',
    );
  });
});

describe('withoutFirstScreen', () => {
  it('empties #root and drops the bundled files\u2019 preloads, and changes nothing else', () => {
    const page = [
      '<head>',
      '    <link rel="preload" href="./data/manifest.json" as="fetch" crossorigin="anonymous" />',
      '    <link rel="preload" href="./data/nightly-8xH100.json" as="fetch" crossorigin="anonymous" />',
      '    <script src="./first-paint.js"></script>',
      '</head>',
      '  <body>',
      '    <div id="root"><div class="first-screen" inert><main><div><p>8×H100</p></div>',
      '<!--$!--><template></template><p>Loading charts…</p><!--/$--></main></div></div>',
      '  </body>',
    ].join('\n');
    expect(withoutFirstScreen(page)).toBe(
      [
        '<head>',
        '    <link rel="preload" href="./data/manifest.json" as="fetch" crossorigin="anonymous" />',
        '    <script src="./first-paint.js"></script>',
        '</head>',
        '  <body>',
        '    <div id="root"></div>',
        '  </body>',
      ].join('\n'),
    );
    const empty = '<body>\n    <div id="root"></div>\n  </body>';
    expect(withoutFirstScreen(empty)).toBe(empty);
  });

  it('is applied to every copy: a copy with other datasets has no first screen', async () => {
    await writeFile(
      path.join(dist, 'index.html'),
      '<body><div id="root"><div class="first-screen" inert><p>bundled</p></div></div></body>',
    );
    const site = path.join(temp, 'site');
    await copySite(dist, site, []);
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toBe(
      '<body><div id="root"></div></body>',
    );
  });
});

describe('requireBuild', () => {
  it('passes for a build and says what to do without one', async () => {
    expect(() => {
      requireBuild(dist);
    }).not.toThrow();
    await rm(path.join(dist, 'index.html'));
    expect(() => {
      requireBuild(dist, 'run npm run build first');
    }).toThrow(/index\.html does not exist: run npm run build first/);
  });
});
