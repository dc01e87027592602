import { formatChange, type Verdict } from '../../data/compare/metric-verdict';
import type { Comparison } from '../../data/compare/compare-summary';
import { metricHeader } from '../../data/format';
import { SUITES, type Suite } from '../../data/results/result-model';

const SUITE_NAMES: Readonly<Record<Suite, string>> = {
  latency: 'Latency',
  throughput: 'Throughput',
  serving: 'Serving',
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** `22.5% better`, `4.1% worse`, `no change` (a positive change is better). */
export function betterOrWorse(changePct: number): string {
  const size = Math.abs(changePct).toFixed(1);
  if (size === '0.0') return 'no change';
  return `${size}% ${changePct > 0 ? 'better' : 'worse'}`;
}

interface CountSpec {
  readonly verdict: Verdict;
  readonly text: (count: number) => string;
}

const COUNTS: readonly CountSpec[] = [
  { verdict: 'regression', text: (count) => plural(count, 'regression') },
  { verdict: 'improvement', text: (count) => plural(count, 'improvement') },
  { verdict: 'within noise', text: (count) => `${count.toLocaleString('en-US')} within noise` },
  { verdict: 'missing', text: (count) => `${count.toLocaleString('en-US')} missing` },
];

/**
 * The comparison at a glance: metric comparisons by verdict, tests compared and tests only one
 * side has, the worst regression, and each suite's geometric-mean change.
 */
export function CompareSummary({ comparison }: { readonly comparison: Comparison }) {
  const { verdicts, tests, worstRegression, geomeans } = comparison.summary;
  const suites = SUITES.flatMap((suite) => {
    const geomean = geomeans[suite];
    return geomean === null ? [] : [{ suite, geomean }];
  });
  return (
    <section className="compare-summary" aria-label="Comparison summary">
      <ul className="compare-counts">
        {COUNTS.map(({ verdict, text }) => (
          <li key={verdict} className={`compare-count verdict-${verdict.replace(' ', '-')}`}>
            {text(verdicts[verdict])}
          </li>
        ))}
        {verdicts['no direction'] > 0 && (
          <li className="compare-count">{verdicts['no direction']} without direction</li>
        )}
      </ul>
      <p className="compare-tests">
        {plural(tests.compared, 'test')} compared ·{' '}
        {tests.missingInCandidate.toLocaleString('en-US')} only in baseline ·{' '}
        {tests.missingInBaseline.toLocaleString('en-US')} only in candidate
        {tests.duplicatesIgnored.baseline + tests.duplicatesIgnored.candidate > 0 &&
          ` · ${plural(
            tests.duplicatesIgnored.baseline + tests.duplicatesIgnored.candidate,
            'duplicate result',
          )} ignored (the first of each test is used)`}
      </p>
      <p className="compare-worst">
        {worstRegression === null ? (
          'No regression beyond the threshold.'
        ) : (
          <>
            Worst regression: <code>{worstRegression.row.label}</code>{' '}
            {metricHeader(worstRegression.metric.key)}{' '}
            <strong>{formatChange(worstRegression.metric.changePct)}</strong>
          </>
        )}
      </p>
      {suites.length > 0 && (
        <p className="compare-geomeans">
          Geometric mean, candidate vs baseline (above 1× is better):{' '}
          {suites.map(({ suite, geomean }, index) => (
            <span
              key={suite}
              title={`Over ${plural(geomean.count, 'metric comparison')} with a direction`}
            >
              {index > 0 && ' · '}
              {SUITE_NAMES[suite]} <strong>{geomean.ratio.toFixed(2)}×</strong> (
              {betterOrWorse(geomean.changePct)})
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
