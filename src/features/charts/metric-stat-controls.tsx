import { useMemo, useState } from 'react';
import { LATENCY_STAT_LABELS, type LatencyStat } from '../../data/charts/bar-charts';
import { plottedServingKey, type ServingMetricChoice } from '../../data/charts/serving-metrics';
import type { ResultsView } from '../../data/results/results-view';
import type { Steps } from '../../data/results/steps';
import { useSteppedValue } from '../../store/stepped-value';
import { ChartSelect } from '../../ui/chart-select';
import { OptionGroup, type Option } from '../../ui/option-group';

/** The metric and statistic chosen, as MetricStatControls takes them. */
export interface MetricStat {
  /** The serving metrics the data offers. */
  readonly choices: readonly ServingMetricChoice[];
  /** The choice in effect: the chosen one, else the first there is. */
  readonly choice: ServingMetricChoice | undefined;
  readonly onChoice: (id: string) => void;
  readonly stat: LatencyStat;
  readonly onStat: (stat: LatencyStat) => void;
}

/** Where a chart's metric starts, and the key it plots when the data offers no choice. */
interface MetricStart {
  readonly id: string;
  readonly stat: LatencyStat;
  readonly fallbackKey: string;
}

/**
 * A chart's serving metric and statistic, among the choices `choicesOf` finds in the loaded
 * serving metric keys, starting at `start`; with the metric key they plot.
 */
export function useServingMetric(
  metricKeys: readonly string[],
  choicesOf: (metricKeys: readonly string[]) => ServingMetricChoice[],
  start: MetricStart,
): MetricStat & { readonly metricKey: string } {
  const choices = useMemo(() => choicesOf(metricKeys), [choicesOf, metricKeys]);
  const [chosen, setChosen] = useState(start.id);
  const [stat, setStat] = useState(start.stat);
  const choice = choices.find((entry) => entry.id === chosen) ?? choices[0];
  const metricKey = plottedServingKey(choice, stat, start.fallbackKey);
  return { choices, choice, onChoice: setChosen, stat, onStat: setStat, metricKey };
}

/**
 * A serving chart's metric (as `useServingMetric`) and what `make` draws of the view for it,
 * made again only when the view or the metric changes: over a large view in short tasks after
 * the render (see `useSteppedValue`), null until the first is made.
 */
export function useServingMetricChart<T>(
  view: ResultsView,
  choicesOf: (metricKeys: readonly string[]) => ServingMetricChoice[],
  start: MetricStart,
  make: (view: ResultsView, metricKey: string) => Steps<T>,
): { readonly metric: MetricStat & { readonly metricKey: string }; readonly data: T | null } {
  const metric = useServingMetric(view.index.metricKeys.serving, choicesOf, start);
  const data = useSteppedValue(view, metric.metricKey, make);
  return { metric, data };
}

interface MetricStatControlsProps extends MetricStat {
  /** The select's label: `Metric`, `Response time`. */
  readonly label: string;
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
    label: LATENCY_STAT_LABELS[value],
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
