import './chart-tooltip.css';

export interface TooltipEntry {
  readonly key: string;
  readonly color: string;
  readonly name: string;
  readonly value: string;
  readonly details: readonly string[];
}

/** The tooltip box every chart shows: a heading and, per series, value with unit and its source. */
export function TooltipBox({
  heading,
  entries,
}: {
  readonly heading: string;
  readonly entries: readonly TooltipEntry[];
}) {
  if (entries.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-heading">{heading}</p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span
              className="legend-swatch"
              aria-hidden="true"
              style={{ background: entry.color }}
            />
            <span className="chart-tooltip-name">{entry.name}</span>{' '}
            <strong className="chart-tooltip-value">{entry.value}</strong>
            {entry.details.map((detail) => (
              <span key={detail} className="chart-tooltip-detail">
                {detail}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
