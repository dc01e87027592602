import type { LatencyStat } from '../../data/charts/bar-charts';
import type { ServingMetricChoice } from '../../data/charts/serving-metrics';
import { ChartSelect } from '../../ui/chart-select';
import { OptionGroup, type Option } from '../../ui/option-group';

const STAT_LABELS: Readonly<Record<LatencyStat, string>> = {
  mean: 'Mean',
  median: 'Median',
  p99: 'P99',
};

interface MetricStatControlsProps {
  /** The select's label: `Metric`, `Response time`. */
  readonly label: string;
  readonly choices: readonly ServingMetricChoice[];
  /** The choice in effect (the first one when the chosen one is not there). */
  readonly choice: ServingMetricChoice | undefined;
  readonly onChoice: (id: string) => void;
  readonly stat: LatencyStat;
  readonly onStat: (stat: LatencyStat) => void;
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
