import type { StateCreator } from 'zustand';
import type { LoadProblem } from '../data/load-problem';
import type { IngestStage } from '../workers/ingest-protocol';
import type { DashboardStore } from './dashboard-store';

export type LoadPhase = 'idle' | 'loading' | 'ready';

/** A load running in the parsing worker, as its progress bar shows it. */
export interface LoadProgress {
  readonly id: number;
  /** The files being loaded, as one phrase. */
  readonly names: string;
  readonly stage: IngestStage;
  readonly doneBytes: number;
  readonly totalBytes: number;
  /** `performance.now()` when it started: progress shows only for loads that take a while. */
  readonly startedAt: number;
}

/** Loads in progress, what went wrong, and whether what is loaded can be kept. */
export interface LoadsSlice {
  readonly phase: LoadPhase;
  readonly problems: readonly LoadProblem[];
  /** False when the browser gives no storage: loaded files last for this session only. */
  readonly storageAvailable: boolean;
  /** Ids of loaded datasets that could not be saved (storage full or unavailable). */
  readonly notSaved: readonly string[];
  /** Loads in progress in the parsing worker. */
  readonly loads: readonly LoadProgress[];
  /** The last thing worth telling that is not a problem (a cancelled load). */
  readonly notice: string;
  startLoading: () => void;
  startLoad: (progress: LoadProgress) => void;
  updateLoad: (id: number, change: Partial<Omit<LoadProgress, 'id' | 'startedAt'>>) => void;
  endLoad: (id: number) => void;
  setNotice: (notice: string) => void;
  reportProblems: (problems: readonly LoadProblem[]) => void;
  dismissProblem: (problem: LoadProblem) => void;
  finishLoading: () => void;
  setStorageAvailable: (available: boolean) => void;
  markNotSaved: (id: string) => void;
}

type LoadsState = Pick<
  LoadsSlice,
  'phase' | 'problems' | 'storageAvailable' | 'notSaved' | 'loads' | 'notice'
>;

export const initialLoadsState: LoadsState = {
  phase: 'idle',
  problems: [],
  storageAvailable: true,
  notSaved: [],
  loads: [],
  notice: '',
};

export const createLoadsSlice: StateCreator<DashboardStore, [], [], LoadsSlice> = (set, get) => ({
  ...initialLoadsState,
  startLoading: () => {
    set({ phase: 'loading' });
  },
  startLoad: (progress) => {
    set({ loads: [...get().loads, progress], notice: '' });
  },
  updateLoad: (id, change) => {
    set({ loads: get().loads.map((load) => (load.id === id ? { ...load, ...change } : load)) });
  },
  endLoad: (id) => {
    set({ loads: get().loads.filter((load) => load.id !== id) });
  },
  setNotice: (notice) => {
    set({ notice });
  },
  reportProblems: (problems) => {
    if (problems.length > 0) set({ problems: [...get().problems, ...problems] });
  },
  dismissProblem: (problem) => {
    set({ problems: get().problems.filter((item) => item !== problem) });
  },
  finishLoading: () => {
    set({ phase: 'ready' });
  },
  setStorageAvailable: (available) => {
    set({ storageAvailable: available });
  },
  markNotSaved: (id) => {
    if (!get().notSaved.includes(id)) set({ notSaved: [...get().notSaved, id] });
  },
});
