/**
 * Where a dataset's numbers came from, for people: the file, the format and engines it was read
 * as, and per metric the source key, unit conversion or formula its reader recorded.
 */
import { metricHeader } from '../format';
import { ENGINE_NOT_STATED } from './filter-groups';
import { NONE } from './result-columns';
import {
  datasetColumns,
  resultsOf,
  type BenchmarkResult,
  type Dataset,
  type ResultList,
  type ResultsMeta,
} from './result-model';

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

const enginesOf = new WeakMap<ResultList, readonly string[]>();

/**
 * A dataset's engines, each once in first-seen order (`Not stated` for none); worked out once per
 * results array, as the Datasets panel asks on every render. From the engine column where the
 * dataset has columns: reading each row's engine took 10-15 ms of the first render after a 100k
 * pick.
 */
export function distinctEngines(dataset: Dataset): readonly string[] {
  const key = resultsOf(dataset);
  let engines = enginesOf.get(key);
  if (engines === undefined) {
    const columns = datasetColumns(dataset);
    const seen = new Set<string | null>();
    if (columns === null) {
      const { results } = dataset;
      // Rows come in runs of one engine (a file states one): a set is asked once per run.
      let last: string | null | undefined;
      for (let i = 0; i < results.length; i += 1) {
        const engine = results[i]?.engine ?? null;
        if (engine === last) continue;
        seen.add(engine);
        last = engine;
      }
    } else {
      // By the engine's code: a string is looked up once per run, not once per row.
      const codes = columns.text.engine;
      let last: number | undefined;
      for (let i = 0; i < codes.length; i += 1) {
        const code = codes[i] ?? NONE;
        if (code === last) continue;
        seen.add(columns.strings[code] ?? null);
        last = code;
      }
    }
    engines = [...seen].map((engine) => engine ?? ENGINE_NOT_STATED);
    enginesOf.set(key, engines);
  }
  return engines;
}

/**
 * Where one number of the tables came from, in words for its tooltip: the file, the format it was
 * read as, the engine (and whether the user set it), and the source key with its conversion or
 * formula when the reader recorded one; otherwise the file's own value for the metric (vLLM's
 * keys and columns, converted to the unit shown where the file used another).
 *
 * `Median TTFT (ms) from sglang.jsonl, read as SGLang bench_serving JSON Lines; engine SGLang.
 * Source: median_ttft_ms.`
 */
export function cellSource(key: string, result: BenchmarkResult, dataset: Dataset): string {
  const recorded = dataset.meta?.sources;
  const source = recorded !== undefined && Object.hasOwn(recorded, key) ? recorded[key] : undefined;
  const assumed = dataset.assumed?.engine;
  const engine =
    result.engine === null
      ? 'engine not stated'
      : assumed !== undefined && assumed === result.engine
        ? `engine ${result.engine} (as you set it where the file does not say)`
        : `engine ${result.engine}`;
  return (
    `${metricHeader(key)} from ${dataset.source.name}, read as ${dataset.format.label}; ${engine}. ` +
    (source === undefined
      ? 'Source: the file’s own value for it, in the unit shown.'
      : `Source: ${source}.`)
  );
}
