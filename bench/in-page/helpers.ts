// Code that runs inside the page. Every function here is serialized by Playwright (toString), so
// each must be self-contained: no imports, no module-level references. `installBenchHelpers` is
// added as an init script and puts shared helpers on `window.__bench`; the measurement functions
// use them.
/* global window, document, requestAnimationFrame, MutationObserver, getComputedStyle, HTMLSelectElement, HTMLInputElement */

/** Runs in the page before its own scripts: defines `window.__bench`. */
export function installBenchHelpers() {
  const textOf = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

  /** The accessible name, as far as this page needs it (aria-label, aria-labelledby, caption, legend). */
  const nameOf = (el) => {
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

  const findTable = (source) => {
    const pattern = new RegExp(source);
    for (const el of document.querySelectorAll('table, [role="table"], [role="grid"]')) {
      if (pattern.test(nameOf(el))) return el;
    }
    return null;
  };

  const findRegion = (source) => {
    const pattern = new RegExp(source);
    for (const el of document.querySelectorAll('section, [role="region"]')) {
      if (pattern.test(nameOf(el))) return el;
    }
    return null;
  };

  /** Body rows in DOM order: rows outside <thead> that are not header rows. */
  const bodyRows = (table) => {
    const rows = [...table.querySelectorAll('tr, [role="row"]')];
    return rows.filter(
      (row) =>
        !row.closest('thead') &&
        row.closest('table, [role="table"], [role="grid"]') === table &&
        !row.querySelector('th[scope="col"], [role="columnheader"]'),
    );
  };

  /** The first body row that shows data (virtualizers add empty spacer rows). */
  const firstBodyRow = (table) => {
    const rows = bodyRows(table);
    const indexed = rows.filter((row) => row.hasAttribute('aria-rowindex'));
    if (indexed.length > 0) {
      return indexed.reduce((a, b) =>
        Number(b.getAttribute('aria-rowindex')) < Number(a.getAttribute('aria-rowindex')) ? b : a,
      );
    }
    return rows.find((row) => textOf(row) !== '') ?? null;
  };

  const twoFrames = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)));
    });

  /**
   * Resolves with check()'s first truthy value, checked now and after every DOM mutation;
   * rejects with describe() after timeoutMs.
   */
  const waitFor = (check, timeoutMs, describe) =>
    new Promise((resolve, reject) => {
      const first = check();
      if (first) {
        resolve(first);
        return;
      }
      let done = false;
      const finish = (fn) => {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        fn();
      };
      const observer = new MutationObserver(() => {
        const value = check();
        if (value) finish(() => resolve(value));
      });
      observer.observe(document.documentElement, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      const timer = setTimeout(() => {
        const value = check();
        finish(() => (value ? resolve(value) : reject(new Error(describe()))));
      }, timeoutMs);
    });

  const isScrollable = (el) => {
    const style = getComputedStyle(el);
    return /(auto|scroll|overlay)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
  };

  const nearestScrollable = (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      if (node === document.body || node === document.documentElement) break;
      if (isScrollable(node)) return node;
    }
    return document.scrollingElement ?? document.documentElement;
  };

  window.__bench = {
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
export function loadedProbe({ expectData }) {
  const bench = window.__bench;
  if (!bench) return false;
  const status = document.querySelector('[role="status"]');
  if (/loading/i.test(bench.textOf(status))) return false;
  const region = bench.findRegion('^Datasets');
  if (!region) return false;
  const items = [...region.querySelectorAll('li, [role="listitem"]')].filter(
    (li) => !li.parentElement?.closest('li, [role="listitem"]'),
  );
  if (expectData && items.length === 0) return false;
  return performance.now();
}

/** What the page says it loaded: dataset items, the results they claim, alerts. */
export function loadedSummary() {
  const bench = window.__bench;
  const region = bench.findRegion('^Datasets');
  const items = region
    ? [...region.querySelectorAll('li, [role="listitem"]')].filter(
        (li) => !li.parentElement?.closest('li, [role="listitem"]'),
      )
    : [];
  let resultsListed = 0;
  for (const item of items) {
    const match = /(\d[\d,\u202f\u00a0 ]*)\s*results?/.exec(bench.textOf(item));
    if (match) resultsListed += Number(match[1].replace(/[^\d]/g, ''));
  }
  const alerts = [...document.querySelectorAll('[role="alert"]')].map((el) => bench.textOf(el));
  const entries = performance.getEntriesByType('resource');
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

/** usedJSHeapSize after a few forced garbage collections. */
export async function measureHeap() {
  if (typeof window.gc !== 'function') {
    throw new Error('window.gc is missing: Chromium was not started with --js-flags=--expose-gc');
  }
  if (!performance.memory) throw new Error('performance.memory is not available in this browser');
  for (let i = 0; i < 4; i += 1) {
    window.gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    usedJSHeapSize: performance.memory.usedJSHeapSize,
    totalJSHeapSize: performance.memory.totalJSHeapSize,
  };
}

/**
 * Clicks the filter checkbox from inside the page and times until the table's aria-rowcount
 * changes and two frames have run.
 */
export async function measureFilterToPaint({ checkbox, table, tableName, timeoutMs }) {
  const bench = window.__bench;
  const current = () => (table.isConnected ? table : bench.findTable(tableName));
  const before = current()?.getAttribute('aria-rowcount') ?? null;
  if (before === null) {
    throw new Error(
      'the Serving table has no aria-rowcount attribute (the app contract is not met)',
    );
  }
  const wasChecked = checkbox.checked;
  const t0 = performance.now();
  checkbox.click();
  const after = await bench.waitFor(
    () => {
      const value = current()?.getAttribute('aria-rowcount') ?? null;
      return value !== null && value !== before ? value : null;
    },
    timeoutMs,
    () => `aria-rowcount stayed ${before} for ${timeoutMs} ms after clicking the checkbox`,
  );
  const domMs = performance.now() - t0;
  await bench.twoFrames();
  const ms = performance.now() - t0;
  return {
    ms,
    domMs,
    before: Number(before),
    after: Number(after),
    checked: checkbox.checked,
    wasChecked,
  };
}

/**
 * Clicks the sort button from inside the page and times until the first body row's text changes
 * and two frames have run.
 */
export async function measureSortToPaint({ button, table, tableName, timeoutMs }) {
  const bench = window.__bench;
  const current = () => (table.isConnected ? table : bench.findTable(tableName));
  const firstText = () => {
    const t = current();
    const row = t ? bench.firstBodyRow(t) : null;
    return row ? bench.textOf(row) : null;
  };
  const before = firstText();
  if (before === null) throw new Error('the Serving table has no body row to watch');
  const t0 = performance.now();
  button.click();
  await bench.waitFor(
    () => {
      const text = firstText();
      return text !== null && text !== before;
    },
    timeoutMs,
    () => `the first body row did not change for ${timeoutMs} ms after clicking the sort button`,
  );
  const domMs = performance.now() - t0;
  await bench.twoFrames();
  const ms = performance.now() - t0;
  const header = button.isConnected ? button.closest('th, [role="columnheader"]') : null;
  return { ms, domMs, ariaSort: header?.getAttribute('aria-sort') ?? null };
}

/** The filter and the sort as plain loops over typed arrays: the floor for the app's figures. */
export function typedArrayBaseline({ n, reps, seed }) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gpu = new Uint8Array(n);
  const suite = new Uint8Array(n);
  const metric = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    gpu[i] = Math.floor(random() * 5);
    suite[i] = Math.floor(random() * 3);
    metric[i] = 10 + random() * 500;
  }
  const out = new Uint32Array(n);
  const filterMs = [];
  const sortMs = [];
  let kept = 0;
  // rep -1 warms the JIT up and is not recorded.
  for (let rep = -1; rep < reps; rep += 1) {
    const hidden = 1;
    const t0 = performance.now();
    let count = 0;
    for (let i = 0; i < n; i += 1) {
      if (gpu[i] !== hidden) {
        out[count] = i;
        count += 1;
      }
    }
    const filtered = performance.now() - t0;
    kept = count;
    const indices = out.slice(0, count);
    const descending = rep % 2 !== 0;
    const t1 = performance.now();
    if (descending) indices.sort((x, y) => metric[y] - metric[x]);
    else indices.sort((x, y) => metric[x] - metric[y]);
    const sorted = performance.now() - t1;
    if (rep >= 0) {
      filterMs.push(filtered);
      sortMs.push(sorted);
    }
  }
  return { filterMs, sortMs, kept, suites: suite.length };
}

/**
 * Scrolls the table's scroll container to its bottom until nothing moves any more, then reads
 * the last visible body row's aria-rowindex and the table's aria-rowcount.
 */
export async function scrollToLastRow({ table, scroller, tableName }) {
  const bench = window.__bench;
  const current = () => (table.isConnected ? table : bench.findTable(tableName));
  const target = scroller ?? bench.nearestScrollable(table);
  const isPage = target === document.scrollingElement || target === document.documentElement;
  let stable = 0;
  let last = '';
  let rounds = 0;
  for (; rounds < 80 && stable < 3; rounds += 1) {
    target.scrollTop = target.scrollHeight;
    await bench.twoFrames();
    const rows = bench.bodyRows(current());
    const state = `${target.scrollTop}|${target.scrollHeight}|${rows.length}|${
      rows.at(-1)?.getAttribute('aria-rowindex') ?? ''
    }`;
    stable = state === last ? stable + 1 : 0;
    last = state;
  }
  const t = current();
  const rowcountAttr = t.getAttribute('aria-rowcount');
  const view = isPage ? { top: 0, bottom: window.innerHeight } : target.getBoundingClientRect();
  const rows = bench.bodyRows(t);
  const visible = rows.filter((row) => {
    const rect = row.getBoundingClientRect();
    return rect.height > 0 && rect.bottom > view.top + 1 && rect.top < view.bottom - 1;
  });
  // Data rows carry aria-rowindex; virtualizers pad with spacer rows that do not.
  const visibleData = visible.filter((row) => row.hasAttribute('aria-rowindex'));
  const lastRow = visibleData.at(-1) ?? null;
  const lastIndexAttr = lastRow?.getAttribute('aria-rowindex') ?? null;
  const renderedIndexes = rows
    .map((row) => Number(row.getAttribute('aria-rowindex') ?? NaN))
    .filter((index) => Number.isFinite(index));
  const describe = (row) => {
    const rect = row.getBoundingClientRect();
    const index = row.getAttribute('aria-rowindex');
    return `${index === null ? 'no aria-rowindex' : `aria-rowindex ${index}`} at ${Math.round(
      rect.top - view.top,
    )}…${Math.round(rect.bottom - view.top)} px`;
  };
  const tableRect = t.getBoundingClientRect();
  return {
    scroller: isPage
      ? 'page'
      : target.className
        ? `div.${String(target.className).split(' ')[0]}`
        : target.tagName,
    scrollTop: target.scrollTop,
    scrollHeight: target.scrollHeight,
    clientHeight: target.clientHeight,
    tableHeight: tableRect.height,
    rounds,
    rowcount: rowcountAttr === null ? null : Number(rowcountAttr),
    lastRowIndex: lastIndexAttr === null ? null : Number(lastIndexAttr),
    anyRowIndex: renderedIndexes.length > 0,
    maxRenderedRowIndex:
      renderedIndexes.length > 0 ? renderedIndexes.reduce((a, b) => Math.max(a, b)) : null,
    renderedRows: rows.length,
    visibleRows: visible.length,
    visibleDataRows: visibleData.length,
    visibleSample: [...visible.slice(0, 2), ...visible.slice(-3)].map(describe),
  };
}

/** Summed `data-bars` of the first chart figure (Latency), or false until it equals `expected`. */
export function latencyBarsDrawn(expected) {
  const figure = document.querySelector('figure.chart-figure'); // Latency comes first
  const bars = figure?.querySelectorAll('.chart-bars') ?? [];
  let count = 0;
  for (const path of bars) count += Number(path.getAttribute('data-bars'));
  return count === expected ? count : false;
}

/**
 * Changes a chart control from inside the page (a select's value plus a `change` event, or a
 * click) and times until two frames later, as `changeToPaint` in the charts e2e test does.
 */
export async function measureChangeToPaint({ control, value }) {
  const isCheckbox = control instanceof HTMLInputElement && control.type === 'checkbox';
  const wasChecked = isCheckbox ? control.checked : false;
  const start = performance.now();
  if (control instanceof HTMLSelectElement && typeof value === 'string') {
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    control.click();
  }
  await window.__bench.twoFrames();
  const ms = performance.now() - start;
  const applied =
    control instanceof HTMLSelectElement
      ? control.value === value
      : isCheckbox
        ? control.checked !== wasChecked
        : Boolean(control.checked);
  return { ms, applied };
}
