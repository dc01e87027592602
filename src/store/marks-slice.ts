import type { StateCreator } from 'zustand';
import {
  readRunMarks,
  withRunMark,
  type RunMark,
  type RunMarkKind,
} from '../data/regression/run-marks';
import { browserStorage } from './preferences-slice';
import type { DashboardStore } from './dashboard-store';

/** Where the marks are remembered in this browser. */
export const RUN_MARKS_STORAGE_KEY = 'vllm-dashboard.run-marks';

/** The remembered marks; none when storage is unavailable or holds something else. */
export function readStoredRunMarks(storage: Storage | null = browserStorage()): RunMark[] {
  try {
    return readRunMarks(storage?.getItem(RUN_MARKS_STORAGE_KEY) ?? null);
  } catch {
    return [];
  }
}

function storeRunMarks(
  marks: readonly RunMark[],
  storage: Storage | null = browserStorage(),
): void {
  try {
    if (marks.length === 0) storage?.removeItem(RUN_MARKS_STORAGE_KEY);
    else storage?.setItem(RUN_MARKS_STORAGE_KEY, JSON.stringify(marks));
  } catch {
    // Full or blocked storage: the marks apply for this page, they are just not remembered.
  }
}

/**
 * Runs a person marked as outliers or known changes (src/data/regression/run-marks.ts), kept in
 * this browser across visits; the regression engine and the History chart read them.
 */
export interface MarksSlice {
  readonly runMarks: readonly RunMark[];
  /** Marks a run of a GPU (its date names it), or clears its mark with null. */
  setRunMark: (gpu: string, date: string, kind: RunMarkKind | null) => void;
}

export function initialMarks(): Pick<MarksSlice, 'runMarks'> {
  return { runMarks: readStoredRunMarks() };
}

export const createMarksSlice: StateCreator<DashboardStore, [], [], MarksSlice> = (set, get) => ({
  ...initialMarks(),
  setRunMark: (gpu, date, kind) => {
    const runMarks = withRunMark(get().runMarks, { gpu, date, kind });
    storeRunMarks(runMarks);
    set({ runMarks });
  },
});
