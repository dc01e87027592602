/**
 * Where a dataset's numbers came from, for people: the file, the format and engines it was read
 * as, and per metric the source key, unit conversion or formula its reader recorded.
 */
import { metricHeader } from '../format';
import { ENGINE_NOT_STATED } from './filter-groups';
import type { BenchmarkResult, ResultsMeta } from './result-model';

export interface MetricSource {
  /** The metric's column header (`Median TTFT (ms)`). */
  readonly metric: string;
  /** Its source key and conversion or formula, as the reader recorded it. */
  readonly source: string;
}

/** A dataset's recorded metric sources, in the order the reader recorded them. */
export function metricSources(meta: ResultsMeta | undefined): MetricSource[] {
  const sources = meta?.sources;
  if (sources === undefined) return [];
  return Object.keys(sources).map((key) => ({
    metric: metricHeader(key),
    source: sources[key] ?? '',
  }));
}

/** The engines of some results, each once in first-seen order (`Not stated` for none). */
export function distinctEngines(results: readonly BenchmarkResult[]): string[] {
  const seen = new Set<string | null>();
  for (const result of results) seen.add(result.engine);
  return [...seen].map((engine) => engine ?? ENGINE_NOT_STATED);
}
