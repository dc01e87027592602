import {
  DEFAULT_DECISION_STATE,
  readPrices,
  type DecisionState,
} from '../data/decisions/decision-state';
import type { GpuPrices } from '../data/decisions/cost';
import type { SloPercentile, SloQuantity } from '../data/decisions/slo';
import { browserStorage } from './preferences-slice';
import { recordSlice } from './patch';

/** Where prices per GPU-hour are remembered in this browser. */
export const PRICES_STORAGE_KEY = 'vllm-dashboard.gpu-prices';

/** The remembered prices; none when there are none, they are unreadable or storage throws. */
export function readStoredPrices(storage: Storage | null = browserStorage()): GpuPrices {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(PRICES_STORAGE_KEY) ?? '{}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return readPrices(
      Object.entries(parsed as Record<string, unknown>).map(([type, price]) => [
        type,
        typeof price === 'number' ? String(price) : undefined,
      ]),
    );
  } catch {
    return {};
  }
}

function storePrices(prices: GpuPrices, storage: Storage | null = browserStorage()): void {
  try {
    if (Object.keys(prices).length === 0) storage?.removeItem(PRICES_STORAGE_KEY);
    else storage?.setItem(PRICES_STORAGE_KEY, JSON.stringify(prices));
  } catch {
    // Full or blocked storage: the prices apply, they are just not remembered.
  }
}

/** Objectives, their percentile and GPU prices: what the serving decisions are worked out with. */
export interface DecisionsSlice {
  readonly decisions: DecisionState;
  setSlo: (quantity: SloQuantity, value: number | null) => void;
  setPercentile: (percentile: SloPercentile) => void;
  /** Sets (or with null, forgets) a GPU type's price, and remembers the prices. */
  setPrice: (gpuType: string, price: number | null) => void;
  /** Replaces them all, e.g. from the URL; prices the URL lacks are the remembered ones. */
  applyDecisions: (decisions: DecisionState) => void;
}

export function initialDecisions(): Pick<DecisionsSlice, 'decisions'> {
  const prices = readStoredPrices();
  return {
    decisions:
      Object.keys(prices).length === 0
        ? DEFAULT_DECISION_STATE
        : { ...DEFAULT_DECISION_STATE, prices },
  };
}

export const createDecisionsSlice = recordSlice(
  'decisions',
  ({ change, replace, get }): DecisionsSlice => ({
    ...initialDecisions(),
    setSlo: (quantity, value) => {
      change({ slo: { ...get().decisions.slo, [quantity]: value } });
    },
    setPercentile: (percentile) => {
      change({ percentile });
    },
    setPrice: (gpuType, price) => {
      const pairs = Object.entries(get().decisions.prices).filter(([type]) => type !== gpuType);
      if (price !== null) pairs.push([gpuType, price]);
      const prices = readPrices(pairs.map(([type, value]) => [type, String(value)]));
      storePrices(prices);
      change({ prices });
    },
    applyDecisions: (decisions) => {
      const linked = Object.keys(decisions.prices).length > 0;
      replace(linked ? decisions : { ...decisions, prices: readStoredPrices() });
    },
  }),
);
