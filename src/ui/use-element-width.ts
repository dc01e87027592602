import { useCallback, useState } from 'react';

/**
 * The width of an element, kept up to date with a ResizeObserver. Charts get explicit pixel sizes
 * from it; where nothing can be measured (no layout, as in jsdom) the fallback width is used.
 */
export function useElementWidth(fallback: number): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (element === null) return;
      const measure = (): void => {
        const measured = Math.floor(element.getBoundingClientRect().width);
        setWidth(measured > 0 ? measured : fallback);
      };
      measure();
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      return () => {
        observer.disconnect();
      };
    },
    [fallback],
  );
  return [ref, width];
}
