import { useState } from 'react';
import type { LatencyStat } from '../../data/charts/bar-charts';
import type { ServingMetricChoice } from '../../data/charts/serving-metrics';
import { ChartSelect } from '../../ui/chart-select';
import { OptionGroup, type Option } from '../../ui/option-group';

const STAT_LABELS: Readonly<Record<LatencyStat, string>> = {
  mean: 'Mean',
  median: 'Median',
  p99: 'P99',
};

/** The metric and statistic chosen, as MetricStatControls takes them. */
export interface MetricStat {
  /** The choice in effect: the chosen one, else the first there is. */
  readonly choice: ServingMetricChoice | undefined;
  readonly onChoice: (id: string) => void;
  readonly stat: LatencyStat;
  readonly onStat: (stat: LatencyStat) => void;
}

/** A chart's metric and statistic, starting at `id` and `stat`. */
export function useMetricStat(
  choices: readonly ServingMetricChoice[],
  id: string,
  initialStat: LatencyStat,
): MetricStat {
  const [chosen, setChosen] = useState(id);
  const [stat, setStat] = useState(initialStat);
  const choice = choices.find((entry) => entry.id === chosen) ?? choices[0];
  return { choice, onChoice: setChosen, stat, onStat: setStat };
}

interface MetricStatControlsProps extends MetricStat {
  /** The select's label: `Metric`, `Response time`. */
  readonly label: string;
  readonly choices: readonly ServingMetricChoice[];
}

/** A serving metric to plot and, for metrics with several, its statistic (mean, median, p99). */
export function MetricStatControls({
  label,
  choices,
  choice,
  onChoice,
  stat,
  onStat,
}: MetricStatControlsProps) {
  const stats: Option<LatencyStat>[] = (choice?.stats ?? []).map((value) => ({
    value,
    label: STAT_LABELS[value],
  }));
  return (
    <>
      <ChartSelect
        label={label}
        value={choice?.id ?? ''}
        options={choices.map((entry) => ({ value: entry.id, label: entry.label }))}
        onChange={onChoice}
      />
      {stats.length > 0 && (
        <OptionGroup label="Statistic" options={stats} value={stat} onChange={onStat} />
      )}
    </>
  );
}
