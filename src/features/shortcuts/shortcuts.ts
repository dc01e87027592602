/** A keyboard shortcut: the key people press, what it does, and the action's id. */
export interface Shortcut {
  readonly key: string;
  /** As the help dialog shows it. */
  readonly label: string;
  readonly description: string;
  readonly action: ShortcutAction;
}

export type ShortcutAction = 'open-file' | 'focus-search' | 'reset-filters' | 'compare' | 'help';

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'o', label: 'O', description: 'Open results files', action: 'open-file' },
  { key: '/', label: '/', description: 'Search test names', action: 'focus-search' },
  { key: 'r', label: 'R', description: 'Reset filters', action: 'reset-filters' },
  { key: 'c', label: 'C', description: 'Open or close Compare', action: 'compare' },
  { key: '?', label: '?', description: 'Show these shortcuts', action: 'help' },
];

/** The parts of a key event that decide whether it is a shortcut. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The element that has focus. */
  readonly target: EventTarget | null;
}

/** Typing in a field, a select or an editable region is never a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) {
    // Checkboxes, radios and buttons take no text: shortcuts still work there.
    if (target instanceof HTMLInputElement) {
      return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
        target.type,
      );
    }
    return true;
  }
  return false;
}

/**
 * The shortcut a key press means, or null: single keys only (with Ctrl, Cmd or Alt a key keeps
 * its browser meaning), never while typing, never inside an open dialog.
 */
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  if (press.target instanceof Element && press.target.closest('dialog[open]')) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return SHORTCUTS.find((shortcut) => shortcut.key === key) ?? null;
}
