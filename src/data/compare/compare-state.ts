/** The compare view's state as a link carries it; url-schema.ts writes and reads it. */
import type { CompareSide } from './compare-sides';
import { DEFAULT_THRESHOLD } from './thresholds';

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
