/**
 * The last step of every parse: the `.commands` file merged in, enormous texts cut, warnings made
 * few enough to show.
 */
import { datasetUnstatedFacts } from '../results/assumptions';
import { columnsBehind } from '../results/columns-rows';
import { parsedOfColumns, withFields } from '../results/results-on-demand';
import {
  plainResult,
  type BenchmarkResult,
  type ParseOutcome,
  type ParsedResults,
  type ResultsMeta,
} from '../results/result-model';
import type { CommandsFile } from './commands';
import { isEmptyMeta } from './outcome';
import { runStampOf } from './run-stamp';
import { MAX_LONG_TEXT_LENGTH, MAX_TEXT_LENGTH, capText, emptyRecord } from './shared';

/** What the parse of one file knows besides its text. */
export interface FileContext {
  readonly fileName: string | undefined;
  /** The `.commands` file dropped with it, read. */
  readonly commands: CommandsFile | null;
  /** Warnings about the `.commands` file, shown with the results. */
  readonly commandWarnings: readonly string[];
}

/** Cuts a text field of a result when it is enormous; returns the same string otherwise. */
function capped(text: string, what: string, warnings: string[]): string {
  return text.length > MAX_TEXT_LENGTH ? capText(text, what, warnings) : text;
}

/** Keys are names with a short prefix (`x:`): a little longer than names. */
const MAX_KEY_LENGTH = MAX_TEXT_LENGTH + 10;

function cappedKey(key: string, what: string, warnings: string[]): string {
  return key.length > MAX_KEY_LENGTH ? capText(key, what, warnings, MAX_KEY_LENGTH) : key;
}

/**
 * The last guard on every success: names, labels, attribute values and metric keys that a file
 * made enormous are cut (with a warning), and results rebuilt only where something was cut; null
 * when nothing was.
 */
function capResults(parsed: ParsedResults, warnings: string[]): readonly BenchmarkResult[] | null {
  // Rows of columns hold every text once, in the columns' strings: when none of them is long,
  // no row has anything to cut (and no row's metrics, nor any row on demand, need making).
  const columns = parsed.onDemand?.columns ?? columnsBehind(parsed.results);
  if (columns !== null && columns.strings.every((text) => text.length <= MAX_TEXT_LENGTH)) {
    return null;
  }
  const { results } = parsed;
  let out: BenchmarkResult[] | null = null;
  for (let index = 0; index < results.length; index += 1) {
    const result = results[index];
    if (result === undefined) continue;
    let changed =
      result.testName.length > MAX_TEXT_LENGTH ||
      result.model.length > MAX_TEXT_LENGTH ||
      (result.dataset?.length ?? 0) > MAX_TEXT_LENGTH;
    for (const key in result.attributes) {
      if (key.length > MAX_KEY_LENGTH || (result.attributes[key]?.length ?? 0) > MAX_TEXT_LENGTH) {
        changed = true;
      }
    }
    for (const key in result.metrics) if (key.length > MAX_KEY_LENGTH) changed = true;
    if (!changed) continue;
    const testName = capped(result.testName, 'A test name', warnings);
    const attributes = emptyRecord();
    for (const key in result.attributes) {
      attributes[cappedKey(key, 'An attribute name', warnings)] = capped(
        result.attributes[key] ?? '',
        `${testName}: an attribute`,
        warnings,
      );
    }
    const metrics: Record<string, number | null> = {};
    for (const key in result.metrics) {
      metrics[cappedKey(key, 'A metric name', warnings)] = result.metrics[key] ?? null;
    }
    out ??= [...results];
    out[index] = plainResult(result, {
      testName,
      model: capped(result.model, `${testName}: the model`, warnings),
      dataset:
        result.dataset === null
          ? null
          : capped(result.dataset, `${testName}: the dataset`, warnings),
      metrics,
      attributes: Object.freeze(attributes),
    });
  }
  return out;
}

/** Puts the `.commands` file's commands and GPU on results that a non-raw reader read. */
function withCommands(parsed: ParsedResults, context: FileContext): ParsedResults {
  const commands = context.commands;
  if (commands === null) return parsed;
  const gpu = commands.gpu;
  const meta: ResultsMeta = { ...parsed.meta, commands: commands.commands };
  // Whether some result states no GPU: read from the GPU column where there is one.
  if (gpu === null || !datasetUnstatedFacts(parsed).gpu) return withFields(parsed, { meta });
  const results = parsed.results.map((result) =>
    result.gpu === null ? plainResult(result, { gpu }) : result,
  );
  return { ...parsed, results, meta };
}

/** Warnings shown per file at most; the rest are counted in the last one. */
const MAX_WARNINGS = 1000;

const RAW_FORMATS: ReadonlySet<string> = new Set([
  'vllm-serve-json',
  'vllm-serve-json-lines',
  'vllm-latency-json',
  'vllm-throughput-json',
  'pytorch-benchmark-json',
]);

/**
 * The meta with what the file's path says (run-stamp.ts) where the content says nothing: a date
 * the content gives always wins over the name's, and the name's keeps where it was read.
 */
function withPathStamp(
  meta: ResultsMeta | undefined,
  fileName: string | undefined,
): ResultsMeta | undefined {
  const stamp = runStampOf(fileName);
  const date = meta?.date === undefined && stamp.date !== null ? stamp.date : undefined;
  const commit = meta?.commit === undefined && stamp.commit !== null ? stamp.commit : undefined;
  if (date === undefined && commit === undefined) return meta;
  return {
    ...meta,
    ...(date === undefined ? {} : { date, dateFrom: stamp.dateFrom ?? 'file name' }),
    ...(commit === undefined ? {} : { commit }),
  };
}

/** Every success goes through here: commands merged, texts capped, warnings bounded. */
export function finish(outcome: ParseOutcome, context: FileContext): ParseOutcome {
  if (!outcome.ok) return outcome;
  let parsed = outcome.value;
  // Raw readers use the commands themselves; the others get their GPU and meta here.
  if (!RAW_FORMATS.has(parsed.format.id)) parsed = withCommands(parsed, context);
  const collected = [...context.commandWarnings, ...parsed.warnings];
  const cut = capResults(parsed, collected);
  // The same warning for many rows (a column cut in each) is said once.
  const warnings = collected.length > 1 ? [...new Set(collected)] : collected;
  // A file of a million bad rows should not make a million warnings to show.
  const shown = warnings.length > MAX_WARNINGS ? warnings.slice(0, MAX_WARNINGS - 1) : warnings;
  const bounded = shown.map((warning) =>
    warning.length > MAX_LONG_TEXT_LENGTH ? `${warning.slice(0, MAX_LONG_TEXT_LENGTH)}…` : warning,
  );
  if (warnings.length > MAX_WARNINGS) {
    bounded.push(
      `…and ${(warnings.length - shown.length).toLocaleString('en-US')} more warnings like these.`,
    );
  }
  const meta = withPathStamp(parsed.meta, context.fileName);
  const fields = isEmptyMeta(meta)
    ? { format: parsed.format, warnings: bounded }
    : { format: parsed.format, warnings: bounded, meta: meta };
  // Results on demand that nothing was cut from stay so: no result is made on the way.
  const value: ParsedResults =
    cut === null && parsed.onDemand !== undefined
      ? parsedOfColumns(fields, parsed.onDemand.columns)
      : { ...fields, results: cut ?? parsed.results };
  return { ok: true, value };
}
