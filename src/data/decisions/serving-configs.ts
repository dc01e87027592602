/**
 * Serving results as configurations: one model on one GPU with one parallelism, prompt dataset
 * and lengths, tested at several loads (offered QPS, or concurrency). What the overview, the
 * interactivity frontier, SLO capacity and cost all read.
 */
import { gpuLabel } from '../gpu';
import { VLLM } from '../engines';
import { modelKey, modelLabel } from '../models';
import { beyondOne } from '../results/parallelism';
import type { Derivation, IndexRows } from '../results/index-values';
import type { ResultColumns } from '../results/result-columns';
import type { ResultsView } from '../results/results-view';
import { SUITE_CODES, datasetColumns, type BenchmarkResult } from '../results/result-model';
import { latestOfCodes } from './latest-results';
import { rangeSteps, runSteps, type Steps } from '../results/steps';

/** How load was set: an offered request rate, or a number of requests in flight. */
export type LoadKind = 'qps' | 'concurrency';

export interface ServingLoad {
  /** Offered QPS (Infinity: all at once) or concurrency. */
  readonly load: number;
  readonly result: BenchmarkResult;
}

export interface ServingConfig {
  readonly key: string;
  /** The model as people name it (`Llama 3.1 8B`). */
  readonly model: string;
  /** The GPU's label (`8×H100`) and type (`H100`; null when unknown). */
  readonly gpu: string;
  readonly gpuType: string | null;
  /** The serving engine (null: not stated), and the GPU with any engine but vLLM: `8×H100 · SGLang`. */
  readonly engine: string | null;
  readonly setup: string;
  readonly tp: number | null;
  /** GPUs the test ran on: TP × PP × DP (not the machine's count); null when TP is unknown. */
  readonly gpusUsed: number | null;
  readonly dataset: string | null;
  readonly loadKind: LoadKind;
  /** One result per tested load, ascending (∞ last). */
  readonly loads: readonly ServingLoad[];
}

/** GPUs a result's test used: TP × PP × DP (PP and DP 1 when not given); null without a TP. */
export function gpusUsed(result: Pick<BenchmarkResult, 'tp' | 'pp' | 'dp'>): number | null {
  if (result.tp === null || !(result.tp >= 1)) return null;
  const pp = result.pp !== null && result.pp >= 1 ? result.pp : 1;
  const dp = result.dp !== null && result.dp >= 1 ? result.dp : 1;
  return result.tp * pp * dp;
}

/**
 * The GPU a result ran on, followed by its engine unless that is vLLM, the dashboard's default:
 * `8×H100`, `8×H100 · SGLang`, `8×H100 · engine not stated`.
 */
export function setupLabel(result: Pick<BenchmarkResult, 'gpu' | 'engine'>): string {
  const gpu = gpuLabel(result.gpu);
  if (result.engine === VLLM) return gpu;
  return `${gpu} · ${result.engine ?? 'engine not stated'}`;
}

/** A configuration as people read it: `Llama 3.1 8B on 8×H100`, `… on 8×H100 · SGLang`. */
export function configName(config: Pick<ServingConfig, 'model' | 'setup'>): string {
  return `${config.model} on ${config.setup}`;
}

/** How a result's load was set: by its offered QPS, else its concurrency (NaN: none); or neither. */
function loadKindOf(qps: number, concurrency: number): LoadKind | null {
  if (!Number.isNaN(qps)) return 'qps';
  if (!Number.isNaN(concurrency)) return 'concurrency';
  return null;
}

/** Everything that makes two serving results the same configuration, except their load. */
function identity(result: BenchmarkResult, kind: LoadKind): string {
  return [
    modelKey(result.model),
    result.engine,
    result.tp,
    beyondOne(result.pp),
    beyondOne(result.dp),
    gpuLabel(result.gpu),
    result.dataset,
    result.variant,
    result.inputLen,
    result.outputLen,
    kind,
  ].join('|');
}

/**
 * Whether two results have the same identity fields, as they are (an identity need not be made).
 * Each field by name: a loop over field names reads them by a computed key, several times slower.
 */
function sameFields(a: BenchmarkResult, b: BenchmarkResult): boolean {
  const setup = a.model === b.model && a.engine === b.engine && a.tp === b.tp;
  const layout = a.pp === b.pp && a.dp === b.dp && a.variant === b.variant;
  const prompts = a.dataset === b.dataset && a.inputLen === b.inputLen;
  // Each file has GPU objects of its own: the same GPU is the same type and count.
  const gpu = a.gpu === b.gpu || (a.gpu?.type === b.gpu?.type && a.gpu?.count === b.gpu?.count);
  return setup && layout && prompts && a.outputLen === b.outputLen && gpu;
}

function sameNumber(column: Float64Array, a: number, b: number): boolean {
  const x = column[a] ?? Number.NaN;
  const y = column[b] ?? Number.NaN;
  return x === y || (Number.isNaN(x) && Number.isNaN(y));
}

/**
 * `sameFields` for two rows of one set of columns, by their codes and numbers: within one set a
 * string has one code, and a missing number is NaN. No row's fields are read.
 */
function sameRows(columns: ResultColumns, a: number, b: number): boolean {
  const { text, numbers } = columns;
  const setup = text.model[a] === text.model[b] && text.engine[a] === text.engine[b];
  const layout = sameNumber(numbers.tp, a, b) && sameNumber(numbers.pp, a, b);
  const more = sameNumber(numbers.dp, a, b) && text.variant[a] === text.variant[b];
  const prompts = text.dataset[a] === text.dataset[b] && sameNumber(numbers.inputLen, a, b);
  const gpu = text.gpuType[a] === text.gpuType[b] && sameNumber(numbers.gpuCount, a, b);
  return setup && layout && more && prompts && sameNumber(numbers.outputLen, a, b) && gpu;
}

const SERVING = SUITE_CODES.serving;

/** Each row's configuration and load as codes: what does not change with the filters. */
interface ServingKeys {
  /** Per position: the configuration's code (an index into `identities`); −1 for no place. */
  readonly config: Int32Array;
  /** Per position: the load's code (an index into `loads`). */
  readonly load: Int32Array;
  /** Per position: configuration and load as one code (config × loads + load); −1 for none. */
  readonly slot: Int32Array;
  readonly identities: readonly string[];
  readonly kinds: readonly LoadKind[];
  readonly loads: readonly number[];
}

/**
 * Reads rows' configurations and loads into codes, a range of positions at a time. Rows in
 * reading order come in runs of one configuration (the same test across nightlies), so a row
 * whose identity fields are the previous row's takes its code without making the identity text
 * again.
 */
class ServingKeysReader {
  // A dataset's columns, when they are its rows one for one: a row is compared with the
  // previous row of the same columns by its codes.
  private readonly sources: readonly (ResultColumns | null)[];
  readonly config: Int32Array;
  readonly load: Int32Array;
  readonly identities: string[] = [];
  readonly kinds: LoadKind[] = [];
  readonly loads: number[] = [];
  private readonly identityCodes = new Map<string, number>();
  private readonly loadCodes = new Map<number, number>();
  // The previous serving row's position, configuration and load: rows repeat them in runs.
  private previousPosition = -1;
  private previousSource: ResultColumns | null = null;
  private previousRow = -1;
  private previousCode = -1;
  private previousLoad = Number.NaN;
  private previousLoadCode = -1;

  constructor(private readonly rows: IndexRows) {
    this.sources = rows.datasets.map(datasetColumns);
    this.config = new Int32Array(rows.results.length).fill(-1);
    this.load = new Int32Array(rows.results.length);
  }

  /** Codes the positions `from` … `to` − 1. */
  read(from: number, to: number): void {
    const { results, datasetOf, rowOf } = this.rows;
    const { sources, config, load, identities, kinds, loads } = this;
    for (let position = from; position < to; position += 1) {
      const source = sources[datasetOf[position] ?? 0] ?? null;
      const row = rowOf[position] ?? 0;
      // Suite and load from the columns where there are some (no field of a row is read).
      let qps: number;
      let concurrency: number;
      if (source === null) {
        const result = results.at(position) as BenchmarkResult;
        if (result.suite !== 'serving') continue;
        qps = result.qps ?? Number.NaN;
        concurrency = result.concurrency ?? Number.NaN;
      } else {
        if (source.suite[row] !== SERVING) continue;
        qps = source.numbers.qps[row] ?? Number.NaN;
        concurrency = source.numbers.concurrency[row] ?? Number.NaN;
      }
      const kind = loadKindOf(qps, concurrency);
      if (kind === null) continue;
      let code = this.previousCode;
      const same =
        this.previousPosition !== -1 &&
        kinds[code] === kind &&
        (source !== null && source === this.previousSource
          ? sameRows(source, this.previousRow, row)
          : sameFields(
              results.at(this.previousPosition) as BenchmarkResult,
              results.at(position) as BenchmarkResult,
            ));
      if (!same) {
        const text = identity(results.at(position) as BenchmarkResult, kind);
        code = this.identityCodes.get(text) ?? identities.length;
        if (code === identities.length) {
          identities.push(text);
          kinds.push(kind);
          this.identityCodes.set(text, code);
        }
      }
      this.previousPosition = position;
      this.previousSource = source;
      this.previousRow = row;
      this.previousCode = code;
      config[position] = code;
      const tested = kind === 'qps' ? qps : concurrency;
      if (tested !== this.previousLoad) {
        this.previousLoadCode = this.loadCodes.get(tested) ?? loads.length;
        if (this.previousLoadCode === loads.length) {
          loads.push(tested);
          this.loadCodes.set(tested, this.previousLoadCode);
        }
        this.previousLoad = tested;
      }
      load[position] = this.previousLoadCode;
    }
  }

  /**
   * Configuration and load as one code, for positions `from` … `to` − 1 of `slot` (config ×
   * loads + load; −1 for none), once every position is read.
   */
  slots(slot: Int32Array, from: number, to: number): void {
    const { config, load, loads } = this;
    for (let position = from; position < to; position += 1) {
      const code = config[position] as number;
      slot[position] = code === -1 ? -1 : code * loads.length + (load[position] as number);
    }
  }
}

/** Worked out once per index, a step every STEP_ROWS positions. */
const SERVING_KEYS: Derivation<ServingKeys> = {
  *steps(rows) {
    const reader = new ServingKeysReader(rows);
    const count = rows.results.length;
    yield* rangeSteps(count, ({ from, to }) => {
      reader.read(from, to);
    });
    // A step at a time too: the whole of a million positions at once was 47 ms (traced).
    const slot = new Int32Array(count);
    yield* rangeSteps(count, ({ from, to }) => {
      reader.slots(slot, from, to);
    });
    const { config, load, identities, kinds, loads } = reader;
    return { config, load, slot, identities, kinds, loads };
  },
};

/**
 * The visible serving results as configurations, in reading order (model, TP, GPU): the latest
 * run's result at each load. Results without a load are left out.
 */
export function servingConfigs(view: ResultsView): ServingConfig[] {
  return runSteps(servingConfigsSteps(view));
}

/** `servingConfigs` as steps (see steps.ts): the codes of the index's rows made a step at a time. */
export function* servingConfigsSteps(view: ResultsView): Steps<ServingConfig[]> {
  const keys = yield* view.index.values.derivedSteps(SERVING_KEYS);
  const slots = keys.identities.length * keys.loads.length;
  const latest = latestOfCodes(view, 'serving', keys.slot, slots);
  const configs = new Map<number, { config: Omit<ServingConfig, 'loads'>; loads: ServingLoad[] }>();
  for (const position of latest) {
    const result = view.index.results.at(position) as BenchmarkResult;
    const code = keys.config[position] ?? 0;
    let entry = configs.get(code);
    if (entry === undefined) {
      entry = {
        config: {
          key: keys.identities[code] ?? '',
          model: modelLabel(result.model),
          gpu: gpuLabel(result.gpu),
          gpuType: result.gpu?.type ?? null,
          engine: result.engine,
          setup: setupLabel(result),
          tp: result.tp,
          gpusUsed: gpusUsed(result),
          dataset: result.dataset,
          loadKind: keys.kinds[code] ?? 'qps',
        },
        loads: [],
      };
      configs.set(code, entry);
    }
    entry.loads.push({ load: keys.loads[keys.load[position] ?? 0] ?? 0, result });
  }
  return [...configs.values()].map(({ config, loads }) => ({
    ...config,
    loads: loads.sort((a, b) => a.load - b.load),
  }));
}

/** A result's metric value, or null when it has none (missing, not a number). */
export function metricOf(result: BenchmarkResult, key: string): number | null {
  const value = Object.hasOwn(result.metrics, key) ? result.metrics[key] : undefined;
  return Number.isFinite(value) ? (value as number) : null;
}
