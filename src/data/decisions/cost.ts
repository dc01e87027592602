/**
 * What a test's throughput costs at a price per GPU-hour: GPUs used × $/GPU-hour ÷ (throughput ×
 * 3600 s), scaled to 1M output tokens where token throughput is known, else to 1k requests. GPUs
 * used is TP × PP × DP, not the machine's eight: a TP 1 test leaves seven GPUs for other work.
 */
import { gpuLabel } from '../gpu';
import { modelLabel } from '../models';
import { NONE, type ResultColumns } from '../results/result-columns';
import type { ResultsView } from '../results/results-view';
import { datasetColumns, type BenchmarkResult, type Suite } from '../results/result-model';
import { codesKey, latestPositionsSteps } from './latest-results';
import { rangeSteps, runSteps, type Steps } from '../results/steps';
import { gpusUsed, metricOf } from './serving-configs';

/** $ per GPU-hour by GPU type (`H100`); a type without a price is absent. */
export type GpuPrices = Readonly<Record<string, number>>;

export type CostUnit = 'per 1M output tokens' | 'per 1k requests';

export interface CostRow {
  readonly result: BenchmarkResult;
  readonly suite: Suite;
  readonly model: string;
  readonly gpu: string;
  readonly gpusUsed: number;
  /** The GPU type's price per hour; null until one is set. */
  readonly price: number | null;
  /** The throughput the cost is worked from, and its unit. */
  readonly throughput: number;
  readonly throughputUnit: 'tok/s' | 'req/s';
  /** The metric the throughput was read from (`output_throughput` or `request_throughput`). */
  readonly throughputKey: 'output_throughput' | 'request_throughput';
  /** Dollars per `unit`; null without a price. */
  readonly cost: number | null;
  readonly unit: CostUnit;
}

export const COST_FORMULA =
  'Cost = GPUs used (TP × PP × DP) × $ per GPU-hour ÷ (throughput × 3600 s), × 1,000,000 for output tokens or × 1,000 for requests.';

/** What a cost is worked from, in order: output tokens where known, else requests. */
const BASES = [
  { key: 'output_throughput', unit: 'tok/s', scale: 1_000_000, per: 'per 1M output tokens' },
  { key: 'request_throughput', unit: 'req/s', scale: 1000, per: 'per 1k requests' },
] as const;

/** A test's cost at a price; null without GPUs used, or without a positive throughput. */
export function costOf(
  result: BenchmarkResult,
  price: number | null,
): Pick<
  CostRow,
  'gpusUsed' | 'throughput' | 'throughputUnit' | 'throughputKey' | 'cost' | 'unit'
> | null {
  const gpus = gpusUsed(result);
  if (gpus === null) return null;
  for (const basis of BASES) {
    const throughput = metricOf(result, basis.key);
    if (throughput === null || throughput <= 0) continue;
    const cost = price === null ? null : ((gpus * price) / (throughput * 3600)) * basis.scale;
    return {
      gpusUsed: gpus,
      throughput,
      throughputUnit: basis.unit,
      throughputKey: basis.key,
      cost,
      unit: basis.per,
    };
  }
  return null;
}

/**
 * Each dataset's GPU type column where its rows' GPUs are the file's: a GPU the user assumed
 * fills the rows that state none in the results, not in the columns as read, so such a
 * dataset's rows are read themselves.
 */
function gpuTypeSources(view: ResultsView): (ResultColumns | null)[] {
  return view.index.datasets.map((dataset) =>
    dataset.assumed?.gpu === undefined ? datasetColumns(dataset) : null,
  );
}

/**
 * A position's GPU type code in its dataset's columns (NONE: no GPU), or undefined where its row
 * must be read (`gpuTypeSources` gave no columns).
 */
function gpuTypeCode(
  sources: readonly (ResultColumns | null)[],
  { datasetOf, rowOf }: ResultsView['index'],
  position: number,
): number | undefined {
  const columns = sources[datasetOf[position] ?? 0];
  if (columns === null || columns === undefined) return undefined;
  return columns.text.gpuType[rowOf[position] ?? 0] ?? NONE;
}

/**
 * The GPU types among the visible results, in label order (what price inputs are offered for).
 * A row of columns gives its type by the code of its dataset's string, each code taken once: a
 * million rows are a loop over typed arrays, not a million reads of a row's GPU.
 */
export function pricedGpuTypes(view: ResultsView): string[] {
  return runSteps(pricedGpuTypesSteps(view));
}

/** `pricedGpuTypes` as steps (see steps.ts): a pause every STEP_ROWS visible positions. */
export function* pricedGpuTypesSteps(view: ResultsView): Steps<string[]> {
  const types = new GpuTypes(view);
  for (const suite of ['throughput', 'serving'] as const) {
    const positions = view.visible[suite];
    yield* rangeSteps(positions.length, ({ from, to }) => {
      types.read(positions, from, to);
    });
  }
  return [...types.found].sort((a, b) => a.localeCompare(b));
}

/** The GPU types of the positions read so far, each dataset's codes taken once. */
class GpuTypes {
  readonly found = new Set<string>();
  private readonly sources: (ResultColumns | null)[];
  private readonly taken: (Uint8Array | null)[];

  constructor(private readonly view: ResultsView) {
    this.sources = gpuTypeSources(view);
    this.taken = this.sources.map((columns) =>
      columns === null ? null : new Uint8Array(columns.strings.length),
    );
  }

  /** Reads `positions[from]` … `positions[to − 1]`. */
  read(positions: Uint32Array, from: number, to: number): void {
    const { found, sources, taken } = this;
    const { index } = this.view;
    for (let i = from; i < to; i += 1) {
      const position = positions[i] ?? 0;
      const code = gpuTypeCode(sources, index, position);
      if (code === undefined) {
        const type = index.results.at(position)?.gpu?.type;
        if (type !== undefined) found.add(type);
        continue;
      }
      const at = index.datasetOf[position] ?? 0;
      const seen = taken[at] as Uint8Array;
      if (code === NONE || seen[code] === 1) continue;
      seen[code] = 1;
      found.add((sources[at] as ResultColumns).strings[code] ?? '');
    }
  }
}

/**
 * A cost row per visible throughput and serving test (the latest run's) with GPUs used and a
 * throughput, in reading order; its cost is null until its GPU type has a price.
 */
export function costRows(view: ResultsView, prices: GpuPrices): CostRow[] {
  return runSteps(costRowsSteps(view, prices));
}

/** `costRows` as steps (see steps.ts): a pause every STEP_ROWS visible positions. */
export function* costRowsSteps(view: ResultsView, prices: GpuPrices): Steps<CostRow[]> {
  const rows: CostRow[] = [];
  // The latest run of each test on each GPU, found by the index's codes of both.
  const key = codesKey(view, ['gpu'], true);
  const { results } = view.index;
  // Whether a row has a GPU, by its type's code where there are columns (no row read).
  const sources = gpuTypeSources(view);
  const withGpu = (position: number): boolean => {
    const code = gpuTypeCode(sources, view.index, position);
    return code === undefined ? results.at(position)?.gpu !== null : code !== NONE;
  };
  for (const suite of ['throughput', 'serving'] as const) {
    const latest = yield* latestPositionsSteps(view, suite, (position) =>
      withGpu(position) ? key(position) : null,
    );
    for (const position of latest.values()) {
      const result = results.at(position) as BenchmarkResult;
      const type = result.gpu?.type ?? '';
      const price = Object.hasOwn(prices, type) ? (prices[type] ?? null) : null;
      const cost = costOf(result, price);
      if (cost === null) continue;
      rows.push({
        result,
        suite,
        model: modelLabel(result.model),
        gpu: gpuLabel(result.gpu),
        price,
        ...cost,
      });
    }
  }
  return rows;
}
