import { useId, useState } from 'react';
import { MAX_THRESHOLD, parseThreshold } from '../../data/compare/thresholds';

interface ThresholdInputProps {
  readonly label: string;
  /** The value in effect; null for an optional threshold that is not set. */
  readonly value: number | null;
  /** Called with a valid number, or null when the field is emptied (optional only). */
  readonly onChange: (value: number | null) => void;
  readonly optional: boolean;
  readonly placeholder?: string;
  readonly description: string;
}

/**
 * A percentage field that keeps what is typed (an empty field, `1.`) while it is being typed,
 * applies every valid value at once, and goes back to the value in effect when left invalid.
 */
export function ThresholdInput({
  label,
  value,
  onChange,
  optional,
  placeholder,
  description,
}: ThresholdInputProps) {
  const id = useId();
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const [synced, setSynced] = useState(value);
  // The value changed elsewhere (Back, a link): show it, unless the draft already means it.
  if (synced !== value) {
    setSynced(value);
    if (parseThreshold(draft) !== value) setDraft(shown);
  }
  const invalid = draft.trim() === '' ? !optional : parseThreshold(draft) === null;
  return (
    <div className="compare-field compare-threshold">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={MAX_THRESHOLD}
        step="any"
        value={draft}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={`${id}-description`}
        onChange={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          const parsed = parseThreshold(text);
          if (parsed !== null) onChange(parsed);
          else if (optional && text.trim() === '') onChange(null);
        }}
        onBlur={() => {
          if (invalid) setDraft(shown);
        }}
      />
      <span id={`${id}-description`} className="compare-field-note">
        {description}
      </span>
    </div>
  );
}
