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

const enginesOf = new WeakMap<readonly BenchmarkResult[], readonly string[]>();

/**
 * The engines of some results, each once in first-seen order (`Not stated` for none); worked out
 * once per results array, as the Datasets panel asks on every render.
 */
export function distinctEngines(results: readonly BenchmarkResult[]): readonly string[] {
  let engines = enginesOf.get(results);
  if (engines === undefined) {
    const seen = new Set<string | null>();
    for (const result of results) seen.add(result.engine);
    engines = [...seen].map((engine) => engine ?? ENGINE_NOT_STATED);
    enginesOf.set(results, engines);
  }
  return engines;
}
