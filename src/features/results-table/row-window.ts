import { useEffect, useState, type RefObject } from 'react';

/**
 * Which rows of a long table to render. Every row has the same height, so the rows in view follow
 * from the scroll offset by division: nothing is kept per row, and a table of a million rows costs
 * what a table of a hundred does. (A general virtualizer keeps a measurement per row and rebuilds
 * them whenever the row count changes: hundreds of thousands of objects per new file.)
 */

/**
 * Scroll heights are capped (browsers refuse taller elements): above the cap, scroll positions
 * map linearly onto rows so both ends stay reachable.
 */
export interface ScrollScale {
  /** Height all rows would need. */
  readonly full: number;
  /** Height the scroll area is given (≤ the cap). */
  readonly shown: number;
}

export interface RowWindow {
  /** First and last row to render (last < first when there are none). */
  readonly first: number;
  readonly last: number;
  /** Height of the spacer above the rendered rows, in the scroll area's pixels. */
  readonly paddingTop: number;
  /** Height of the spacer below them. */
  readonly paddingBottom: number;
}

/** Actual scroll offset → the offset in all rows' height (both ends map exactly). */
export function toRowOffset(offset: number, scale: ScrollScale, viewport: number): number {
  if (scale.full <= scale.shown) return offset;
  const range = Math.max(1, scale.shown - viewport);
  return (Math.min(offset, range) * (scale.full - viewport)) / range;
}

/**
 * The rows in view at a scroll offset, `overscan` more on either side, and the spacers that put
 * them where they belong in the (possibly compressed) scroll area.
 */
export function rowWindow(
  count: number,
  rowHeight: number,
  overscan: number,
  scale: ScrollScale,
  scrollTop: number,
  viewport: number,
): RowWindow {
  if (count === 0) return { first: 0, last: -1, paddingTop: 0, paddingBottom: 0 };
  const rowOffset = Math.max(0, toRowOffset(scrollTop, scale, viewport));
  const inView = Math.min(count - 1, Math.floor(rowOffset / rowHeight));
  const first = Math.max(0, inView - overscan);
  const lastInView = Math.min(count - 1, Math.ceil((rowOffset + viewport) / rowHeight) - 1);
  const last = Math.min(count - 1, Math.max(inView, lastInView) + overscan);
  const rendered = (last - first + 1) * rowHeight;
  let paddingTop = first * rowHeight;
  if (scale.full > scale.shown) {
    // Where the row at the offset sits in the compressed area, less the overscan rows above it.
    const actual = Math.min(scrollTop, Math.max(0, scale.shown - viewport));
    paddingTop = Math.max(0, actual - (rowOffset - first * rowHeight));
  }
  const paddingBottom = Math.max(0, scale.shown - paddingTop - rendered);
  return { first, last, paddingTop, paddingBottom };
}

/**
 * The scroll offset and height of a scroll box, kept current by its scroll events and a
 * ResizeObserver (whose first report comes once the box is laid out, before it is painted).
 * Nothing is measured while rendering or committing: reading a size there would force the whole
 * page's first layout into React's task. Until the first report, the window's height stands in
 * for the box's, so the first frame has rows enough to fill it.
 */
export function useScrollBox(ref: RefObject<HTMLElement | null>): {
  readonly scrollTop: number;
  readonly viewport: number;
} {
  const [box, setBox] = useState(() => ({
    scrollTop: 0,
    viewport: typeof window === 'undefined' ? 0 : window.innerHeight,
  }));
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const read = (): void => {
      const next = { scrollTop: element.scrollTop, viewport: element.clientHeight };
      setBox((current) =>
        current.scrollTop === next.scrollTop && current.viewport === next.viewport ? current : next,
      );
    };
    element.addEventListener('scroll', read, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : null;
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, [ref]);
  return box;
}
