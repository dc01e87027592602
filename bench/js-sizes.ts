// The build's JavaScript: raw and gzip bytes of every chunk, what index.html loads up front, and
// the charts' size targets against them.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmtBytes } from './format.ts';

// The charts issue's targets for the build's JS (gzip, 1 kB = 1,000 B).
export const JS_TARGETS = { initialJsGzip: 150_000, allJsGzip: 300_000 };
const RECHARTS_MARKER = 'recharts';

export interface JsFile {
  file: string;
  raw: number;
  gzip: number;
}

export interface JsSizes {
  dist: string;
  files: JsFile[];
  total: { raw: number; gzip: number };
  initial: {
    entry: string[];
    modulepreload: string[];
    files: string[];
    raw: number;
    gzip: number;
  };
}

export interface Verdict {
  what: string;
  value: string;
  target: string;
  pass: boolean;
}

export interface ChartJsChecks {
  marker: string;
  entry: string[];
  entryGzip: number;
  initialGzip: number;
  allGzip: number;
  rechartsInEntry: boolean;
  rechartsInInitial: boolean;
  rechartsIn: string[];
  verdicts: Verdict[];
}

function staticImportsOf(code: string): string[] {
  const found = new Set<string>();
  const pattern =
    /\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']|\bimport\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) {
    const spec = match[1] ?? match[2];
    if (spec !== undefined) found.add(spec);
  }
  return [...found];
}

const sum = (list: readonly JsFile[], key: 'raw' | 'gzip'): number =>
  list.reduce((total, item) => total + item[key], 0);

/** Raw and gzip bytes of every dist/assets/*.js, and of what index.html loads up front. */
export async function jsSizes(distDir: string, dist: string): Promise<JsSizes> {
  const assetsDir = path.join(distDir, 'assets');
  const names = (await readdir(assetsDir)).filter((name) => name.endsWith('.js')).sort();
  const files = new Map<string, JsFile>();
  for (const name of names) {
    const body = await readFile(path.join(assetsDir, name));
    files.set(`assets/${name}`, {
      file: `assets/${name}`,
      raw: body.length,
      gzip: gzipSync(body).length,
    });
  }
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const toSitePath = (href: string): string => path.posix.normalize(href.replace(/^\.?\//, ''));
  const hrefs = (pattern: RegExp): string[] =>
    [...html.matchAll(pattern)].flatMap((m) => (m[1] === undefined ? [] : [toSitePath(m[1])]));
  const entries = hrefs(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g);
  const preloads = hrefs(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g);
  // Also follow static imports from the entry, in case a preload link is missing.
  const initial = new Set([...entries, ...preloads]);
  const queue = [...initial];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (!files.has(file)) continue;
    const code = await readFile(path.join(distDir, file), 'utf8');
    for (const spec of staticImportsOf(code)) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      if (!initial.has(resolved)) {
        initial.add(resolved);
        queue.push(resolved);
      }
    }
  }
  const all = [...files.values()];
  const initialFiles = [...initial].flatMap((file) => files.get(file) ?? []);
  return {
    dist,
    files: all,
    total: { raw: sum(all, 'raw'), gzip: sum(all, 'gzip') },
    initial: {
      entry: entries,
      modulepreload: preloads,
      files: initialFiles.map((item) => item.file),
      raw: sum(initialFiles, 'raw'),
      gzip: sum(initialFiles, 'gzip'),
    },
  };
}

export function printJsSizes(sizes: JsSizes): void {
  console.log(`\nBuild JS (${sizes.dist}/assets/*.js)`);
  const width = Math.max(...sizes.files.map((f) => f.file.length), 'total'.length);
  for (const f of sizes.files) {
    const initial = sizes.initial.files.includes(f.file) ? '  (initial)' : '';
    console.log(
      `  ${f.file.padEnd(width)}  ${fmtBytes(f.raw).padStart(9)} raw  ${fmtBytes(f.gzip).padStart(9)} gzip${initial}`,
    );
  }
  console.log(
    `  ${'total'.padEnd(width)}  ${fmtBytes(sizes.total.raw).padStart(9)} raw  ${fmtBytes(sizes.total.gzip).padStart(9)} gzip`,
  );
  console.log(
    `  initial JS gzip: ${fmtBytes(sizes.initial.gzip)} (${fmtBytes(sizes.initial.raw)} raw) — ` +
      `entry ${sizes.initial.entry.join(', ') || 'none found'}; ` +
      `modulepreload ${sizes.initial.modulepreload.length === 0 ? 'none' : sizes.initial.modulepreload.join(', ')}`,
  );
}

/** The build's JS against the charts' targets, and which chunks hold recharts. */
export async function chartJsChecks(distDir: string, sizes: JsSizes): Promise<ChartJsChecks> {
  const holdsRecharts = async (file: string): Promise<boolean> =>
    (await readFile(path.join(distDir, file), 'utf8')).includes(RECHARTS_MARKER);
  const entryFiles = sizes.files.filter((f) => sizes.initial.entry.includes(f.file));
  const rechartsIn: string[] = [];
  for (const f of sizes.files) if (await holdsRecharts(f.file)) rechartsIn.push(f.file);
  return {
    marker: RECHARTS_MARKER,
    entry: entryFiles.map((f) => f.file),
    entryGzip: sum(entryFiles, 'gzip'),
    initialGzip: sizes.initial.gzip,
    allGzip: sizes.total.gzip,
    rechartsInEntry: entryFiles.some((f) => rechartsIn.includes(f.file)),
    rechartsInInitial: rechartsIn.some((file) => sizes.initial.files.includes(file)),
    rechartsIn,
    verdicts: [
      {
        what: 'initial JS (entry + modulepreloads + static imports)',
        value: fmtBytes(sizes.initial.gzip),
        target: `≤ ${fmtBytes(JS_TARGETS.initialJsGzip)} gzip`,
        pass: sizes.initial.gzip <= JS_TARGETS.initialJsGzip,
      },
      {
        what: 'all JS',
        value: fmtBytes(sizes.total.gzip),
        target: `≤ ${fmtBytes(JS_TARGETS.allJsGzip)} gzip`,
        pass: sizes.total.gzip <= JS_TARGETS.allJsGzip,
      },
    ],
  };
}

export function printChartJs(checks: ChartJsChecks): void {
  console.log('\nBuild JS against the charts targets (gzip)');
  console.log(
    `  entry chunk ${checks.entry.join(', ') || 'none found'}: ${fmtBytes(checks.entryGzip)}`,
  );
  for (const v of checks.verdicts) {
    console.log(`  ${v.what}: ${v.value} ${v.pass ? 'PASS' : 'FAIL'} (target ${v.target})`);
  }
  console.log(
    `  recharts in the entry chunk: ${checks.rechartsInEntry ? 'YES' : 'no'}; ` +
      `in the initial JS: ${checks.rechartsInInitial ? 'YES' : 'no'} ` +
      `(chunks containing '${checks.marker}': ${checks.rechartsIn.join(', ') || 'none'})`,
  );
}
