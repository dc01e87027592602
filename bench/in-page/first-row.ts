// The first table row after navigation, watched from inside the page (an init script, serialized
// by Playwright: self-contained, on the helpers `installBenchHelpers` puts on `window.__bench`).

export interface FirstRow {
  /** performance.now() (from navigation start) in the frame the row was first seen in. */
  seenMs: number;
  /** In a task posted from that frame's callback: it runs once the frame has been rendered. */
  paintedMs: number;
  /** The row's text, for the report. */
  text: string;
}

declare global {
  interface Window {
    __firstRow?: FirstRow;
  }
}

/**
 * Added as an init script after `installBenchHelpers`: checks in every animation frame from the
 * start whether the first results table (the first table named `<Suite> results`) has a first
 * body row with a box. The frame it is first seen in paints it; a message posted from there is
 * handled after that frame's rendering, and its time is the figure.
 */
export function watchFirstRow(): void {
  const tick = (): void => {
    const bench = window.__bench;
    const table = [...document.querySelectorAll('table')].find(
      (el) => bench !== undefined && /^\S+ results\b/.test(bench.nameOf(el)),
    );
    const row = table && bench ? bench.firstBodyRow(table) : null;
    const rect = row?.getBoundingClientRect();
    if (!row || !rect || rect.width === 0 || rect.height === 0 || !bench) {
      requestAnimationFrame(tick);
      return;
    }
    const seenMs = performance.now();
    const text = bench.textOf(row);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__firstRow = { seenMs, paintedMs: performance.now(), text };
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(tick);
}
