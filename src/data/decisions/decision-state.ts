/**
 * What a person sets to answer serving questions: service-level objectives with the percentile
 * they apply at, and a price per GPU-hour per GPU type. A link carries all of it (url-schema.ts
 * lists the keys); prices are also remembered in the browser.
 */
import type { UrlField } from '../url-schema';
import type { GpuPrices } from './cost';
import {
  NO_SLO,
  SLO_PERCENTILES,
  SLO_QUANTITIES,
  type SloPercentile,
  type SloQuantity,
  type SloSet,
} from './slo';

export interface DecisionState {
  readonly slo: SloSet;
  readonly percentile: SloPercentile;
  readonly prices: GpuPrices;
}

export const DEFAULT_DECISION_STATE: DecisionState = {
  slo: NO_SLO,
  percentile: 'median',
  prices: {},
};

/** Longest GPU type a price is kept for, and most prices kept: a mangled link costs nothing. */
const MAX_TYPE_LENGTH = 64;
const MAX_PRICES = 32;

function positiveOrNull(text: string | undefined): number | null {
  if (text === undefined || !/^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return value > 0 && Number.isFinite(value) ? value : null;
}

/** An objective in ms: written when set, a positive decimal read back, anything else none. */
export const sloField: UrlField<number | null> = {
  read: 'first',
  limited: false,
  fallback: null,
  encode: (value) => (value === null ? [] : [String(value)]),
  decode: (values) => positiveOrNull(values[0]),
};

export const percentileField: UrlField<SloPercentile> = {
  read: 'first',
  limited: false,
  fallback: 'median',
  encode: (value) => (value === 'median' ? [] : [value]),
  decode: (values) => SLO_PERCENTILES.find((p) => p === values[0]) ?? 'median',
};

/** Prices as `H100:2.49`, one per GPU type, in type order. */
export const priceField: UrlField<GpuPrices> = {
  read: 'all',
  limited: true,
  fallback: {},
  encode: (prices) =>
    Object.keys(prices)
      .sort((a, b) => a.localeCompare(b))
      .map((type) => `${type}:${String(prices[type])}`),
  decode: (values) =>
    readPrices(values.map((value) => value.split(/:(?=[^:]*$)/) as [string, string?])),
};

/** Pairs of GPU type and price text → prices; bad pairs are left out. No prototype is touched. */
export function readPrices(pairs: readonly (readonly [string, string?])[]): GpuPrices {
  const prices: Record<string, number> = Object.create(null) as Record<string, number>;
  let kept = 0;
  for (const [type, text] of pairs) {
    const price = positiveOrNull(text);
    if (kept >= MAX_PRICES || price === null || type === '' || type.length > MAX_TYPE_LENGTH)
      continue;
    if (!Object.hasOwn(prices, type)) kept += 1;
    prices[type] = price;
  }
  return { ...prices };
}

/** The URL keys of the decisions, with their codecs. */
export type DecisionUrlValues = { [K in `slo.${SloQuantity}`]: number | null } & {
  'slo.pct': SloPercentile;
  price: GpuPrices;
};

export const DECISION_URL_SCHEMA: {
  readonly [K in keyof DecisionUrlValues]: UrlField<DecisionUrlValues[K]>;
} = {
  'slo.ttft': sloField,
  'slo.itl': sloField,
  'slo.tpot': sloField,
  'slo.e2el': sloField,
  'slo.pct': percentileField,
  price: priceField,
};

export function decisionUrlValues(state: DecisionState): DecisionUrlValues {
  return {
    'slo.ttft': state.slo.ttft,
    'slo.itl': state.slo.itl,
    'slo.tpot': state.slo.tpot,
    'slo.e2el': state.slo.e2el,
    'slo.pct': state.percentile,
    price: state.prices,
  };
}

export function decisionStateOf(values: DecisionUrlValues): DecisionState {
  const slo = Object.fromEntries(SLO_QUANTITIES.map((q) => [q, values[`slo.${q}`]])) as Record<
    SloQuantity,
    number | null
  >;
  const unset = SLO_QUANTITIES.every((q) => slo[q] === null);
  const prices =
    Object.keys(values.price).length === 0 ? DEFAULT_DECISION_STATE.prices : values.price;
  if (unset && values['slo.pct'] === 'median' && prices === DEFAULT_DECISION_STATE.prices) {
    return DEFAULT_DECISION_STATE;
  }
  return { slo: unset ? NO_SLO : slo, percentile: values['slo.pct'], prices };
}
