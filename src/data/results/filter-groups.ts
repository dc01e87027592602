/**
 * The filter groups every table and chart shares, what a user hides in them, and each result's
 * value in a group, ordered and labelled for people.
 */
import { formatQps } from '../format';
import { gpuLabel } from '../gpu';
import { modelLabel } from '../models';
import type { BenchmarkResult } from './result-model';

/** Filter groups shared by every table and chart, in the order the filter bar shows them. */
export type FilterGroup = 'model' | 'gpu' | 'qps' | 'tp' | 'dataset';

export const FILTER_GROUPS: readonly FilterGroup[] = ['model', 'gpu', 'qps', 'tp', 'dataset'];

/**
 * The values a user has unchecked, per group. Storing what is hidden (not what is shown) means
 * values that arrive with new data are visible until someone hides them.
 */
export type HiddenValues = Readonly<Record<FilterGroup, readonly string[]>>;

export const NOTHING_HIDDEN: HiddenValues = { model: [], gpu: [], qps: [], tp: [], dataset: [] };

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
  switch (group) {
    case 'model':
      return result.model;
    case 'gpu':
      return gpuLabel(result.gpu);
    case 'qps':
      // QPS is a serving setting: latency and throughput results are never hidden by it.
      return result.suite === 'serving' ? formatQps(result.qps) : null;
    case 'tp':
      return result.tp === null ? '—' : String(result.tp);
    case 'dataset':
      return datasetId;
  }
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
  if (group === 'qps' || group === 'tp') {
    return values.sort((a, b) => compareNumericValues(a.value, b.value));
  }
  if (group === 'dataset') {
    return values.sort(
      (a, b) => (datasetOrder.get(a.value) ?? 0) - (datasetOrder.get(b.value) ?? 0),
    );
  }
  return values.sort((a, b) => collator.compare(a.label, b.label));
}

/** A group value as people read it: a model's display name, a dataset's label, else itself. */
export function labelOf(
  group: FilterGroup,
  value: string,
  datasetLabels: ReadonlyMap<string, string>,
): string {
  if (group === 'model') return modelLabel(value);
  if (group === 'dataset') return datasetLabels.get(value) ?? value;
  return value;
}
