/**
 * Scrolls an element into view where the page can (jsdom, the tests' simulated DOM, has no
 * scrollIntoView; browsers all do).
 */
export function scrollIntoView(element: Element | null, block: ScrollLogicalPosition): void {
  (
    element as { scrollIntoView?: (options: ScrollIntoViewOptions) => void } | null
  )?.scrollIntoView?.({ block });
}
