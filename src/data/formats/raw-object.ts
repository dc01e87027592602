/**
 * What the readers of the one-object JSON files (`vllm bench latency` and `vllm bench throughput`)
 * share: numbers they do not know kept as `x:` extras, and the object read into its result and
 * the file into its outcome.
 */
import type {
  BenchmarkResult,
  DetectedFormat,
  MetricValues,
  ParseOutcome,
  Suite,
} from '../results/result-model';
import { extraMetricKey } from '../metrics';
import { rawFileOutcome } from './outcome';
import {
  finishStatedResult,
  NOTHING_STATED,
  type RawContext,
  type StatedFacts,
} from './raw-result';
import { MAX_EXTRA_FIELDS, capText, finiteOf, type JsonRecord } from './shared';

/**
 * The numbers of `object` under keys not in `known`, kept in `metrics` as `x:` extras (at most
 * MAX_EXTRA_FIELDS of them). `where` names the object in a warning about a cut field name.
 */
export function keepExtraNumbers(
  metrics: Record<string, number | null>,
  object: JsonRecord,
  known: ReadonlySet<string>,
  where: string,
  warnings: string[],
): void {
  let extras = 0;
  for (const [key, value] of Object.entries(object)) {
    if (known.has(key) || typeof value !== 'number' || extras >= MAX_EXTRA_FIELDS) continue;
    metrics[extraMetricKey(capText(key, `${where}: a field name`, warnings))] = finiteOf(value);
    extras += 1;
  }
}

/** The reading of one suite's one-object JSON file. */
export interface RawObjectReader {
  /** One object → its result. `stated` holds what another source (PyTorch args) says. */
  readonly read: (object: JsonRecord, context: RawContext, stated?: StatedFacts) => BenchmarkResult;
  /** A parsed file of this format → its outcome. */
  readonly parse: (value: JsonRecord, context: RawContext) => ParseOutcome;
}

/** The reader of `suite`'s one-object files of `format`, whose metrics `metricsOf` reads. */
export function rawObjectReader(
  suite: Suite,
  format: DetectedFormat,
  metricsOf: (object: JsonRecord, warnings: string[]) => MetricValues,
): RawObjectReader {
  const read = (
    object: JsonRecord,
    context: RawContext,
    stated: StatedFacts = NOTHING_STATED,
  ): BenchmarkResult =>
    finishStatedResult(suite, stated, metricsOf(object, context.warnings), context);
  return {
    read,
    parse: (value, context) => rawFileOutcome(format, read(value, context), context),
  };
}
