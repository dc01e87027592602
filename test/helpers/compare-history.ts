/**
 * Histories the compare tests judge by: runs of one series as the engine reads them, and dated
 * runs to load. Functions, so each test builds its own.
 */
import type { CompareHistory } from '../../src/data/compare/compare-history';
import type { UsableRun } from '../../src/data/regression/series-input';
import type { BenchmarkResult, Dataset } from '../../src/data/results/result-model';

/** `2026-09-01` and the days after it: the date of night `index` (from 0). */
export function nightDate(index: number): string {
  return `2026-09-${String(index + 1).padStart(2, '0')}`;
}

/** `count` values going through `cycle` in turn: alternating([100, 101], 4) is 100 101 100 101. */
export function alternating(cycle: readonly number[], count: number): number[] {
  return Array.from({ length: count }, (_, i) => cycle[i % cycle.length] ?? Number.NaN);
}

/** One usable run a night from 2026-09-01 (so at most 30), with these values. */
export function usableNights(values: readonly number[]): UsableRun[] {
  return values.map((value, index) => ({
    index,
    date: nightDate(index),
    commit: null,
    value,
    log: Math.log(value),
  }));
}

/** A history that gives the pairs whose baseline has a listed QPS these runs, others none. */
export function historyByQps(
  runs: ReadonlyMap<number | null, readonly UsableRun[]>,
): CompareHistory {
  return {
    of: (baseline) => {
      const found = runs.get(baseline.qps);
      return found === undefined ? null : () => found;
    },
  };
}

/** A loaded run with these results, dated when a date is given. */
export function datedRun(
  id: string,
  date: string | null,
  results: readonly BenchmarkResult[],
): Dataset {
  return {
    id,
    label: id,
    source: { kind: 'file', name: `${id}.json` },
    format: { id: 'vllm-records-json', label: 'records' },
    results,
    warnings: [],
    ...(date === null ? {} : { meta: { date } }),
  };
}
