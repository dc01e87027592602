import { useId, useState } from 'react';
import type { PositiveInput } from '../data/decisions/positive-input';

interface NumberFieldProps {
  /** The input's visible label and accessible name, e.g. `TTFT SLO (ms)`. */
  readonly label: string;
  /** The value in effect; null for none. */
  readonly value: number | null;
  /** Reads what was typed: a value (or none) to apply, or a message to show beside the input. */
  readonly read: (text: string) => PositiveInput;
  readonly onChange: (value: number | null) => void;
  readonly placeholder?: string;
}

function textOf(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * A number typed by a person: applied as it is typed when it reads as a value, otherwise an
 * inline message says what to type and nothing else changes. When the value changes elsewhere
 * (a link, Back) the field shows it, unless what is typed is still being corrected.
 */
export function NumberField({ label, value, read, onChange, placeholder }: NumberFieldProps) {
  const [text, setText] = useState(() => textOf(value));
  const [shown, setShown] = useState(value);
  const [message, setMessage] = useState<string | null>(null);
  const messageId = useId();
  if (shown !== value) {
    setShown(value);
    const typed = read(text);
    if (message === null && typed.ok && typed.value !== value) setText(textOf(value));
  }
  return (
    <label className="number-field">
      <span>{label}</span>
      <input
        type="number"
        min="0"
        step="any"
        value={text}
        placeholder={placeholder}
        aria-invalid={message !== null}
        aria-describedby={message === null ? undefined : messageId}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          // Text a number input cannot read (`abc`) comes through as empty: it is not a value.
          const outcome = event.target.validity.badInput ? read('?') : read(typed);
          if (outcome.ok) {
            setMessage(null);
            if (outcome.value !== value) onChange(outcome.value);
          } else {
            setMessage(outcome.message);
          }
        }}
      />
      {message !== null && (
        <span id={messageId} className="field-message" role="alert">
          {message}
        </span>
      )}
    </label>
  );
}
