export interface ChartSelectOption {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
}

interface ChartSelectProps {
  /** The select's visible label and accessible name, e.g. `Metric`. */
  readonly label: string;
  readonly value: string;
  readonly options: readonly ChartSelectOption[];
  readonly onChange: (value: string) => void;
}

/** A labelled select among a chart's controls: the metric, the GPU, the reference. */
export function ChartSelect({ label, value, options, onChange }: ChartSelectProps) {
  return (
    <label className="chart-select">
      {label}
      <select
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
