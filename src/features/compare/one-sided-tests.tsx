import { rowGpuText, type CompareRow } from '../../data/compare/align-results';

/** The most tests each list names; the CSV has them all. */
const LISTED = 50;

interface OneSidedTestsProps {
  /** Tests only the baseline has. */
  readonly baseline: readonly CompareRow[];
  /** Tests only the candidate has. */
  readonly candidate: readonly CompareRow[];
}

/** The tests only one side has, listed per side under their own heading. */
export function OneSidedTests({ baseline, candidate }: OneSidedTestsProps) {
  if (baseline.length === 0 && candidate.length === 0) return null;
  return (
    <div className="compare-one-sided">
      {(
        [
          ['baseline', 'Tests only in the baseline', baseline],
          ['candidate', 'Tests only in the candidate', candidate],
        ] as const
      ).map(([side, title, rows]) =>
        rows.length === 0 ? null : (
          <section key={side} aria-labelledby={`compare-only-${side}`}>
            <h3 id={`compare-only-${side}`}>
              {title} ({rows.length.toLocaleString('en-US')})
            </h3>
            <ul>
              {rows.slice(0, LISTED).map((row) => (
                <li key={row.key}>
                  <code>{row.label}</code> · {rowGpuText(row)}
                </li>
              ))}
              {rows.length > LISTED && (
                <li>and {(rows.length - LISTED).toLocaleString('en-US')} more (see the CSV)</li>
              )}
            </ul>
          </section>
        ),
      )}
    </div>
  );
}
