/**
 * The filter groups every table and chart shares, what a user hides in them, and each result's
 * value in a group, ordered and labelled for people.
 */
import { MISSING, formatQps } from '../format';
import { gpuLabel } from '../gpu';
import { modelKey, modelLabel } from '../models';
import type { BenchmarkResult } from './result-model';

type ValueOrder = 'name' | 'number' | 'dataset';

/** What a filter group is: everything else (URL keys, filter bar, facets, sorting) follows. */
interface GroupSpec {
  /** The filter bar's legend. */
  readonly legend: string;
  /** A line under the legend, when the group applies to some results only. */
  readonly note?: string;
  /** The value key a result has in the group (kept in the URL); null when it does not apply. */
  readonly valueOf: (result: BenchmarkResult, datasetId: string) => string | null;
  /**
   * How its values are ordered for people: names by natural order of their labels, numbers by
   * size with ∞ and unknown (`—`) last, datasets in the user's order.
   */
  readonly order: ValueOrder;
  /** A value as people read it, when not the value itself. */
  readonly labelOf?: (value: string, datasetLabels: ReadonlyMap<string, string>) => string;
  /**
   * Shown in the filter bar from this many values on (default 1): a group with one value in
   * every result (one engine, no concurrency cap) only tells what the tables already say.
   */
  readonly shownFrom?: number;
}

/**
 * The filter groups every table and chart shares, in the order the filter bar shows them. A new
 * group is an entry here and its codes in the index's first pass (`readRows`, which finds each
 * group's code by the value itself, once per distinct value).
 */
const GROUP_SPECS = {
  model: {
    legend: 'Model',
    valueOf: (result) => modelKey(result.model),
    order: 'name',
    labelOf: (value) => modelLabel(value),
  },
  gpu: { legend: 'GPU', valueOf: (result) => gpuLabel(result.gpu), order: 'name' },
  engine: {
    legend: 'Engine',
    valueOf: (result) => result.engine ?? MISSING,
    order: 'name',
    labelOf: (value) => (value === MISSING ? ENGINE_NOT_STATED : value),
    shownFrom: 2,
  },
  qps: {
    legend: 'QPS',
    note: 'Applies to serving results only.',
    // QPS is a serving setting: latency and throughput results are never hidden by it.
    valueOf: (result) => (result.suite === 'serving' ? formatQps(result.qps) : null),
    order: 'number',
  },
  concurrency: {
    legend: 'Concurrency',
    note: 'Serving results only; — is no cap.',
    valueOf: (result) =>
      result.suite === 'serving'
        ? result.concurrency === null
          ? MISSING
          : String(result.concurrency)
        : null,
    order: 'number',
    shownFrom: 2,
  },
  tp: {
    legend: 'TP',
    valueOf: (result) => (result.tp === null ? MISSING : String(result.tp)),
    order: 'number',
  },
  dataset: {
    legend: 'Dataset',
    valueOf: (_result, datasetId) => datasetId,
    order: 'dataset',
    labelOf: (value, datasetLabels) => datasetLabels.get(value) ?? value,
  },
} as const satisfies Readonly<Record<string, GroupSpec>>;

export type FilterGroup = keyof typeof GROUP_SPECS;

export const FILTER_GROUPS = Object.keys(GROUP_SPECS) as readonly FilterGroup[];

/** A record with an entry per filter group, each made by `make`. */
export function byGroup<T>(make: (group: FilterGroup) => T): Record<FilterGroup, T> {
  const record = {} as Record<FilterGroup, T>;
  for (const group of FILTER_GROUPS) record[group] = make(group);
  return record;
}

/** How a result whose file does not name its engine reads in the Engine group. */
export const ENGINE_NOT_STATED = 'Not stated';

/** A group's declaration. */
export function groupSpec(group: FilterGroup): GroupSpec {
  return GROUP_SPECS[group];
}

/**
 * The values a user has unchecked, per group. Storing what is hidden (not what is shown) means
 * values that arrive with new data are visible until someone hides them.
 */
export type HiddenValues = Readonly<Record<FilterGroup, readonly string[]>>;

export const NOTHING_HIDDEN: HiddenValues = Object.freeze(byGroup(() => []));

/** One value of a filter group: its key (kept in the URL), its label for people, its sort rank = code. */
export interface GroupValue {
  readonly value: string;
  readonly label: string;
}

/** A code meaning "this group does not apply to the row" (QPS of a latency result). */
export const NOT_APPLICABLE = 0xffff;

/** The value key a result has in a group; null when the group does not apply. */
export function groupValueOf(
  result: BenchmarkResult,
  group: FilterGroup,
  datasetId: string,
): string | null {
  return groupSpec(group).valueOf(result, datasetId);
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Numbers by size, `inf` after them, unknown (`—`) last: [unknown?, size]. */
function numericKey(value: string): readonly [number, number] {
  if (value === 'inf') return [0, Infinity];
  const number = Number(value);
  return Number.isNaN(number) ? [1, 0] : [0, number];
}

function compareNumericValues(a: string, b: string): number {
  const [unknownA, sizeA] = numericKey(a);
  const [unknownB, sizeB] = numericKey(b);
  return unknownA - unknownB || (sizeA < sizeB ? -1 : sizeA > sizeB ? 1 : 0);
}

/** Orders a group's distinct values for people: names by natural order, numbers by size with ∞ and unknown last. */
export function orderValues(
  group: FilterGroup,
  values: GroupValue[],
  datasetOrder: ReadonlyMap<string, number>,
): GroupValue[] {
  switch (groupSpec(group).order) {
    case 'number':
      return values.sort((a, b) => compareNumericValues(a.value, b.value));
    case 'dataset':
      return values.sort(
        (a, b) => (datasetOrder.get(a.value) ?? 0) - (datasetOrder.get(b.value) ?? 0),
      );
    case 'name':
      return values.sort((a, b) => collator.compare(a.label, b.label));
  }
}

/** A group value as people read it: a model's display name, a dataset's label, else itself. */
export function labelOf(
  group: FilterGroup,
  value: string,
  datasetLabels: ReadonlyMap<string, string>,
): string {
  const spec = groupSpec(group);
  return spec.labelOf === undefined ? value : spec.labelOf(value, datasetLabels);
}
