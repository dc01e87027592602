import { useId, useMemo, useState } from 'react';
import { servingConfigsOf } from '../../store/dashboard-store';
import { withDeferredView, type WithView } from '../../store/deferred-view';
import { useChartPalette } from '../../ui/use-chart-palette';
import { CostPanel } from './cost-panel';
import { InteractivityChart } from './interactivity-chart';
import { SloPanel } from './slo-panel';
import './decisions.css';

/**
 * Serving decisions for the data in view (the latest run of each GPU): the interactivity frontier,
 * the highest load within service-level objectives, and what throughput costs. Loaded as a chunk
 * of its own with the charts' library.
 */
function DecisionsBody({ view }: WithView<object>) {
  const palette = useChartPalette();
  const configs = servingConfigsOf(view);
  const models = useMemo(() => [...new Set(configs.map((config) => config.model))], [configs]);
  const [chosen, setChosen] = useState<string | null>(null);
  const model = chosen !== null && models.includes(chosen) ? chosen : (models[0] ?? null);
  const headingId = useId();
  return (
    <section id="decisions" className="panel decisions" aria-labelledby={headingId}>
      <h2 id={headingId}>Serving decisions</h2>
      {model === null ? (
        <p>No serving results in view: the interactivity frontier and SLO capacity need them.</p>
      ) : (
        <InteractivityChart {...{ view, configs, model, models, palette }} onModel={setChosen} />
      )}
      <SloPanel configs={configs} metricKeys={view.index.metricKeys.serving} />
      <CostPanel view={view} />
    </section>
  );
}

export default withDeferredView(DecisionsBody, 'decisions');
