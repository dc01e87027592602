import { formatRatio } from '../../data/charts/chart-summaries';
import { SUITE_TITLES } from '../../data/charts/speedup';
import { formatChange } from '../../data/compare/metric-verdict';
import { suiteGeomeans, type Comparison } from '../../data/compare/compare-summary';
import {
  betterOrWorse,
  comparedTestsText,
  geomeanBasis,
  ruleCountsText,
  verdictCounts,
} from '../../data/compare/compare-text';
import { metricHeader } from '../../data/format';

/**
 * The comparison at a glance: metric comparisons by verdict, tests compared and tests only one
 * side has, the worst regression, and each suite's geometric-mean change.
 */
export function CompareSummary({ comparison }: { readonly comparison: Comparison }) {
  const { verdicts, tests, worstRegression } = comparison.summary;
  const suites = suiteGeomeans(comparison.summary);
  return (
    <section className="compare-summary" aria-label="Comparison summary">
      <ul className="compare-counts">
        {verdictCounts(verdicts).map(({ verdict, text }) => (
          <li
            key={verdict}
            className={
              // Metrics without a direction are counted in the plain style: no verdict's colour.
              verdict === 'no direction'
                ? 'compare-count'
                : `compare-count verdict-${verdict.replace(' ', '-')}`
            }
          >
            {text}
          </li>
        ))}
      </ul>
      <p className="compare-tests">{comparedTestsText(tests)}</p>
      <p className="compare-tests compare-rules">{ruleCountsText(comparison.summary.rules)}</p>
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
            <span key={suite} title={geomeanBasis(geomean)}>
              {index > 0 && ' · '}
              {SUITE_TITLES[suite]} <strong>{formatRatio(geomean.ratio)}</strong> (
              {betterOrWorse(geomean.changePct)})
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
