// Measurements that run inside the page, on the helpers `installBenchHelpers` put on
// `window.__bench`. Serialized by Playwright like those: each function is self-contained.
import type { BenchHelpers } from './helpers.ts';

export interface FilterSample {
  ms: number;
  domMs: number;
  before: number;
  after: number;
  checked: boolean;
  wasChecked: boolean;
}

/**
 * Clicks the filter checkbox from inside the page and times until the table's aria-rowcount
 * changes and two frames have run.
 */
export async function measureFilterToPaint(arg: {
  checkbox: HTMLElement | SVGElement;
  table: HTMLElement | SVGElement;
  tableName: string;
  timeoutMs: number;
}): Promise<FilterSample> {
  const { checkbox, table, tableName, timeoutMs } = arg;
  const bench = window.__bench as BenchHelpers;
  const input = checkbox as HTMLInputElement;
  const current = (): Element | null => (table.isConnected ? table : bench.findTable(tableName));
  const before = current()?.getAttribute('aria-rowcount') ?? null;
  if (before === null) {
    throw new Error(
      'the Serving table has no aria-rowcount attribute (the app contract is not met)',
    );
  }
  const wasChecked = input.checked;
  const t0 = performance.now();
  input.click();
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
    checked: input.checked,
    wasChecked,
  };
}

export interface SortSample {
  ms: number;
  domMs: number;
  ariaSort: string | null;
}

/**
 * Clicks the sort button from inside the page and times until the first body row's text changes
 * and two frames have run.
 */
export async function measureSortToPaint(arg: {
  button: HTMLElement | SVGElement;
  table: HTMLElement | SVGElement;
  tableName: string;
  timeoutMs: number;
}): Promise<SortSample> {
  const { button, table, tableName, timeoutMs } = arg;
  const bench = window.__bench as BenchHelpers;
  const current = (): Element | null => (table.isConnected ? table : bench.findTable(tableName));
  const firstText = (): string | null => {
    const t = current();
    const row = t ? bench.firstBodyRow(t) : null;
    return row ? bench.textOf(row) : null;
  };
  const before = firstText();
  if (before === null) throw new Error('the Serving table has no body row to watch');
  const t0 = performance.now();
  (button as HTMLElement).click();
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

export interface TypedArrayTimes {
  filterMs: number[];
  sortMs: number[];
  kept: number;
  suites: number;
}

/** The filter and the sort as plain loops over typed arrays: the floor for the app's figures. */
export function typedArrayBaseline(arg: {
  n: number;
  reps: number;
  seed: number;
}): TypedArrayTimes {
  const { n, reps, seed } = arg;
  const mulberry32 = window.__benchRandom;
  if (!mulberry32) throw new Error('window.__benchRandom is missing: the bench did not add it');
  const random = mulberry32(seed);
  const gpu = new Uint8Array(n);
  const suite = new Uint8Array(n);
  const metric = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    gpu[i] = Math.floor(random() * 5);
    suite[i] = Math.floor(random() * 3);
    metric[i] = 10 + random() * 500;
  }
  const out = new Uint32Array(n);
  const filterMs: number[] = [];
  const sortMs: number[] = [];
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
    // Asserted, not defaulted: the comparator is timed, and must stay the bare subtraction.
    if (descending) indices.sort((x, y) => (metric[y] as number) - (metric[x] as number));
    else indices.sort((x, y) => (metric[x] as number) - (metric[y] as number));
    const sorted = performance.now() - t1;
    if (rep >= 0) {
      filterMs.push(filtered);
      sortMs.push(sorted);
    }
  }
  return { filterMs, sortMs, kept, suites: suite.length };
}

export interface LastRowReport {
  scroller: string;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  tableHeight: number;
  rounds: number;
  rowcount: number | null;
  lastRowIndex: number | null;
  anyRowIndex: boolean;
  maxRenderedRowIndex: number | null;
  renderedRows: number;
  visibleRows: number;
  visibleDataRows: number;
  visibleSample: string[];
}

/**
 * Scrolls the table's scroll container to its bottom until nothing moves any more, then reads
 * the last visible body row's aria-rowindex and the table's aria-rowcount.
 */
export async function scrollToLastRow(arg: {
  table: HTMLElement | SVGElement;
  scroller: HTMLElement | SVGElement | null;
  tableName: string;
}): Promise<LastRowReport> {
  const { table, scroller, tableName } = arg;
  const bench = window.__bench as BenchHelpers;
  const current = (): Element => {
    const found = table.isConnected ? table : bench.findTable(tableName);
    if (!found) throw new Error(`no table named ${tableName} any more`);
    return found;
  };
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
  const describe = (row: Element): string => {
    const rect = row.getBoundingClientRect();
    const index = row.getAttribute('aria-rowindex');
    return `${index === null ? 'no aria-rowindex' : `aria-rowindex ${index}`} at ${Math.round(
      rect.top - view.top,
    )}…${Math.round(rect.bottom - view.top)} px`;
  };
  const tableRect = t.getBoundingClientRect();
  const className = target.getAttribute('class');
  return {
    scroller: isPage ? 'page' : className ? `div.${className.split(' ')[0] ?? ''}` : target.tagName,
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
export function latencyBarsDrawn(expected: number): number | false {
  // Latency is the charts' first; the serving decisions above them have a figure too.
  const figure = document.querySelector('#charts figure.chart-figure');
  const bars = figure?.querySelectorAll('.chart-bars') ?? [];
  let count = 0;
  for (const path of bars) count += Number(path.getAttribute('data-bars'));
  return count === expected ? count : false;
}

/**
 * Changes a chart control from inside the page (a select's value plus a `change` event, or a
 * click) and times until two frames later, as `changeToPaint` in the charts e2e test does.
 */
export async function measureChangeToPaint(arg: {
  control: HTMLElement | SVGElement;
  value: string | undefined;
}): Promise<{ ms: number; applied: boolean }> {
  const { control, value } = arg;
  const bench = window.__bench as BenchHelpers;
  const isCheckbox = control instanceof HTMLInputElement && control.type === 'checkbox';
  const wasChecked = isCheckbox ? control.checked : false;
  const start = performance.now();
  if (control instanceof HTMLSelectElement && typeof value === 'string') {
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    (control as HTMLElement).click();
  }
  await bench.twoFrames();
  const ms = performance.now() - start;
  const applied =
    control instanceof HTMLSelectElement
      ? control.value === value
      : control instanceof HTMLInputElement
        ? isCheckbox
          ? control.checked !== wasChecked
          : control.checked
        : false;
  return { ms, applied };
}
