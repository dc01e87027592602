/** A number typed into an objective or a price: positive, or empty for none. */
export type PositiveInput =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly message: string };

/**
 * Reads what was typed: empty (after trimming, and after a leading `$` for prices) is none, a
 * positive finite number is the value, anything else is refused with `what` in the message so it
 * says what to type (`a number of milliseconds`, `dollars per GPU-hour`).
 */
export function readPositiveInput(text: string, what: string): PositiveInput {
  const trimmed = text.trim().replace(/^\$\s*/, '');
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return { ok: false, message: `Enter ${what}, or leave it empty.` };
  }
  if (value <= 0) return { ok: false, message: `Enter ${what} above 0, or leave it empty.` };
  return { ok: true, value };
}
