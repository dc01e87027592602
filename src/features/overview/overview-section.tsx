import { useId, useMemo } from 'react';
import { formatMetricValue, formatQps } from '../../data/format';
import { latestNight } from '../../data/decisions/night-summary';
import { overview, type LoadValue, type Scorecard } from '../../data/decisions/overview';
import { configName } from '../../data/decisions/serving-configs';
import { plural } from '../../data/charts/chart-summaries';
import { servingConfigsOf, useDashboardStore } from '../../store/dashboard-store';
import { withDeferredView, type WithView } from '../../store/deferred-view';
import './overview.css';

/** Where each part of the page is: one click away from the overview, kept in the URL's hash. */
const SECTIONS: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'decisions', label: 'Serving decisions' },
  { id: 'datasets', label: 'Datasets' },
  { id: 'tables', label: 'Tables' },
  { id: 'charts', label: 'Charts' },
  { id: 'how-measured', label: 'How measured' },
];

/** A value at a load: the number with its unit, and the load it was measured at. */
function atLoad(entry: LoadValue | null, key: string, unit: string): [string, string] {
  if (entry === null) return ['', '—'];
  return [`QPS ${formatQps(entry.load)}`, `${formatMetricValue(key, entry.value)} ${unit}`];
}

/** One model on one GPU: the numbers people decide with, each with its unit and load. */
function Card({ card, best }: { card: Scorecard; best: boolean }) {
  const plain = (key: string, number: number | null, unit: string): [string, string] => [
    '',
    number === null ? '—' : `${formatMetricValue(key, number)} ${unit}`,
  ];
  const stats: readonly [string, [string, string]][] = [
    ['Throughput', plain('request_throughput', card.throughput, 'req/s')],
    ['Peak serving', atLoad(card.peakServing, 'request_throughput', 'req/s')],
    ['Median TTFT', atLoad(card.ttftLowLoad, 'ttft_median', 'ms')],
    ['Median ITL', atLoad(card.itlLowLoad, 'itl_median', 'ms')],
    ['Mean latency', plain('latency_mean', card.latency, 'ms')],
  ];
  const name = `${configName(card)}${card.tp === null ? '' : `, TP ${String(card.tp)}`}`;
  return (
    <li className={best ? 'scorecard best' : 'scorecard'} aria-label={name}>
      <p className="scorecard-gpu">
        {card.setup}
        {card.tp !== null && <span className="scorecard-tp"> · TP {card.tp}</span>}
        {best && <span className="best-badge">best</span>}
      </p>
      <dl>
        {stats.map(([label, [load, text]]) => (
          <div key={label}>
            <dt>
              {label}
              {load !== '' && <span className="scorecard-load"> · {load}</span>}
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/**
 * The first thing under the header: for the data in view (the latest run of each GPU), one
 * scorecard per model and GPU with its headline numbers, the best GPU per model, and the latest
 * night's regressions when dated history is loaded; links to the rest of the page.
 */
export const OverviewSection = withDeferredView(function OverviewSection({
  view,
}: WithView<object>) {
  const report = useDashboardStore((state) => state.regressionReport);
  const models = useMemo(() => overview(view, servingConfigsOf(view)), [view]);
  const night = report === null ? null : latestNight(report);
  const headingId = useId();
  return (
    <section id="overview" className="panel overview" aria-labelledby={headingId}>
      <div className="overview-head">
        <h2 id={headingId}>Overview</h2>
        <nav aria-label="Sections" className="section-nav">
          {SECTIONS.map((section) => (
            <a key={section.id} href={`#${section.id}`}>
              {section.label}
            </a>
          ))}
        </nav>
      </div>
      <p className="overview-note">
        The latest run of each GPU in view. Throughput: the throughput test. Peak serving: the
        highest achieved rate over the QPS tested. Median TTFT and ITL: at the lowest QPS tested.
        Mean latency: the latency test. Best: most throughput per GPU used.
        {report !== null && (
          <>
            {' '}
            <a href="#regressions" className="overview-night">
              {night === null
                ? 'No regressions flagged in the loaded history.'
                : `Latest night ${night.night}: ${plural(night.regressions, 'regression')} (${String(night.confirmed)} confirmed), ${plural(night.improvements, 'improvement')} on ${night.gpus.join(', ')}.`}
            </a>
          </>
        )}
      </p>
      {models.length === 0 && <p>No results in view: the filters hide them all.</p>}
      {models.map((model) => (
        <div key={model.model} className="overview-model">
          <h3>
            {model.model}
            {model.best !== null && (
              <span className="overview-best">
                {' '}
                · best GPU: {model.best.setup} (
                {formatMetricValue('request_throughput', model.best.throughputPerGpu)} req/s per
                GPU)
              </span>
            )}
          </h3>
          <ul className="scorecards">
            {model.cards.map((card) => (
              <Card key={card.key} card={card} best={card === model.best} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}, 'overview');
