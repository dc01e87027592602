import { useId } from 'react';
import './option-group.css';

export interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
}

interface OptionGroupProps<T extends string> {
  /** The group's accessible name, e.g. `Statistic`. */
  readonly label: string;
  readonly options: readonly Option<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
}

/** A small radio group shown as joined buttons: one choice among a few (mean / median / p99). */
export function OptionGroup<T extends string>({
  label,
  options,
  value,
  onChange,
}: OptionGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="option-group">
      <legend>{label}</legend>
      <div className="option-buttons">
        {options.map((option) => (
          <label key={option.value} className="option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => {
                onChange(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
