import { useState } from 'react';
import type { HistoryData } from '../../data/history/history-data';
import { formatHistoryDate } from '../../data/history/history-order';
import { RUN_MARK_KINDS, runMarkOf } from '../../data/regression/run-marks';
import { useDashboardStore } from '../../store/dashboard-store';
import { ChartSelect } from '../../ui/chart-select';

const NO_MARK = '';

/**
 * Marks a dated run of the chart's GPU as an outlier or a known change (or clears its mark). The
 * mark is kept in this browser and applies to every series of the GPU: the regression engine
 * leaves an outlier out and starts the history again at a known change.
 */
export function RunMarkControl({ data }: { readonly data: HistoryData }) {
  const runMarks = useDashboardStore((state) => state.runMarks);
  const setRunMark = useDashboardStore((state) => state.setRunMark);
  const dated = data.runs.filter((run) => run.date !== null);
  const [chosen, setChosen] = useState<string | null>(null);
  const run = dated.find((candidate) => candidate.date === chosen) ?? dated[dated.length - 1];
  if (run?.date == null) return null;
  const date = run.date;
  const mark = runMarkOf(runMarks, data.gpu, date);
  return (
    <div className="run-mark-control">
      <ChartSelect
        label="Run"
        value={date}
        options={dated.map((entry) => ({
          value: entry.date ?? '',
          label: `${formatHistoryDate(entry.date ?? '')} · ${entry.label}`,
        }))}
        onChange={setChosen}
      />
      <ChartSelect
        label="Mark run as"
        value={mark ?? NO_MARK}
        options={[
          { value: NO_MARK, label: 'not marked' },
          ...RUN_MARK_KINDS.map((kind) => ({ value: kind, label: kind })),
        ]}
        onChange={(value) => {
          setRunMark(data.gpu, date, RUN_MARK_KINDS.find((kind) => kind === value) ?? null);
        }}
      />
      <p className="how-note">
        Marks are kept in this browser and apply to every test of {data.gpu}: an outlier is left out
        of the noise band and the tests; a known change starts the history again at its run.
      </p>
    </div>
  );
}
