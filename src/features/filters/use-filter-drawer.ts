import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useMediaQuery } from '../../ui/use-media-query';

/**
 * Below this width the filters are an off-canvas drawer; from 900 px up they are the sidebar.
 * src/styles.css uses the same query for the drawer's looks.
 */
export const FILTER_DRAWER_QUERY = '(max-width: 899.98px)';

export interface FilterDrawer {
  /** The drawer layout is in effect (a narrow viewport). */
  readonly isDrawer: boolean;
  /** The drawer is shown. Never true in the sidebar layout. */
  readonly isOpen: boolean;
  readonly toggleRef: RefObject<HTMLButtonElement | null>;
  readonly panelRef: RefObject<HTMLElement | null>;
  readonly backdropRef: RefObject<HTMLDivElement | null>;
  /** Where focus goes when the drawer opens (its Close button). */
  readonly initialFocusRef: RefObject<HTMLButtonElement | null>;
  readonly open: () => void;
  /** Closes the drawer and puts focus back on the toggle. */
  readonly close: () => void;
}

/**
 * Makes everything on the page inert except the kept elements (and their ancestors), the way a
 * modal dialog does: nothing behind can be focused, clicked or read. Returns the undo.
 */
export function inertOutside(keep: readonly Element[]): () => void {
  const changed: Element[] = [];
  const first = keep[0];
  for (let node = first?.parentElement; node && node !== document.documentElement;) {
    for (const sibling of Array.from(node.children)) {
      if (sibling.hasAttribute('inert')) continue;
      if (keep.some((element) => sibling.contains(element))) continue;
      sibling.setAttribute('inert', '');
      changed.push(sibling);
    }
    node = node === document.body ? null : node.parentElement;
  }
  return () => {
    for (const element of changed) element.removeAttribute('inert');
  };
}

/**
 * The filter drawer's behaviour on narrow viewports: a modal off-canvas panel. Opening moves
 * focus into it, makes the rest of the page inert and stops it from scrolling; Escape, the Close
 * button and a click on the backdrop close it and return focus to the toggle. Widening the
 * viewport past the breakpoint closes it and leaves the sidebar as it is.
 */
export function useFilterDrawer(): FilterDrawer {
  const isDrawer = useMediaQuery(FILTER_DRAWER_QUERY);
  const [wanted, setWanted] = useState(false);
  // Widening the viewport closes the drawer, so narrowing it again does not reopen it.
  if (!isDrawer && wanted) setWanted(false);
  const isOpen = isDrawer && wanted;

  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const initialFocusRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  const open = useCallback(() => {
    setWanted(true);
  }, []);
  const close = useCallback(() => {
    returnFocus.current = true;
    setWanted(false);
  }, []);

  useEffect(() => {
    const panel = panelRef.current;
    if (!isOpen || panel === null) return;
    returnFocus.current = false;
    const toggle = toggleRef.current;
    (initialFocusRef.current ?? panel).focus();
    const keep: Element[] = [panel];
    if (backdropRef.current !== null) keep.push(backdropRef.current);
    const restoreInert = inertOutside(keep);
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden';
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      root.style.overflow = overflow;
      restoreInert();
      // Only once the page is no longer inert can the toggle take focus again.
      if (returnFocus.current) toggle?.focus();
      returnFocus.current = false;
    };
  }, [isOpen, close]);

  return { isDrawer, isOpen, toggleRef, panelRef, backdropRef, initialFocusRef, open, close };
}
