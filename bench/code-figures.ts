// The source's own figures, read from src/ as text: pairs of duplicated places (the `duplicates`
// command, where it is installed), imports from one feature into another, and files over 400
// lines. Nothing here runs the app.
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

/** A source file longer than this many lines is one to split. */
export const LONG_FILE_LINES = 400;

export interface SourceFile {
  /** Relative to the repository, with `/` (`src/features/charts/latency-chart.tsx`). */
  path: string;
  text: string;
}

export interface FeatureImport {
  file: string;
  specifier: string;
  /** The importing file's feature and the one the specifier resolves into. */
  from: string;
  to: string;
}

export interface LongFile {
  path: string;
  lines: number;
}

export type DuplicatesFigure =
  { available: true; pairs: number; firstLine: string } | { available: false; why: string };

export interface CodeFigures {
  duplicates: DuplicatesFigure;
  featureImports: FeatureImport[];
  longFiles: LongFile[];
  /** How many src/**\/*.ts(x) files were read. */
  sourceFiles: number;
}

/**
 * The pair count in `duplicates`' first line: `26 pairs of places (…)` → 26, `1 pair of places`
 * → 1, `no duplicates (…)` → 0; null for anything else.
 */
export function parseDuplicatesCount(output: string): number | null {
  const first = output.split('\n', 1)[0]?.trim() ?? '';
  if (/^no duplicates\b/i.test(first)) return 0;
  const match = /^(\d[\d,]*) pairs? of places\b/i.exec(first);
  return match?.[1] === undefined ? null : Number(match[1].replace(/,/g, ''));
}

/** Lines as an editor numbers them: a final newline ends the last line, it does not start one. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** `src/features/<name>/…` → name; null outside a feature's folder. */
export function featureOf(file: string): string | null {
  return /^src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
}

/** Every module a file names: imports, `export … from`, side-effect and dynamic imports. */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** Each import in a feature's file that resolves into another feature's folder. */
export function featureImports(files: readonly SourceFile[]): FeatureImport[] {
  const found: FeatureImport[] = [];
  for (const file of files) {
    const from = featureOf(file.path);
    if (from === null) continue;
    for (const specifier of importSpecifiers(file.text)) {
      if (!specifier.startsWith('.')) continue; // a package, not a file of ours
      const resolved = path.posix.join(path.posix.dirname(file.path), specifier);
      const to = featureOf(resolved);
      if (to !== null && to !== from) found.push({ file: file.path, specifier, from, to });
    }
  }
  return found;
}

/** The files over `limit` lines, longest first. */
export function longFiles(files: readonly SourceFile[], limit = LONG_FILE_LINES): LongFile[] {
  return files
    .map((file) => ({ path: file.path, lines: lineCount(file.text) }))
    .filter((file) => file.lines > limit)
    .sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path));
}

/** src/**\/*.ts and *.tsx under `root`, read. */
async function sourceFiles(root: string): Promise<SourceFile[]> {
  const names = await readdir(path.join(root, 'src'), { recursive: true });
  const wanted = names.filter((name) => /\.tsx?$/.test(name)).sort();
  return Promise.all(
    wanted.map(async (name) => ({
      path: ['src', ...name.split(path.sep)].join('/'),
      text: await readFile(path.join(root, 'src', name), 'utf8'),
    })),
  );
}

/** `duplicates --repo src` in `root`, or why it could not run. */
function runDuplicates(root: string): Promise<DuplicatesFigure> {
  return new Promise((resolve) => {
    execFile(
      'duplicates',
      ['--repo', 'src'],
      { cwd: root, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        if (error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          resolve({ available: false, why: 'not available (no `duplicates` command on PATH)' });
          return;
        }
        const pairs = parseDuplicatesCount(stdout);
        const firstLine = stdout.split('\n', 1)[0] ?? '';
        if (pairs === null) {
          const reason = error === null ? `unexpected output: ${firstLine}` : error.message;
          resolve({ available: false, why: `duplicates failed: ${reason}` });
          return;
        }
        resolve({ available: true, pairs, firstLine });
      },
    );
  });
}

/** The three figures for the repository at `root`. */
export async function measureCodeFigures(root: string): Promise<CodeFigures> {
  const [files, duplicates] = await Promise.all([sourceFiles(root), runDuplicates(root)]);
  return {
    duplicates,
    featureImports: featureImports(files),
    longFiles: longFiles(files),
    sourceFiles: files.length,
  };
}
