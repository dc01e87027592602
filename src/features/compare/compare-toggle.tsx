import { useDashboardStore } from '../../store/dashboard-store';
import './compare-toggle.css';

/** The compare section's id (compare-section.tsx), kept here so the button needs no lazy chunk. */
export const COMPARE_SECTION_ID = 'compare-section';

let revealOnMount = false;

/**
 * True once after the Compare button opened the section: it then scrolls into view (on a phone
 * it sits below the filters), while a section opened by a link stays where the page starts.
 */
export function takeReveal(): boolean {
  const reveal = revealOnMount;
  revealOnMount = false;
  return reveal;
}

/**
 * `Compare`: opens and closes the compare section. Opening picks default sides for whatever is
 * loaded, unless the link already chose them.
 */
export function CompareToggle() {
  const open = useDashboardStore((state) => state.compare.open);
  return (
    <button
      type="button"
      className="compare-toggle"
      data-shortcut="compare"
      aria-expanded={open}
      aria-pressed={open}
      aria-controls={open ? COMPARE_SECTION_ID : undefined}
      onClick={() => {
        const store = useDashboardStore.getState();
        if (open) store.closeCompare();
        else {
          revealOnMount = true;
          store.openCompare();
        }
      }}
    >
      Compare
    </button>
  );
}
