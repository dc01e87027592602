// The explorer's figures against their targets, printed as a table.
import { fmtInt, fmtMs } from './format.ts';
import type { SizeRow } from './explorer.ts';
import type { Verdict } from './js-sizes.ts';
import { SUMMARY_TARGETS } from './summary-rows.ts';

export const TARGETS = {
  // The summary's filter targets, so both tables judge the figure alike; sort keeps its own.
  filterMs: SUMMARY_TARGETS.filterMs as Readonly<Record<number, number>>,
  sortMs: { 100_000: 100, 1_000_000: 500 } as Readonly<Record<number, number>>,
  bytesPerResult: 300,
};

type Measure = 'load' | 'memory' | 'filter' | 'sort' | 'lastRow' | 'baseline';
const MEASURES: readonly Measure[] = ['load', 'memory', 'filter', 'sort', 'lastRow', 'baseline'];

/**
 * Each figure against its target, where this size has one (paint targets at 100k and 1M,
 * bytes/result from 100k, last row at 1M and above).
 */
export function verdictsFor(r: SizeRow): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const [measure, what, target] of [
    [r.filter, 'filter→paint', TARGETS.filterMs[r.results]],
    [r.sort, 'sort→paint', TARGETS.sortMs[r.results]],
  ] as const) {
    if (target !== undefined && measure?.ok) {
      verdicts.push({
        what,
        value: `${fmtMs(measure.median)} ms`,
        target: `≤ ${target} ms`,
        pass: measure.median <= target,
      });
    }
  }
  // Per-result memory is judged at scale, where fixed costs (the app, the first screen) no longer
  // dominate; smaller sizes still report the figure.
  if (r.memory?.ok && r.results >= 100_000) {
    verdicts.push({
      what: 'memory',
      value: `${r.memory.bytesPerResult.toFixed(0)} bytes/result`,
      target: `≤ ${TARGETS.bytesPerResult} bytes/result`,
      pass: r.memory.bytesPerResult <= TARGETS.bytesPerResult,
    });
  }
  if (r.lastRow?.ok && r.results >= 1_000_000) {
    verdicts.push({
      what: 'last row',
      value: r.lastRow.reachable ? 'reachable' : 'not reachable',
      target: 'reachable',
      pass: r.lastRow.reachable,
    });
  }
  return verdicts;
}

function cell<T>(
  measure: ({ ok: true } & T) | { ok: false } | undefined,
  value: (m: T) => string,
): string {
  if (!measure) return 'n/a';
  if (!measure.ok) return 'n/a*';
  return value(measure);
}

export function printTable(rows: readonly SizeRow[]): void {
  const header = [
    'results',
    'load ms',
    'filter→paint ms',
    'sort→paint ms',
    'bytes/result',
    'base filter ms',
    'base sort ms',
    'last row',
  ];
  const lines = rows.map((r) => [
    fmtInt(r.results),
    r.load?.ok ? fmtMs(r.load.ms) : 'FAILED',
    cell(r.filter, (m) => fmtMs(m.median)),
    cell(r.sort, (m) => fmtMs(m.median)),
    cell(r.memory, (m) => m.bytesPerResult.toFixed(0)),
    cell(r.baseline, (m) => fmtMs(m.filterMs.median)),
    cell(r.baseline, (m) => fmtMs(m.sortMs.median)),
    cell(r.lastRow, (m) => (m.reachable ? 'yes' : 'NO')),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const format = (line: readonly string[]): string =>
    line.map((text, i) => text.padStart(widths[i] ?? 0)).join('  ');
  console.log(
    '\nResults explorer at scale (medians; min–max and samples in bench/results/explorer.json)',
  );
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  console.log(
    `\nTargets: filter→paint ≤ ${TARGETS.filterMs[100_000] ?? NaN} ms at 100k and ≤ ${TARGETS.filterMs[1_000_000] ?? NaN} ms at 1M; ` +
      `sort→paint ≤ ${TARGETS.sortMs[100_000] ?? NaN} ms at 100k and ≤ ${TARGETS.sortMs[1_000_000] ?? NaN} ms at 1M; ` +
      `≤ ${TARGETS.bytesPerResult} bytes/result from 100k; last row reachable at 1M.`,
  );
  for (const r of rows) {
    const verdicts = verdictsFor(r).map(
      (v) => `${v.what} ${v.value} ${v.pass ? 'PASS' : 'FAIL'} (target ${v.target})`,
    );
    if (verdicts.length > 0) console.log(`  ${fmtInt(r.results)}: ${verdicts.join('; ')}`);
  }
  const failures = rows.flatMap((r) =>
    MEASURES.flatMap((key) => {
      const measure = r[key];
      return measure && !measure.ok ? [`  ${fmtInt(r.results)} ${key}: ${measure.error}`] : [];
    }),
  );
  if (failures.length > 0) {
    console.log('\n* n/a because:');
    for (const line of failures) console.log(line);
  }
}
