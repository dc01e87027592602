/** The compare view's state as a link carries it, and back. */
import { compareSideParam, readCompareSide, type CompareSide } from './compare-sides';
import { DEFAULT_THRESHOLD, isValidThreshold } from './thresholds';

/** Everything about the compare view that a link should reproduce. */
export interface CompareState {
  readonly open: boolean;
  readonly baseline: CompareSide | null;
  readonly candidate: CompareSide | null;
  /** The default threshold in percent (see isValidThreshold). */
  readonly threshold: number;
  readonly onlyRegressions: boolean;
}

export const DEFAULT_COMPARE_STATE: CompareState = {
  open: false,
  baseline: null,
  candidate: null,
  threshold: DEFAULT_THRESHOLD,
  onlyRegressions: false,
};

/** Query parameter names; all start with `cmp` so they never meet view-state.ts's names. */
export const COMPARE_PARAMS = {
  open: 'cmp',
  baseline: 'cmp.base',
  candidate: 'cmp.cand',
  threshold: 'cmp.thr',
  only: 'cmp.only',
} as const;

/** Longest side value a link may carry, as in view-state.ts. */
const MAX_SIDE_LENGTH = 300;
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function usableSide(side: CompareSide | null): side is CompareSide {
  if (side === null) return false;
  const value = compareSideParam(side);
  return value.length <= MAX_SIDE_LENGTH && readCompareSide(value) !== null;
}

/**
 * The compare view as query parameters (without `?`), defaults left out, in a fixed order:
 * `cmp=1&cmp.base=…&cmp.cand=gpu%3A8%C3%97H200&cmp.thr=10&cmp.only=reg`. The sides and settings
 * are written even when the view is closed, so reopening it from a link restores them; a value a
 * link cannot carry (too long, invalid threshold) is left out, as decoding would ignore it.
 * The UI appends this to encodeViewState's query.
 */
export function encodeCompareState(state: CompareState): string {
  const params = new URLSearchParams();
  if (state.open) params.set(COMPARE_PARAMS.open, '1');
  if (usableSide(state.baseline)) {
    params.set(COMPARE_PARAMS.baseline, compareSideParam(state.baseline));
  }
  if (usableSide(state.candidate)) {
    params.set(COMPARE_PARAMS.candidate, compareSideParam(state.candidate));
  }
  if (isValidThreshold(state.threshold) && state.threshold !== DEFAULT_THRESHOLD) {
    params.set(COMPARE_PARAMS.threshold, String(state.threshold));
  }
  if (state.onlyRegressions) params.set(COMPARE_PARAMS.only, 'reg');
  return params.toString();
}

function readSideParam(value: string | null): CompareSide | null {
  if (value === null || value.length > MAX_SIDE_LENGTH) return null;
  return readCompareSide(value);
}

function readThreshold(value: string | null): number {
  if (value === null || !DECIMAL.test(value)) return DEFAULT_THRESHOLD;
  const threshold = Number(value);
  return isValidThreshold(threshold) ? threshold : DEFAULT_THRESHOLD;
}

/**
 * A query string (with or without `?`) or parsed parameters → the compare view. Other
 * parameters are ignored; a repeated parameter counts once (the first); junk (`cmp=yes`,
 * `cmp.thr=-3`, `cmp.thr=NaN`, `cmp.only=all`) leaves the default. Never throws.
 */
export function decodeCompareState(query: URLSearchParams | string): CompareState {
  let params: URLSearchParams;
  try {
    params = typeof query === 'string' ? new URLSearchParams(query) : query;
  } catch {
    return DEFAULT_COMPARE_STATE;
  }
  return {
    open: params.get(COMPARE_PARAMS.open) === '1',
    baseline: readSideParam(params.get(COMPARE_PARAMS.baseline)),
    candidate: readSideParam(params.get(COMPARE_PARAMS.candidate)),
    threshold: readThreshold(params.get(COMPARE_PARAMS.threshold)),
    onlyRegressions: params.get(COMPARE_PARAMS.only) === 'reg',
  };
}
