// The per-part lines of the summary's own parts: the million-result pick, the first visit, and
// the source's figures (what each counted).
import type { CodeFigures } from './code-figures.ts';
import type { FirstRowResult } from './first-row.ts';
import { fmtInt, fmtMs } from './format.ts';
import type { Stats } from './format.ts';
import type { LargePickResult } from './large-pick.ts';

const ms = (value: Stats): string =>
  value.n === 1
    ? `${fmtMs(value.median)} ms`
    : `${fmtMs(value.median)} ms (${fmtMs(value.min)}–${fmtMs(value.max)}, ${value.n} samples)`;

export function printLargePick(result: LargePickResult): void {
  console.log(`\n${fmtInt(result.results)} results (${result.files} files) picked at once`);
  if (!result.ok) {
    console.log(`  n/a: ${result.error}`);
    return;
  }
  console.log(`  a row and the filters painted: ${ms(result.rowsAndFilters)}`);
  console.log(`  every chart drawn: ${ms(result.charts)}`);
  console.log(`  longest main-thread task until then: ${ms(result.longestTaskToCharts)}`);
  for (const [i, sample] of result.samples.entries()) {
    console.log(
      `  #${i + 1} long tasks to the charts: ${sample.longTasksToCharts.map((t) => Math.round(t)).join(', ') || 'none'} ms`,
    );
  }
  if (result.problems.length > 0) console.log(`  page problems: ${result.problems.join('; ')}`);
}

export function printFirstRow(result: FirstRowResult): void {
  console.log('\nFirst table row after navigation (the default build, a fresh context each time)');
  if (!result.ok) {
    console.log(`  n/a: ${result.error}`);
    return;
  }
  console.log(`  painted: ${ms(result.painted)} from navigation start`);
  console.log(
    `  each: ${result.samples.map((sample) => `${fmtMs(sample.paintedMs)} ms`).join(', ')}`,
  );
  if (result.problems.length > 0) console.log(`  page problems: ${result.problems.join('; ')}`);
}

export function printCode(code: CodeFigures): void {
  console.log(`\nThe source (${code.sourceFiles} files in src/**/*.ts, *.tsx)`);
  console.log(
    `  duplicates --repo src: ${code.duplicates.available ? code.duplicates.firstLine : code.duplicates.why}`,
  );
  console.log(`  feature → feature imports: ${code.featureImports.length}`);
  for (const found of code.featureImports) {
    console.log(`    ${found.file}: '${found.specifier}' (${found.from} → ${found.to})`);
  }
  console.log(`  files over 400 lines: ${code.longFiles.length}`);
  for (const file of code.longFiles) console.log(`    ${file.path}: ${fmtInt(file.lines)} lines`);
}
