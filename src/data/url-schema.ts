import { DEFAULT_THRESHOLD, isValidThreshold } from './compare/thresholds';
import { compareSideParam, readCompareSide, type CompareSide } from './compare/compare-sides';
import { DEFAULT_COMPARE_STATE, type CompareState } from './compare/compare-state';
import {
  DECISION_URL_SCHEMA,
  DEFAULT_DECISION_STATE,
  decisionStateOf,
  decisionUrlValues,
  type DecisionState,
  type DecisionUrlValues,
} from './decisions/decision-state';
import { FILTER_GROUPS, NOTHING_HIDDEN, byGroup, type FilterGroup } from './results/filter-groups';
import { SUITES, type Suite } from './results/result-model';
import type { SortKey, SortSpec } from './results/sort-results';
import {
  DEFAULT_TABLE_VIEW,
  DEFAULT_VIEW_STATE,
  type TableView,
  type ViewState,
} from './view-state';

/**
 * Everything a link reproduces, in one place: every query parameter the dashboard reads or
 * writes, with its type, default and codec. Parsing, writing and the URL sync all go through it,
 * so a key cannot be written one way and read another.
 */

/**
 * The compare view's part of a link: its CompareState plus an optional threshold for
 * p99 metrics.
 */
export interface CompareUrlState extends CompareState {
  /** Threshold (percent) for metrics ending in `_p99`; null means the noise threshold applies. */
  readonly p99Threshold: number | null;
}

export const DEFAULT_COMPARE_URL_STATE: CompareUrlState = {
  ...DEFAULT_COMPARE_STATE,
  p99Threshold: null,
};

/** The whole state a link carries. */
export interface UrlState {
  readonly view: ViewState;
  readonly compare: CompareUrlState;
  /** Service-level objectives and GPU prices (decisions/decision-state.ts holds their codecs). */
  readonly decisions: DecisionState;
}

export const DEFAULT_URL_STATE: UrlState = {
  view: DEFAULT_VIEW_STATE,
  compare: DEFAULT_COMPARE_URL_STATE,
  decisions: DEFAULT_DECISION_STATE,
};

// Limits that keep a hostile or mangled link from costing anything.
const MAX_PARAMS = 1000;
const MAX_VALUE_LENGTH = 300;
const MAX_VALUES_PER_KEY = 200;
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** One query parameter: which of its occurrences count, its default and its codec. */
export interface UrlField<T> {
  /** `all` for a list (every occurrence, in order); else the first or the last occurrence. */
  readonly read: 'first' | 'last' | 'all';
  /**
   * Whether the link limits apply: occurrences past the first MAX_PARAMS parameters, and values
   * longer than MAX_VALUE_LENGTH, are dropped before decoding.
   */
  readonly limited: boolean;
  readonly fallback: T;
  /** The values to write, none for the default. */
  readonly encode: (value: T) => readonly string[];
  /** The values read (none when absent) → the value; junk gives the fallback. Never throws. */
  readonly decode: (values: readonly string[]) => T;
}

/** A list of distinct values (filters' hidden values, hidden columns), at most MAX_VALUES_PER_KEY. */
function valueList(allowEmpty: boolean): UrlField<readonly string[]> {
  return {
    read: 'all',
    limited: true,
    fallback: [],
    encode: (values) => values,
    decode: (values) => {
      const list: string[] = [];
      for (const value of values) {
        if (list.length >= MAX_VALUES_PER_KEY) break;
        if ((allowEmpty || value !== '') && !list.includes(value)) list.push(value);
      }
      return list;
    },
  };
}

function readSortKey(value: string): SortKey | null {
  const colon = value.indexOf(':');
  if (colon === -1) return null;
  const direction = value.slice(0, colon);
  const id = value.slice(colon + 1);
  if ((direction !== 'asc' && direction !== 'desc') || id === '') return null;
  return { id, desc: direction === 'desc' };
}

/** A table's sort keys, `desc:ttft_p99`, in priority order; a column counts once. */
const sortField: UrlField<SortSpec> = {
  read: 'all',
  limited: true,
  fallback: [],
  encode: (sorting) => sorting.map((key) => `${key.desc ? 'desc' : 'asc'}:${key.id}`),
  decode: (values) => {
    const keys: SortKey[] = [];
    for (const value of values) {
      const key = readSortKey(value);
      if (key !== null && !keys.some((existing) => existing.id === key.id)) keys.push(key);
    }
    return keys;
  },
};

/** The search text: written unless blank; the last occurrence counts. */
const searchField: UrlField<string> = {
  read: 'last',
  limited: true,
  fallback: '',
  encode: (search) => (search.trim() === '' ? [] : [search]),
  decode: (values) => values.at(-1) ?? '',
};

function flagField(on: string): UrlField<boolean> {
  return {
    read: 'first',
    limited: false,
    fallback: false,
    encode: (value) => (value ? [on] : []),
    decode: (values) => values[0] === on,
  };
}

/** A compare side: a dataset id or `gpu:<label>`; one a link cannot carry is left out. */
const sideField: UrlField<CompareSide | null> = {
  read: 'first',
  limited: false,
  fallback: null,
  encode: (side) => {
    if (side === null) return [];
    const value = compareSideParam(side);
    return value.length <= MAX_VALUE_LENGTH && readCompareSide(value) !== null ? [value] : [];
  },
  decode: (values) => {
    const value = values[0];
    return value === undefined || value.length > MAX_VALUE_LENGTH ? null : readCompareSide(value);
  },
};

function readThreshold(value: string | undefined): number | null {
  if (value === undefined || !DECIMAL.test(value)) return null;
  const threshold = Number(value);
  return isValidThreshold(threshold) ? threshold : null;
}

const thresholdField: UrlField<number> = {
  read: 'first',
  limited: false,
  fallback: DEFAULT_THRESHOLD,
  encode: (threshold) =>
    isValidThreshold(threshold) && threshold !== DEFAULT_THRESHOLD ? [String(threshold)] : [],
  decode: (values) => readThreshold(values[0]) ?? DEFAULT_THRESHOLD,
};

const optionalThresholdField: UrlField<number | null> = {
  read: 'first',
  limited: false,
  fallback: null,
  encode: (threshold) =>
    threshold !== null && isValidThreshold(threshold) ? [String(threshold)] : [],
  decode: (values) => readThreshold(values[0]),
};

/** A filter group's key: the values hidden in it. */
type HideKey = `hide.${FilterGroup}`;

/** Every URL key with the type of its value (a `hide.` key per filter group). */
export type UrlValues = { [K in HideKey]: readonly string[] } & ViewAndCompareValues &
  DecisionUrlValues;

interface ViewAndCompareValues {
  q: string;
  'sort.latency': SortSpec;
  'hidecol.latency': readonly string[];
  'sort.throughput': SortSpec;
  'hidecol.throughput': readonly string[];
  'sort.serving': SortSpec;
  'hidecol.serving': readonly string[];
  cmp: boolean;
  'cmp.base': CompareSide | null;
  'cmp.cand': CompareSide | null;
  'cmp.thr': number;
  'cmp.only': boolean;
  'cmp.p99': number | null;
}

export type UrlKey = keyof UrlValues;

/**
 * Every URL key's codec, in the order links write them:
 * `hide.gpu=8×H200&q=llama&sort.serving=desc:ttft_p99&cmp=1&cmp.base=…&cmp.thr=10`.
 * Compare's keys all start with `cmp`, so they never meet the view's.
 */
export const URL_SCHEMA: { readonly [K in UrlKey]: UrlField<UrlValues[K]> } = {
  ...(Object.fromEntries(FILTER_GROUPS.map((group) => [`hide.${group}`, valueList(true)])) as {
    readonly [K in HideKey]: UrlField<readonly string[]>;
  }),
  q: searchField,
  'sort.latency': sortField,
  'hidecol.latency': valueList(false),
  'sort.throughput': sortField,
  'hidecol.throughput': valueList(false),
  'sort.serving': sortField,
  'hidecol.serving': valueList(false),
  cmp: flagField('1'),
  'cmp.base': sideField,
  'cmp.cand': sideField,
  'cmp.thr': thresholdField,
  'cmp.only': flagField('reg'),
  'cmp.p99': optionalThresholdField,
  ...DECISION_URL_SCHEMA,
};

export const URL_KEYS = Object.keys(URL_SCHEMA) as readonly UrlKey[];

/** The keys' values of a state. */
export function urlValuesOf({ view, compare, decisions }: UrlState): UrlValues {
  const values: Partial<UrlValues> = { ...decisionUrlValues(decisions) };
  for (const group of FILTER_GROUPS) values[`hide.${group}`] = view.hidden[group];
  values.q = view.search;
  for (const suite of SUITES) {
    values[`sort.${suite}`] = view.tables[suite].sorting;
    values[`hidecol.${suite}`] = view.tables[suite].hiddenColumns;
  }
  values.cmp = compare.open;
  values['cmp.base'] = compare.baseline;
  values['cmp.cand'] = compare.candidate;
  values['cmp.thr'] = compare.threshold;
  values['cmp.only'] = compare.onlyRegressions;
  values['cmp.p99'] = compare.p99Threshold;
  return values as UrlValues;
}

/** The state of some keys' values; an unchanged part is the default object itself. */
export function urlStateOf(values: UrlValues): UrlState {
  const hidden = byGroup((group) => values[`hide.${group}`]);
  const table = (suite: Suite): TableView => {
    const sorting = values[`sort.${suite}`];
    const hiddenColumns = values[`hidecol.${suite}`];
    return sorting.length === 0 && hiddenColumns.length === 0
      ? DEFAULT_TABLE_VIEW
      : { sorting, hiddenColumns };
  };
  return {
    view: {
      hidden: FILTER_GROUPS.some((group) => hidden[group].length > 0) ? hidden : NOTHING_HIDDEN,
      search: values.q,
      tables: {
        latency: table('latency'),
        throughput: table('throughput'),
        serving: table('serving'),
      },
    },
    compare: {
      open: values.cmp,
      baseline: values['cmp.base'],
      candidate: values['cmp.cand'],
      threshold: values['cmp.thr'],
      onlyRegressions: values['cmp.only'],
      p99Threshold: values['cmp.p99'],
    },
    decisions: decisionStateOf(values),
  };
}

function isUrlKey(name: string): name is UrlKey {
  return Object.hasOwn(URL_SCHEMA, name);
}

// One key at a time, generic in the key, so its codec and its value have matching types.
function encodeField<K extends UrlKey>(key: K, values: Pick<UrlValues, K>): readonly string[] {
  const field = URL_SCHEMA[key];
  return field.encode(values[key]);
}

function decodeField<K extends UrlKey>(
  key: K,
  raw: readonly string[],
  into: Partial<Pick<UrlValues, K>>,
): void {
  const field = URL_SCHEMA[key];
  into[key] = raw.length === 0 ? field.fallback : field.decode(raw);
}

/**
 * The state as a query string (without `?`), defaults left out, keys in the schema's order so
 * the same state always gives the same link.
 */
export function encodeUrlState(state: UrlState): string {
  const values = urlValuesOf(state);
  const params = new URLSearchParams();
  for (const key of URL_KEYS)
    for (const value of encodeField(key, values)) params.append(key, value);
  return params.toString();
}

/**
 * A query string (with or without `?`) → the state it describes. Anything unknown, malformed or
 * over the limits is ignored and leaves the default in place; never throws.
 */
export function decodeUrlState(query: string): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return DEFAULT_URL_STATE;
  }
  const raw = new Map<UrlKey, string[]>();
  let seen = 0;
  for (const [name, value] of params) {
    seen += 1;
    if (!isUrlKey(name)) continue;
    const field = URL_SCHEMA[name];
    if (field.limited && (seen > MAX_PARAMS || value.length > MAX_VALUE_LENGTH)) continue;
    const values = raw.get(name) ?? [];
    if (field.read === 'first' && values.length > 0) continue;
    if (field.read === 'last') values.length = 0;
    values.push(value);
    raw.set(name, values);
  }
  const values: Partial<UrlValues> = {};
  for (const key of URL_KEYS) decodeField(key, raw.get(key) ?? [], values);
  return urlStateOf(values as UrlValues);
}

/** The view as a query string: encodeUrlState with the compare view left at its defaults. */
export function encodeViewState(view: ViewState): string {
  return encodeUrlState({
    view,
    compare: DEFAULT_COMPARE_URL_STATE,
    decisions: DEFAULT_DECISION_STATE,
  });
}

/** The view a query string describes (its compare keys are not read here). */
export function decodeViewState(query: string): ViewState {
  return decodeUrlState(query).view;
}
