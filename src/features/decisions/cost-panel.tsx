import { useId, type ReactNode } from 'react';
import { COST_FORMULA, costRowsSteps, pricedGpuTypesSteps } from '../../data/decisions/cost';
import { readPositiveInput } from '../../data/decisions/positive-input';
import { formatMetricValue, formatQps } from '../../data/format';
import type { ResultsView } from '../../data/results/results-view';
import { useDashboardStore } from '../../store/dashboard-store';
import { useSteppedValue } from '../../store/stepped-value';
import { ChartPlaceholder } from '../../ui/chart-figure';
import { NumberField } from '../../ui/number-field';
import { DecisionTable, type DecisionRow } from './decision-table';

const readDollars = (text: string) => readPositiveInput(text, 'dollars per GPU-hour, e.g. 2.49');

/** Money with four significant digits below a dollar ($0.02570), cents above ($12.50). */
function dollars(value: number): string {
  return value >= 1 ? `$${value.toFixed(2)}` : `$${value.toPrecision(4)}`;
}

/**
 * Cost: a price per GPU-hour per GPU type (empty until set; remembered in this browser and in
 * the link), and per test what its throughput costs, with the formula.
 */
export function CostPanel({ view }: { view: ResultsView }) {
  const prices = useDashboardStore((state) => state.decisions.prices);
  const setPrice = useDashboardStore((state) => state.setPrice);
  const headingId = useId();
  // Over a large view both are made in short tasks after the render (see useSteppedValue).
  const types = useSteppedValue(view, null, pricedGpuTypesSteps);
  const rows = useSteppedValue(view, prices, costRowsSteps);
  if (types === null || rows === null) {
    return (
      <CostSection headingId={headingId}>
        <ChartPlaceholder />
      </CostSection>
    );
  }
  const tableRows: DecisionRow[] = rows.map((row) => ({
    key: `${row.result.testName}|${row.gpu}`,
    cells: [
      { text: row.result.testName },
      { text: row.gpu },
      { text: formatQps(row.result.qps), numeric: true },
      { text: String(row.gpusUsed), numeric: true },
      {
        text: `${formatMetricValue(row.throughputKey, row.throughput)} ${row.throughputUnit}`,
        csv: row.throughput,
        numeric: true,
      },
      {
        text:
          row.cost === null
            ? `— (set a price for ${row.result.gpu?.type ?? 'this GPU'})`
            : `${dollars(row.cost)} ${row.unit}`,
        csv: row.cost,
        numeric: true,
      },
    ],
  }));
  return (
    <CostSection headingId={headingId}>
      <div className="decision-inputs">
        {types.map((type) => (
          <NumberField
            key={type}
            label={`$ per GPU-hour, ${type}`}
            value={prices[type] ?? null}
            read={readDollars}
            placeholder="not set"
            onChange={(value) => {
              setPrice(type, value);
            }}
          />
        ))}
      </div>
      {Object.keys(prices).length === 0 && (
        <p className="decision-hint">
          Set a price per GPU-hour above to see what each throughput and serving test costs.
        </p>
      )}
      <DecisionTable
        caption="Cost per test at the prices set"
        header={['Test', 'GPU', 'QPS', 'GPUs used', 'Throughput', 'Cost']}
        rows={tableRows}
        fileName="cost"
      />
    </CostSection>
  );
}

/** The panel's heading and formula, above its prices and table (or their placeholder). */
function CostSection({
  headingId,
  children,
}: {
  readonly headingId: string;
  readonly children: ReactNode;
}) {
  return (
    <section className="decision-part" aria-labelledby={headingId}>
      <h3 id={headingId}>Cost</h3>
      <p className="chart-description">{COST_FORMULA} Prices are yours to set: none is assumed.</p>
      {children}
    </section>
  );
}
