import type { BenchmarkResult, Suite } from '../results/result-model';
import { parseNumberCell } from './cells';
import { engineName } from '../engines';

/**
 * What a vLLM CI test name says about its test: the facts a result keeps, read from the name.
 * Every field is null when the name does not say.
 */
export interface TestNameParts extends Pick<
  BenchmarkResult,
  'tp' | 'pp' | 'dp' | 'dataset' | 'variant' | 'qps' | 'concurrency' | 'inputLen' | 'outputLen'
> {
  readonly suite: Suite | null;
  readonly model: string | null;
  /**
   * The engine an old nightly name puts before its model (`vllm_055_llama8B`: vLLM 0.5.5's run of
   * llama8B, beside `sglang_…` runs of the same tests), or null.
   */
  readonly engine: string | null;
  /** True when every token of the name was understood by the grammar. */
  readonly complete: boolean;
}

const SUITE_PREFIXES: ReadonlyMap<string, Suite> = new Map([
  ['latency', 'latency'],
  ['throughput', 'throughput'],
  ['serving', 'serving'],
]);
const VARIANTS: ReadonlySet<string> = new Set(['specdecode']);
const TP_TOKEN = /^tp(\d{1,4})$/;
const PP_TOKEN = /^pp(\d{1,4})$/;
const DP_TOKEN = /^dp(\d{1,4})$/;
const INTEGER_TOKEN = /^\d{1,9}$/;
/** A version as the nightly names wrote it after the engine: `055`, `053post1`, `v0.6.0`. */
const VERSION_TOKEN = /^v?\d+(?:\.\d+)*(?:post\d+)?$/;

/** A model's tokens without an engine prefix (and its version), with the engine it named. */
function withoutEnginePrefix(tokens: readonly string[]): {
  tokens: readonly string[];
  engine: string | null;
} {
  const engine = tokens.length > 1 ? engineName(tokens[0] ?? '') : null;
  if (engine === null) return { tokens, engine: null };
  const rest = tokens.slice(1);
  const versioned = rest.length > 1 && VERSION_TOKEN.test(rest[0] ?? '');
  return { tokens: versioned ? rest.slice(1) : rest, engine };
}

/**
 * Reads a test name by the grammar of vLLM's CI:
 * `latency_<model>_tp<N>`, `throughput_<model>_tp<N>`,
 * `serving_<model>_tp<N>_<dataset>[_specdecode][_<in>_<out>]_qps_<Q>[_concurrency_<C>]`.
 * Never fails: what cannot be read stays null and `complete` is false.
 */
export function parseTestName(name: string): TestNameParts {
  const tokens = name.trim().split('_');
  const suite = SUITE_PREFIXES.get(tokens[0] ?? '') ?? null;
  let rest = suite === null ? tokens : tokens.slice(1);
  let understood = suite !== null;

  const tpIndex = rest.findIndex((token) => TP_TOKEN.test(token));
  let model: string | null = null;
  let tp: number | null = null;
  let engine: string | null = null;
  if (tpIndex > 0) {
    const named = withoutEnginePrefix(rest.slice(0, tpIndex));
    engine = named.engine;
    model = named.tokens.join('_');
    tp = Number(TP_TOKEN.exec(rest[tpIndex] ?? '')?.[1]);
    rest = rest.slice(tpIndex + 1);
  } else if (tpIndex === 0) {
    tp = Number(TP_TOKEN.exec(rest[0] ?? '')?.[1]);
    rest = rest.slice(1);
    understood = false;
  } else {
    // No tpN: the model runs up to the first keyword we know, if any.
    const stop = rest.findIndex((token) => token === 'qps' || token === 'concurrency');
    const named = withoutEnginePrefix(stop === -1 ? rest : rest.slice(0, stop));
    engine = named.engine;
    model = named.tokens.length > 0 ? named.tokens.join('_') : null;
    rest = stop === -1 ? [] : rest.slice(stop);
    understood = false;
  }
  if (model === '') model = null;

  let pp: number | null = null;
  const ppMatch = PP_TOKEN.exec(rest[0] ?? '');
  if (ppMatch?.[1] !== undefined) {
    pp = Number(ppMatch[1]);
    rest = rest.slice(1);
  }
  let dp: number | null = null;
  const dpMatch = DP_TOKEN.exec(rest[0] ?? '');
  if (dpMatch?.[1] !== undefined) {
    dp = Number(dpMatch[1]);
    rest = rest.slice(1);
  }

  let qps: number | null = null;
  let concurrency: number | null = null;
  let variant: string | null = null;
  const lengths: number[] = [];
  const datasetTokens: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const token = rest[i] ?? '';
    if (token === 'qps' || token === 'concurrency') {
      const value = parseNumberCell(rest[i + 1]);
      if (value === null) {
        understood = false;
        continue;
      }
      if (token === 'qps') qps = value;
      else concurrency = value;
      i += 1;
    } else if (VARIANTS.has(token)) {
      variant = token;
    } else if (qps === null && INTEGER_TOKEN.test(token) && datasetTokens.length > 0) {
      lengths.push(Number(token));
    } else if (qps === null && lengths.length === 0 && token !== '') {
      datasetTokens.push(token);
    } else {
      understood = false;
    }
  }
  // Lengths come in pairs (`_<in>_<out>`); a lone or third number is not understood.
  if (lengths.length !== 0 && lengths.length !== 2) understood = false;

  const dataset = datasetTokens.length > 0 ? datasetTokens.join('_') : null;
  const isServing = suite === 'serving';
  if (!isServing && (dataset !== null || qps !== null || lengths.length > 0)) {
    // Latency and throughput names end at tpN in every CI version we know.
    understood = false;
  }
  if (isServing && qps === null) understood = false;

  return {
    suite,
    model,
    engine,
    tp,
    pp,
    dp,
    dataset,
    variant,
    qps,
    concurrency,
    inputLen: lengths.length === 2 ? (lengths[0] ?? null) : null,
    outputLen: lengths.length === 2 ? (lengths[1] ?? null) : null,
    complete: understood && model !== null && tp !== null,
  };
}
