import { useId, useMemo } from 'react';
import { formatQps } from '../../data/format';
import { readPositiveInput } from '../../data/decisions/positive-input';
import { type ServingConfig } from '../../data/decisions/serving-configs';
import {
  SLO_NAMES,
  SLO_QUANTITIES,
  hasSlo,
  percentileLabel,
  sloCapacity,
  sloPercentiles,
  type LoadVerdict,
} from '../../data/decisions/slo';
import { useDashboardStore } from '../../store/dashboard-store';
import { ChartSelect } from '../../ui/chart-select';
import { NumberField } from '../../ui/number-field';
import { DecisionTable, type DecisionRow } from './decision-table';

const readMs = (text: string) => readPositiveInput(text, 'a number of milliseconds');

function verdictText(verdict: LoadVerdict): string {
  const load = formatQps(verdict.load);
  if (verdict.kind === 'meets') return `${load} ✓`;
  if (verdict.kind === 'unknown') return `${load} ? (no ${SLO_NAMES[verdict.quantity]})`;
  return `${load} ✗ (${SLO_NAMES[verdict.quantity]} ${verdict.value.toFixed(1)} ms)`;
}

/**
 * SLO capacity: objectives for TTFT, ITL, TPOT and E2E latency at a percentile, and per model and
 * GPU the highest tested load that meets them all — judged load by load, every load shown.
 */
export function SloPanel({
  configs,
  metricKeys,
}: {
  configs: readonly ServingConfig[];
  metricKeys: readonly string[];
}) {
  const decisions = useDashboardStore((state) => state.decisions);
  const setSlo = useDashboardStore((state) => state.setSlo);
  const setPercentile = useDashboardStore((state) => state.setPercentile);
  const headingId = useId();
  const offered = sloPercentiles(metricKeys);
  const percentile = offered.includes(decisions.percentile) ? decisions.percentile : 'median';
  const capacity = useMemo(
    () => sloCapacity(configs, decisions.slo, percentile),
    [configs, decisions.slo, percentile],
  );
  const set = SLO_QUANTITIES.filter((q) => decisions.slo[q] !== null);
  const withGoodput = capacity.some((entry) => entry.goodput.length > 0);
  const rows: DecisionRow[] = capacity.map((entry) => ({
    key: entry.config.key,
    cells: [
      { text: entry.config.model },
      { text: entry.config.setup },
      {
        text:
          entry.highest === null
            ? 'none'
            : `${entry.config.loadKind === 'concurrency' ? 'concurrency ' : ''}${formatQps(entry.highest)}`,
        csv: entry.highest === null ? 'none' : formatQps(entry.highest),
        numeric: true,
      },
      {
        text:
          entry.missing.length > 0
            ? `no ${entry.missing.map((q) => `${percentileLabel(percentile)} ${SLO_NAMES[q]}`).join(', ')} in the data`
            : entry.verdicts.map(verdictText).join(' · '),
      },
      ...(withGoodput
        ? [
            {
              text:
                entry.goodput.length === 0
                  ? '—'
                  : entry.goodput
                      .map((g) => `${formatQps(g.load)}: ${g.value.toFixed(2)} req/s`)
                      .join(' · '),
            },
          ]
        : []),
    ],
  }));
  return (
    <section className="decision-part" aria-labelledby={headingId}>
      <h3 id={headingId}>SLO capacity</h3>
      <p className="chart-description">
        Set objectives in milliseconds (empty: not set). Each tested load is judged on its own at
        the chosen percentile; the answer is the highest load that meets every objective set — a P99
        at QPS 1 can be above the one at QPS 4, so the first failure is not the limit.
      </p>
      <div className="decision-inputs">
        {SLO_QUANTITIES.map((quantity) => (
          <NumberField
            key={quantity}
            label={`${SLO_NAMES[quantity]} SLO (ms)`}
            value={decisions.slo[quantity]}
            read={readMs}
            onChange={(value) => {
              setSlo(quantity, value);
            }}
          />
        ))}
        <ChartSelect
          label="SLO percentile"
          value={percentile}
          options={offered.map((value) => ({ value, label: percentileLabel(value) }))}
          onChange={(value) => {
            const chosen = offered.find((option) => option === value);
            if (chosen !== undefined) setPercentile(chosen);
          }}
        />
      </div>
      {!hasSlo(decisions.slo) && (
        <p className="decision-hint">
          No objective set: every tested load counts as meeting, so each row shows its highest load.
        </p>
      )}
      <DecisionTable
        caption={`Max QPS within SLO (${percentileLabel(percentile)}${set.length === 0 ? '' : `: ${set.map((q) => `${SLO_NAMES[q]} ≤ ${String(decisions.slo[q])} ms`).join(', ')}`})`}
        header={[
          'Model',
          'GPU',
          'Highest load within SLO',
          'Each load tested',
          ...(withGoodput ? ["Goodput (the benchmark's own SLOs)"] : []),
        ]}
        rows={rows}
        fileName="slo-capacity"
      />
      {capacity.length === 0 && <p>No serving results in view.</p>}
    </section>
  );
}
