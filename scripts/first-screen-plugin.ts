import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';

/** What the prerender module (src/prerender.tsx) exports, as this plugin calls it. */
interface PrerenderModule {
  renderFirstScreen: (
    readSiteFile: (path: string) => Promise<string>,
  ) => Promise<{ ok: true; markup: string } | { ok: false; reason: string }>;
}

const ROOT = '<div id="root"></div>';
const FIRST_SCREEN = '<div class="first-screen" inert aria-hidden="true">';
/** public/first-paint.js's tag, as Vite leaves it. */
const FIRST_PAINT = /<script\s+src="\.\/first-paint\.js"><\/script>/;

/** Whether rendered HTML has a `style` attribute (a style-src 'self' policy refuses them). */
export function hasStyleAttribute(markup: string): boolean {
  // React escapes `<` and `>` in text and attribute values: a `<…>` run is one tag.
  return /<[^>]*\sstyle\s*=/i.test(markup);
}

const MANIFEST_PRELOAD =
  '<link rel="preload" href="./data/manifest.json" as="fetch" crossorigin="anonymous" />';

/** A preload of a file of the site the page fetches (same mode and credentials as its fetch). */
function preload(sitePath: string): string {
  return `<link rel="preload" href="./${encodeURI(sitePath)}" as="fetch" crossorigin="anonymous" />`;
}

/**
 * The markup without the hooks tests and tools find the app's elements by: test ids (the file
 * input they set files on) and the rows' `aria-rowindex` (what they count to know the tables
 * are filled). Whatever waits for those gets the app, never the first screen it is about to
 * replace, which does nothing and is hidden from assistive technology, where a row index means
 * nothing.
 */
export function withoutTestHooks(markup: string): string {
  return markup.replace(/\s(?:data-testid|aria-rowindex)="[^"]*"/g, '');
}

/**
 * index.html with the first screen in #root, inert and hidden from assistive technology (what it
 * shows works once the app has taken over, and is read then; src/first-screen.ts names its
 * class), without the hooks tests find the app by; public/first-paint.js moved to the end of <head>
 * (the parser waits for it, so the stylesheet and the app's script, before it, are requested
 * first, and it settles the first screen as the parser inserts it); and a preload of each bundled
 * file next to the manifest's, so they are in when the app asks for them (`dataFiles`: their paths
 * in the site, `data/nightly-8xH100.json`).
 */
export function withFirstScreen(
  html: string,
  markup: string,
  dataFiles: readonly string[] = [],
): string {
  if (!html.includes(ROOT)) throw new Error(`index.html has no ${ROOT} to put the first screen in`);
  const boot = FIRST_PAINT.exec(html)?.[0];
  if (boot === undefined) throw new Error('index.html has no script tag of ./first-paint.js');
  if (!html.includes(MANIFEST_PRELOAD))
    throw new Error('index.html has no preload of the manifest');
  const preloads = dataFiles.map((file) => `\n    ${preload(file)}`).join('');
  return html
    .replace(boot, '')
    .replace('</head>', () => `  ${boot}\n  </head>`)
    .replace(MANIFEST_PRELOAD, () => MANIFEST_PRELOAD + preloads)
    .replace(ROOT, () => `<div id="root">${FIRST_SCREEN}${withoutTestHooks(markup)}</div></div>`);
}

/** Reads a file of the site as the page's fetch does: UTF-8, without a byte-order mark. */
async function readSiteFile(publicDir: string, sitePath: string): Promise<string> {
  const text = await readFile(path.join(publicDir, sitePath), 'utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

type Rendered = { ok: true; markup: string; dataFiles: string[] } | { ok: false; reason: string };

/**
 * Renders the first screen in Node: the prerender module loaded through Vite, as the page's, with
 * the bundled files it read (the manifest aside), in the order it asked for them.
 */
async function render(config: ResolvedConfig, entry: string): Promise<Rendered> {
  const server = await createServer({
    root: config.root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const module = (await server.ssrLoadModule(entry)) as PrerenderModule;
    const read: string[] = [];
    const result = await module.renderFirstScreen((sitePath) => {
      read.push(sitePath);
      return readSiteFile(config.publicDir, sitePath);
    });
    if (!result.ok) return result;
    const dataFiles = read.filter((sitePath) => sitePath !== 'data/manifest.json');
    return { ok: true, markup: result.markup, dataFiles };
  } finally {
    await server.close();
  }
}

/**
 * Builds the page's first screen into index.html: the dashboard with its bundled runs (public/data),
 * rendered by react-dom/server from `entry` (src/prerender.tsx) while the site is bundled. A first
 * screen that cannot be built (the bundled runs do not load, or it would need style attributes)
 * is left out with a warning, and the page renders as it would without one.
 */
export function firstScreenPlugin(options: { entry: string }): Plugin {
  let config: ResolvedConfig | undefined;
  let rendering: ReturnType<typeof render> | undefined;
  return {
    name: 'dashboard-first-screen',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      if (config === undefined) throw new Error('the first screen needs the resolved config');
      rendering = render(config, options.entry);
      // Awaited (and its failure reported) when the page is written.
      rendering.catch(() => undefined);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (config === undefined || rendering === undefined) {
          throw new Error('the first screen was not started with the build');
        }
        const rendered = await rendering;
        let reason = rendered.ok ? null : rendered.reason;
        if (rendered.ok && hasStyleAttribute(rendered.markup)) {
          reason = 'it would need style attributes, which the Content-Security-Policy refuses';
        }
        if (!rendered.ok || reason !== null) {
          config.logger.warn(`The page is built without its first screen: ${reason ?? ''}.`);
          return html;
        }
        return withFirstScreen(html, rendered.markup, rendered.dataFiles);
      },
    },
  };
}
