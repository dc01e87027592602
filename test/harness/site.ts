// The production build the browser tests, the bench and the scripts drive: built when asked,
// found (or a readable error), and copied with a manifest of other datasets when a run needs them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, link, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStaticServer } from './static-server.ts';
import type { StaticServer } from './static-server.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The site is served from a sub-path on purpose: the build must not assume it lives at `/`. */
export const SITE_BASE_PATH = '/vllm-dashboard/';

/** The build's folder, `dist` by default; a relative path is taken from the repository root. */
export function distDirOf(dist = 'dist'): string {
  return path.resolve(REPO_ROOT, dist);
}

/** `dir` as the repository names it (`dist`), for messages. */
export function shownPath(dir: string): string {
  return path.relative(REPO_ROOT, dir) || '.';
}

/** Fails with what to do when `distDir` holds no build. */
export function requireBuild(distDir: string, hint = 'run npm run build first'): void {
  if (existsSync(path.join(distDir, 'index.html'))) return;
  throw new Error(`${shownPath(distDir)}/index.html does not exist: ${hint}.`);
}

/** `npm run build` (typecheck, then Vite) in the repository, its output shown as it goes. */
export async function buildSite(): Promise<void> {
  const child = spawn('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${String(code)})`);
}

/**
 * The build's index.html without its first screen: the bundled runs `npm run build` renders into
 * #root (the page's last element) and the preloads of their files (the manifest's stays). A copy
 * with other datasets opens as the site does when its first screen does not fit, not showing the
 * bundled runs until the app has read its own, and fetching only the files it lists.
 */
export function withoutFirstScreen(html: string): string {
  return html
    .replace(/(<div id="root">)[\s\S]*?(<\/div>\s*<\/body>)/, '$1$2')
    .replace(/\s*<link rel="preload" href="\.\/data\/(?!manifest\.json")[^"]*"[^>]*>/g, '');
}

/** A dataset a copied site lists: its text, or a file to link (or copy) in. */
export type SiteDataset = { name: string; text: string } | { name: string; file: string };

/**
 * Copies the build to `siteDir` with `datasets` in its `data/` folder and only them in its
 * manifest, so the copy opens with those and not the bundled runs (nor their first screen).
 */
export async function copySite(
  distDir: string,
  siteDir: string,
  datasets: readonly SiteDataset[],
): Promise<void> {
  await cp(distDir, siteDir, { recursive: true });
  const page = path.join(siteDir, 'index.html');
  await writeFile(page, withoutFirstScreen(await readFile(page, 'utf8')));
  const dataDir = path.join(siteDir, 'data');
  await mkdir(dataDir, { recursive: true });
  for (const dataset of datasets) {
    const to = path.join(dataDir, dataset.name);
    if ('text' in dataset) {
      await writeFile(to, dataset.text);
      continue;
    }
    // Linked, not copied: the bench's largest sets are hundreds of MB.
    await link(dataset.file, to).catch(() => copyFile(dataset.file, to));
  }
  const manifest = { datasets: datasets.map((dataset) => dataset.name) };
  await writeFile(path.join(dataDir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
}

export interface ServedCopy {
  server: StaticServer;
  /** The copy's folder, removed by `close`. */
  root: string;
  /** Stops the server and removes the copy. */
  close: () => Promise<void>;
}

/** A copy of the build with `datasets` (see `copySite`) in a temp folder, served at the sub-path. */
export async function serveSiteCopy(
  distDir: string,
  datasets: readonly SiteDataset[],
): Promise<ServedCopy> {
  const tempDir = await mkdtemp(path.join(tmpdir(), 'vllm-dashboard-site-'));
  try {
    const root = path.join(tempDir, 'site');
    await copySite(distDir, root, datasets);
    const server = await startStaticServer({ root, basePath: SITE_BASE_PATH });
    return {
      server,
      root,
      close: async () => {
        await server.close();
        await rm(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}
