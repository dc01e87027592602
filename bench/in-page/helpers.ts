// Code that runs inside the page. Every function here is serialized by Playwright (toString), so
// each must be self-contained: no imports, no module-level references. `installBenchHelpers` is
// added as an init script and puts shared helpers on `window.__bench`; the measurement functions
// (here and in measure.ts) use them.

export interface BenchHelpers {
  textOf: (el: Element | null | undefined) => string;
  nameOf: (el: Element) => string;
  findTable: (source: string) => Element | null;
  findRegion: (source: string) => Element | null;
  bodyRows: (table: Element) => Element[];
  firstBodyRow: (table: Element) => Element | null;
  twoFrames: () => Promise<void>;
  waitFor: <T>(check: () => T, timeoutMs: number, describe: () => string) => Promise<T>;
  nearestScrollable: (el: Element) => Element;
  /** The Datasets region's top-level items (none when there is no such region). */
  datasetItems: () => Element[];
}

declare global {
  interface Window {
    __bench?: BenchHelpers;
    /** The fixtures' mulberry32, put on the page by the bench (see `openSite`). */
    __benchRandom?: (seed: number) => () => number;
    /** With `--js-flags=--expose-gc`. */
    gc?: () => void;
  }
  interface Performance {
    /** Chromium only, precise with `--enable-precise-memory-info`. */
    memory?: { usedJSHeapSize: number; totalJSHeapSize: number };
  }
}

/** Runs in the page before its own scripts: defines `window.__bench`. */
export function installBenchHelpers(): void {
  const textOf = (el: Element | null | undefined): string =>
    (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

  /** The accessible name, as far as this page needs it (aria-label, aria-labelledby, caption, legend). */
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const ids = el.getAttribute('aria-labelledby');
    if (ids) {
      return ids
        .split(/\s+/)
        .map((id) => textOf(document.getElementById(id)))
        .join(' ');
    }
    const caption = el.querySelector(':scope > caption');
    if (caption) return textOf(caption);
    const legend = el.querySelector(':scope > legend');
    if (legend) return textOf(legend);
    return '';
  };

  const findNamed = (selector: string, source: string): Element | null => {
    const pattern = new RegExp(source);
    for (const el of document.querySelectorAll(selector)) {
      if (pattern.test(nameOf(el))) return el;
    }
    return null;
  };
  const findTable = (source: string): Element | null =>
    findNamed('table, [role="table"], [role="grid"]', source);
  const findRegion = (source: string): Element | null =>
    findNamed('section, [role="region"]', source);

  /** Body rows in DOM order: rows outside <thead> that are not header rows. */
  const bodyRows = (table: Element): Element[] => {
    const rows = [...table.querySelectorAll('tr, [role="row"]')];
    return rows.filter(
      (row) =>
        !row.closest('thead') &&
        row.closest('table, [role="table"], [role="grid"]') === table &&
        !row.querySelector('th[scope="col"], [role="columnheader"]'),
    );
  };

  /** The first body row that shows data (virtualizers add empty spacer rows). */
  const firstBodyRow = (table: Element): Element | null => {
    const rows = bodyRows(table);
    const indexed = rows.filter((row) => row.hasAttribute('aria-rowindex'));
    if (indexed.length > 0) {
      return indexed.reduce((a, b) =>
        Number(b.getAttribute('aria-rowindex')) < Number(a.getAttribute('aria-rowindex')) ? b : a,
      );
    }
    return rows.find((row) => textOf(row) !== '') ?? null;
  };

  const twoFrames = (): Promise<void> =>
    new Promise((resolve) => {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          resolve();
        }),
      );
    });

  /**
   * Resolves with check()'s first truthy value, checked now and after every DOM mutation;
   * rejects with describe() after timeoutMs.
   */
  const waitFor = <T>(check: () => T, timeoutMs: number, describe: () => string): Promise<T> =>
    new Promise((resolve, reject) => {
      const first = check();
      if (first) {
        resolve(first);
        return;
      }
      let done = false;
      const finish = (fn: () => void): void => {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        fn();
      };
      const observer = new MutationObserver(() => {
        const value = check();
        if (value) {
          finish(() => {
            resolve(value);
          });
        }
      });
      observer.observe(document.documentElement, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      const timer = setTimeout(() => {
        const value = check();
        finish(() => {
          if (value) resolve(value);
          else reject(new Error(describe()));
        });
      }, timeoutMs);
    });

  const isScrollable = (el: Element): boolean => {
    const style = getComputedStyle(el);
    return /(auto|scroll|overlay)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
  };

  const nearestScrollable = (el: Element): Element => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      if (node === document.body || node === document.documentElement) break;
      if (isScrollable(node)) return node;
    }
    return document.scrollingElement ?? document.documentElement;
  };

  const datasetItems = (): Element[] => {
    const region = findRegion('^Datasets');
    return region
      ? [...region.querySelectorAll('li, [role="listitem"]')].filter(
          (li) => !li.parentElement?.closest('li, [role="listitem"]'),
        )
      : [];
  };

  window.__bench = {
    datasetItems,
    textOf,
    nameOf,
    findTable,
    findRegion,
    bodyRows,
    firstBodyRow,
    twoFrames,
    waitFor,
    nearestScrollable,
  };
}

/**
 * Polled until the data has loaded: no "Loading…" status and the Datasets region lists datasets
 * (or, for the empty baseline, says none are loaded). Returns performance.now() at that moment.
 */
export function loadedProbe({ expectData }: { expectData: boolean }): number | false {
  const bench = window.__bench;
  if (!bench) return false;
  const status = document.querySelector('[role="status"]');
  if (/loading/i.test(bench.textOf(status))) return false;
  if (!bench.findRegion('^Datasets')) return false;
  if (expectData && bench.datasetItems().length === 0) return false;
  return performance.now();
}

export interface LoadedSummary {
  datasetsListed: number;
  resultsListed: number;
  alerts: string[];
  alertCount: number;
  dataRequests: number;
  fetchDoneMs: number | null;
  summaryError?: string;
}

/** What the page says it loaded: dataset items, the results they claim, alerts. */
export function loadedSummary(): LoadedSummary {
  const bench = window.__bench;
  if (!bench) throw new Error('window.__bench is missing: installBenchHelpers did not run');
  const items = bench.datasetItems();
  let resultsListed = 0;
  for (const item of items) {
    const match = /(\d[\d,\u202f\u00a0 ]*)\s*results?/.exec(bench.textOf(item));
    if (match?.[1] !== undefined) resultsListed += Number(match[1].replace(/[^\d]/g, ''));
  }
  const alerts = [...document.querySelectorAll('[role="alert"]')].map((el) => bench.textOf(el));
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const dataEntries = entries.filter((entry) => /\/data\/[^/]+\.json$/.test(entry.name));
  const fetchDoneMs = dataEntries.reduce((max, entry) => Math.max(max, entry.responseEnd), 0);
  return {
    datasetsListed: items.length,
    resultsListed,
    alerts: alerts.slice(0, 5),
    alertCount: alerts.length,
    dataRequests: dataEntries.length,
    fetchDoneMs,
  };
}

export interface Heap {
  usedJSHeapSize: number;
  totalJSHeapSize: number;
}

/** usedJSHeapSize after a few forced garbage collections. */
export async function measureHeap(): Promise<Heap> {
  const { gc } = window;
  if (typeof gc !== 'function') {
    throw new Error('window.gc is missing: Chromium was not started with --js-flags=--expose-gc');
  }
  if (!performance.memory) throw new Error('performance.memory is not available in this browser');
  for (let i = 0; i < 4; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    usedJSHeapSize: performance.memory.usedJSHeapSize,
    totalJSHeapSize: performance.memory.totalJSHeapSize,
  };
}
