/**
 * Turning what a raw per-test file says into a result: the test name from CI's file
 * name or built from the fields, explicit values beating what the name says, and a warning when TP
 * in the name disagrees with TP stated outright.
 */
import { VLLM } from '../engines';
import { modelShortName } from '../models';
import type { BenchmarkResult, GpuSpec, MetricValues, Suite } from '../results/result-model';
import { parseTestName, type TestNameParts } from './test-name';
import type { CommandsFile } from './commands';
import type { FileNameFacts } from './file-name';
import { MAX_TEXT_LENGTH, NO_ATTRIBUTES, capText, stringInterner } from './shared';

/** Everything a reader of raw files shares while it reads one file. */
export interface RawContext {
  readonly fileName: FileNameFacts | null;
  readonly commands: CommandsFile | null;
  readonly warnings: string[];
  readonly intern: (text: string) => string;
}

export function rawContext(
  fileName: FileNameFacts | null,
  commands: CommandsFile | null,
): RawContext {
  return { fileName, commands, warnings: [], intern: stringInterner() };
}

/** What a file states outright about one result; null where it does not say. */
export interface StatedFacts {
  readonly model: string | null;
  readonly tp: number | null;
  readonly pp: number | null;
  readonly dp: number | null;
  readonly dataset: string | null;
  readonly qps: number | null;
  readonly concurrency: number | null;
  readonly inputLen: number | null;
  readonly outputLen: number | null;
  readonly gpu: GpuSpec | null;
  /** The serving engine the file names (engines.ts); vLLM's own tools measure vLLM otherwise. */
  readonly engine: string | null;
}

export const NOTHING_STATED: StatedFacts = {
  model: null,
  tp: null,
  pp: null,
  dp: null,
  dataset: null,
  qps: null,
  concurrency: null,
  inputLen: null,
  outputLen: null,
  gpu: null,
  engine: null,
};

/** The first value that is not null. */
export function firstOf<T>(...values: (T | null | undefined)[]): T | null {
  for (const value of values) if (value !== null && value !== undefined) return value;
  return null;
}

/** `4` → `4`, `Infinity` → `inf`, `0.5` → `0.5`: QPS as CI writes it in test names. */
function qpsWord(qps: number): string {
  return qps === Infinity ? 'inf' : String(qps);
}

/**
 * A readable test name from the facts, in CI's grammar as far as they go:
 * `serving_<model>_tp<N>_<dataset>_qps_<Q>[_concurrency_<C>]`, `latency_<model>_tp<N>`.
 */
function buildTestName(suite: Suite, facts: StatedFacts, fallback: string | null): string {
  const parts: string[] = [suite];
  if (facts.model !== null) parts.push(modelShortName(facts.model));
  if (facts.tp !== null) parts.push(`tp${facts.tp}`);
  // PP and DP only when they are more than one: `_pp2`, `_dp2`, as the name's grammar reads them.
  if (facts.tp !== null && facts.pp !== null && facts.pp > 1) parts.push(`pp${facts.pp}`);
  if (facts.tp !== null && facts.dp !== null && facts.dp > 1) parts.push(`dp${facts.dp}`);
  if (suite === 'serving') {
    if (facts.dataset !== null) parts.push(facts.dataset);
    if (facts.qps !== null) parts.push('qps', qpsWord(facts.qps));
    if (facts.concurrency !== null) parts.push('concurrency', String(facts.concurrency));
  }
  if (parts.length === 1 && fallback !== null && fallback !== '') return fallback;
  return parts.join('_');
}

const NO_PARTS: TestNameParts = {
  suite: null,
  model: null,
  engine: null,
  tp: null,
  pp: null,
  dp: null,
  dataset: null,
  variant: null,
  qps: null,
  concurrency: null,
  inputLen: null,
  outputLen: null,
  complete: false,
};

/**
 * One raw result → a BenchmarkResult. `useFileName` says whether the file's CI name names this
 * result (it does when the file holds one result).
 */
export function finishRawResult(
  suite: Suite,
  stated: StatedFacts,
  metrics: MetricValues,
  attributes: Readonly<Record<string, string>>,
  context: RawContext,
  useFileName: boolean,
): BenchmarkResult {
  const { warnings, intern } = context;
  const ciName = useFileName ? (context.fileName?.ciTestName ?? null) : null;
  const model =
    stated.model === null ? null : capText(stated.model, 'A model name', warnings, MAX_TEXT_LENGTH);
  const dataset =
    stated.dataset === null
      ? null
      : capText(stated.dataset, 'A dataset name', warnings, MAX_TEXT_LENGTH);
  const facts: StatedFacts = { ...stated, model, dataset };
  const rawName =
    ciName ?? buildTestName(suite, facts, useFileName ? (context.fileName?.base ?? null) : null);
  const testName = intern(capText(rawName, 'A test name', warnings, MAX_TEXT_LENGTH));
  const parts = ciName === null ? NO_PARTS : parseTestName(ciName);
  if (facts.tp !== null && parts.tp !== null && facts.tp !== parts.tp) {
    warnings.push(
      `${testName}: the file says TP ${facts.tp} but the test name says tp${parts.tp}; TP ${facts.tp} is shown.`,
    );
  }
  const modelText = firstOf(model, parts.model);
  const datasetText = firstOf(dataset, parts.dataset);
  return {
    suite,
    testName,
    model: modelText === null ? '' : intern(modelText),
    tp: firstOf(facts.tp, parts.tp),
    pp: firstOf(facts.pp, parts.pp),
    dp: firstOf(facts.dp, parts.dp),
    gpu: facts.gpu,
    dataset: datasetText === null ? null : intern(datasetText),
    variant: parts.variant,
    qps: firstOf(facts.qps, parts.qps),
    concurrency: firstOf(facts.concurrency, parts.concurrency),
    inputLen: firstOf(facts.inputLen, parts.inputLen),
    outputLen: firstOf(facts.outputLen, parts.outputLen),
    engine: facts.engine ?? parts.engine ?? VLLM,
    metrics,
    attributes,
  };
}

/** Facts from the `.commands` file that completes a raw file, for a result that lacks them. */
export function commandFacts(context: RawContext): StatedFacts {
  const commands = context.commands;
  if (commands === null) return NOTHING_STATED;
  const { facts, gpu } = commands;
  return {
    model: facts.model,
    tp: facts.tp,
    pp: facts.pp,
    dp: facts.dp,
    dataset: facts.dataset,
    qps: facts.qps,
    concurrency: facts.concurrency,
    inputLen: facts.inputLen,
    outputLen: facts.outputLen,
    gpu,
    engine: null,
  };
}

/** Stated facts merged, the first list that says a thing winning. */
export function mergeStated(...lists: StatedFacts[]): StatedFacts {
  return {
    model: firstOf(...lists.map((facts) => facts.model)),
    tp: firstOf(...lists.map((facts) => facts.tp)),
    pp: firstOf(...lists.map((facts) => facts.pp)),
    dp: firstOf(...lists.map((facts) => facts.dp)),
    dataset: firstOf(...lists.map((facts) => facts.dataset)),
    qps: firstOf(...lists.map((facts) => facts.qps)),
    concurrency: firstOf(...lists.map((facts) => facts.concurrency)),
    inputLen: firstOf(...lists.map((facts) => facts.inputLen)),
    outputLen: firstOf(...lists.map((facts) => facts.outputLen)),
    gpu: firstOf(...lists.map((facts) => facts.gpu)),
    engine: firstOf(...lists.map((facts) => facts.engine)),
  };
}

/**
 * The result of a file that records no attributes (latency, throughput JSON): what another source
 * states (PyTorch args) over what the `.commands` file says; CI's file name may name the test.
 */
export function finishStatedResult(
  suite: Suite,
  stated: StatedFacts,
  metrics: MetricValues,
  context: RawContext,
): BenchmarkResult {
  return finishRawResult(
    suite,
    mergeStated(stated, commandFacts(context)),
    metrics,
    NO_ATTRIBUTES,
    context,
    true,
  );
}
