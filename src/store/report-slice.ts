import type { StateCreator } from 'zustand';
import type { RegressionReport } from '../data/regression/report';
import type { DashboardStore } from './dashboard-store';

/**
 * The Regressions report last worked out for the view (null without dated history): the
 * Regressions section sets it, and the overview reads its latest night from it.
 */
export interface ReportSlice {
  readonly regressionReport: RegressionReport | null;
  setRegressionReport: (report: RegressionReport | null) => void;
}

export const initialReport: Pick<ReportSlice, 'regressionReport'> = { regressionReport: null };

export const createReportSlice: StateCreator<DashboardStore, [], [], ReportSlice> = (set) => ({
  ...initialReport,
  setRegressionReport: (regressionReport) => {
    set({ regressionReport });
  },
});
