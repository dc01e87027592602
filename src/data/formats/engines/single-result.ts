/**
 * The reader of a tool whose file holds one result (trtllm-bench, AIPerf, GenAI-Perf, LLMPerf):
 * recognised, its metrics read, refused with what was recognised and what is missing when none
 * is usable, else one result with the file's date and sources as meta.
 */
import { parseFailure, type DetectedFormat, type Suite } from '../../results/result-model';
import type { EngineReader } from '../engine-readers';
import { isJsonObject } from '../python-json';
import type { StatedFacts } from '../raw-result';
import type { JsonRecord } from '../shared';
import { engineOutcome, engineResult, hasCoreMetric, type ReadMetrics } from './read-metrics';

/** What one tool's one-result file needs told to its reader. */
export interface SingleResultFormat {
  readonly suite: Suite;
  readonly looksLike: (value: unknown) => boolean;
  /** The format of a recognised file, with what a refusal calls it (`an LLMPerf summary`). */
  readonly formatOf: (file: JsonRecord) => { format: DetectedFormat; what: string };
  /** Completes "This is <what> without …" when no latency or throughput could be read. */
  readonly missing: string;
  readonly hint: string;
  readonly metrics: (file: JsonRecord, warnings: string[]) => ReadMetrics;
  readonly stated: (file: JsonRecord) => StatedFacts;
  readonly date: (file: JsonRecord) => string | null;
  readonly attributes?: (file: JsonRecord, warnings: string[]) => Readonly<Record<string, string>>;
}

/** The registry entry of such a format: its looksLike, and a read that never throws. */
export function singleResultReader(spec: SingleResultFormat): EngineReader {
  return {
    looksLike: spec.looksLike,
    read(value, context) {
      if (!isJsonObject(value)) return parseFailure('not-results', 'This is no results file.');
      const { format, what } = spec.formatOf(value);
      const metrics = spec.metrics(value, context.warnings);
      if (!hasCoreMetric(metrics)) {
        return parseFailure('no-rows', `This is ${what} without ${spec.missing}.`, spec.hint);
      }
      const attributes = spec.attributes?.(value, context.warnings);
      const stated = spec.stated(value);
      const result = engineResult(spec.suite, stated, metrics, context, true, attributes);
      return engineOutcome(format, [result], context, spec.date(value), [metrics]);
    },
  };
}
