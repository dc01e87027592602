import { useEffect, useRef } from 'react';
import { useDashboardStore } from '../../store/dashboard-store';
import { SHORTCUTS, shortcutFor, type ShortcutAction } from './shortcuts';
import './shortcuts.css';

/**
 * Acts on an element that declared itself the target of a shortcut (`data-shortcut="…"`):
 * a text field is focused, anything else is clicked. Components stay the owners of their actions.
 */
function actOnTarget(action: ShortcutAction): boolean {
  const target = document.querySelector<HTMLElement>(`[data-shortcut="${action}"]`);
  if (target === null) return false;
  if (target instanceof HTMLInputElement && target.type !== 'file') {
    target.focus();
    target.select();
  } else {
    target.click();
  }
  return true;
}

/** Opens the dialog as a modal; where the browser has no modal dialogs, as a plain open one. */
function openDialog(dialog: HTMLDialogElement | null): void {
  if (dialog === null || dialog.open) return;
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
}

/**
 * Single-key shortcuts for the common actions (open files, search, reset filters, compare), and
 * the dialog that lists them: opened with `?` or the `Keyboard shortcuts` button.
 */
export function KeyboardShortcuts() {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const shortcut = shortcutFor(event);
      if (shortcut === null) return;
      let handled = true;
      if (shortcut.action === 'help') {
        openDialog(dialogRef.current);
      } else if (shortcut.action === 'reset-filters') {
        useDashboardStore.getState().resetFilters();
      } else {
        handled = actOnTarget(shortcut.action);
      }
      // The `/` of a search shortcut must not be typed into the box it focuses.
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-haspopup="dialog"
        onClick={() => {
          openDialog(dialogRef.current);
        }}
      >
        Keyboard shortcuts
      </button>
      <dialog ref={dialogRef} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table aria-labelledby="shortcuts-title">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action}>
                <td>
                  <kbd>{shortcut.label}</kbd>
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="shortcuts-note">Shortcuts do nothing while you type in a field.</p>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
