// The results explorer at one size: load, heap per result, filter → paint, sort → paint, the last
// row reachable, and the typed-array floor for the same filter and sort.
import type { Browser, Page } from 'playwright-core';
import type { PageProblem } from '../test/harness/page.ts';
import { SEED } from '../test/harness/fixtures/nightly-history.ts';
import { fmtBytes, fmtInt, fmtMs, reasonOf, stats } from './format.ts';
import type { Stats } from './format.ts';
import { loadedSummary, measureHeap } from './in-page/helpers.ts';
import type { Heap, LoadedSummary } from './in-page/helpers.ts';
import {
  measureFilterToPaint,
  measureSortToPaint,
  scrollToLastRow,
  typedArrayBaseline,
} from './in-page/measure.ts';
import type {
  FilterSample,
  LastRowReport,
  SortSample,
  TypedArrayTimes,
} from './in-page/measure.ts';
import { attempt, handleOf, openSite, problemLines, settle, within } from './page-tools.ts';
import type { Attempt } from './page-tools.ts';

const SERVING_TABLE = /Serving/;
const FILTER_GPU = /^8×H200/;
const SORT_COLUMN = /Mean TTFT/;
const log = (message: string): void => {
  console.log(`[bench] ${message}`);
};

type Timed<S> = Stats & { samples: S[] };

export type EmptyPage = Attempt<Heap & { loadMs: number; problems: string[] }> & {
  problems?: string[];
};

export interface SizeRow {
  results: number;
  files: number;
  data: { bytes: number; generateMs: number | null };
  problems: string[];
  load?: Attempt<
    { ms: number; wallMs?: number; datasetsExpected?: number } & Partial<LoadedSummary>
  >;
  memory?: Attempt<Heap & { baselineUsedJSHeapSize: number; bytesPerResult: number }>;
  filter?: Attempt<Timed<FilterSample>>;
  sort?: Attempt<Timed<SortSample>>;
  lastRow?: Attempt<LastRowReport & { reachable: boolean; why?: string }>;
  baseline?: Attempt<{
    filterMs: Stats;
    sortMs: Stats;
    kept: number;
    samples: TypedArrayTimes;
  }>;
}

function timed<S extends { ms: number }>(samples: S[]): Timed<S> {
  const summary = stats(samples.map((sample) => sample.ms));
  if (summary === null) throw new Error('no samples');
  return { ...summary, samples };
}

function servingTable(page: Page) {
  return page.getByRole('table', { name: SERVING_TABLE });
}

// Handles are looked up again before every click (outside the timed part), in case the app
// re-creates the control or the table.
const filterCheckbox = (page: Page) =>
  handleOf(
    page.getByRole('group', { name: 'GPU' }).getByRole('checkbox', { name: FILTER_GPU }),
    'GPU filter checkbox 8×H200 (group "GPU")',
  );
const sortButton = (page: Page) =>
  handleOf(
    servingTable(page).getByRole('columnheader', { name: SORT_COLUMN }).getByRole('button'),
    'sort button in the Serving "Mean TTFT" column header',
  );

interface Interaction {
  reps: number;
  timeoutMs: number;
}

async function measureFilter(page: Page, { reps, timeoutMs }: Interaction) {
  const samples: FilterSample[] = [];
  const toggles = reps % 2 === 0 ? reps : reps + 1; // leave the filter as found
  for (let i = 0; i < toggles; i += 1) {
    const checkbox = await filterCheckbox(page);
    const table = await handleOf(servingTable(page), 'Serving table');
    const sample = await within(
      page.evaluate(measureFilterToPaint, {
        checkbox,
        table,
        tableName: SERVING_TABLE.source,
        timeoutMs,
      }),
      timeoutMs + 30_000,
      'filter click',
    );
    if (i < reps) samples.push(sample);
    await settle(page, 150);
  }
  return timed(samples);
}

async function measureSort(page: Page, { reps, timeoutMs }: Interaction) {
  const clickSort = async (): Promise<SortSample> => {
    const button = await sortButton(page);
    const table = await handleOf(servingTable(page), 'Serving table');
    const sample = await within(
      page.evaluate(measureSortToPaint, {
        button,
        table,
        tableName: SERVING_TABLE.source,
        timeoutMs,
      }),
      timeoutMs + 30_000,
      'sort click',
    );
    await settle(page, 150);
    return sample;
  };
  const samples: SortSample[] = [];
  let lastSort: string | null = null;
  for (let clicks = 0; samples.length < reps && clicks < reps * 2; clicks += 1) {
    const sample = await clickSort();
    // Ascending and descending alternate; a click that clears the sort (after descending) is
    // not counted.
    const cleared =
      lastSort === 'descending' && (sample.ariaSort === 'none' || sample.ariaSort === null);
    if (!cleared) samples.push(sample);
    lastSort = sample.ariaSort;
  }
  return timed(samples);
}

async function measureLastRow(page: Page) {
  const tableLocator = servingTable(page);
  const table = await handleOf(tableLocator, 'Serving table');
  const scrollLocator = tableLocator.locator(
    'xpath=ancestor::div[contains(@class,"table-scroll")][1]',
  );
  const scroller = (await scrollLocator.count()) > 0 ? await scrollLocator.elementHandle() : null;
  const result = await within(
    page.evaluate(scrollToLastRow, { table, scroller, tableName: SERVING_TABLE.source }),
    120_000,
    'scrolling to the last row',
  );
  // Back to the top for whatever runs next.
  await page.evaluate(
    ({ scroller: el }) => {
      if (el) el.scrollTop = 0;
      window.scrollTo(0, 0);
    },
    { scroller },
  );
  if (result.rowcount === null) throw new Error('the Serving table has no aria-rowcount attribute');
  if (!result.anyRowIndex) {
    throw new Error(
      `the Serving table's body rows carry no aria-rowindex (${result.renderedRows} rendered, ${result.scroller})`,
    );
  }
  if (result.lastRowIndex === null) {
    // Rows are indexed, but at the very bottom nothing but spacer/blank space is in view.
    return {
      reachable: false,
      why: `no data row in view at the bottom (rendered rows end at aria-rowindex ${String(result.maxRenderedRowIndex)}; in view: ${result.visibleSample.join(', ') || 'nothing'})`,
      ...result,
    };
  }
  return { reachable: result.lastRowIndex === result.rowcount, ...result };
}

export interface SizeCase {
  n: number;
  url: string;
  files: readonly string[];
  generation: { bytes: number; generateMs: number | null };
  reps: number;
  loadTimeoutMs: number;
  baselineHeap: EmptyPage;
}

const NOT_LOADED = { ok: false, error: 'not measured: the data did not load' } as const;

/** Everything measured for one size. */
export async function benchSize(browser: Browser, size: SizeCase): Promise<SizeRow> {
  const { n, url, files, generation, reps, loadTimeoutMs, baselineHeap } = size;
  const problems: PageProblem[] = [];
  const out: SizeRow = { results: n, files: files.length, data: generation, problems: [] };
  // Interactions get more time as the data grows (the targets are far below these).
  const timeoutMs = Math.max(15_000, (n / 1_000_000) * 60_000);
  log(`${fmtInt(n)} results: loading ${files.length} file(s) (timeout ${loadTimeoutMs / 1000} s)…`);
  let site;
  try {
    site = await openSite(browser, url, { expectData: true, timeoutMs: loadTimeoutMs, problems });
  } catch (error) {
    const crashed = problems.some((problem) => problem.kind === 'crash');
    const reason = crashed
      ? 'the page crashed while loading (out of memory?)'
      : /Timeout/i.test(reasonOf(error))
        ? `did not load within ${loadTimeoutMs / 1000} s (${reasonOf(error)})`
        : reasonOf(error);
    log(`  load: FAILED — ${reason}`);
    out.load = { ok: false, error: reason };
    Object.assign(out, {
      memory: NOT_LOADED,
      filter: NOT_LOADED,
      sort: NOT_LOADED,
      lastRow: NOT_LOADED,
      baseline: NOT_LOADED,
      problems: problemLines(problems),
    });
    return out;
  }
  const { page } = site;
  try {
    const summary: LoadedSummary = await within(
      page.evaluate(loadedSummary),
      60_000,
      'load summary',
    ).catch((error: unknown) => ({
      datasetsListed: 0,
      resultsListed: 0,
      alerts: [],
      alertCount: 0,
      dataRequests: 0,
      fetchDoneMs: null,
      summaryError: reasonOf(error),
    }));
    out.load = {
      ok: true,
      ms: site.loadedAtMs,
      wallMs: site.wallMs,
      datasetsExpected: files.length,
      ...summary,
    };
    log(
      `  loaded in ${fmtMs(site.loadedAtMs)} ms (data fetched by ${fmtMs(summary.fetchDoneMs)} ms); ` +
        `${summary.datasetsListed} dataset(s) listed, ${fmtInt(summary.resultsListed)} results listed` +
        (summary.alertCount > 0
          ? `, ${summary.alertCount} alert(s): ${summary.alerts[0] ?? ''}`
          : ''),
    );
    if (summary.datasetsListed !== files.length) {
      log(
        `  note: the Datasets region lists ${summary.datasetsListed} item(s) for ${files.length} file(s)`,
      );
    }
    if (summary.resultsListed > 0 && summary.resultsListed !== n) {
      log(
        `  note: the Datasets region lists ${fmtInt(summary.resultsListed)} results, expected ${fmtInt(n)}`,
      );
    }
    await settle(page, 500);
    await measureAll(page, out, { n, reps, timeoutMs, baselineHeap });
  } finally {
    out.problems = problemLines(problems);
    await site.watched.close().catch(() => undefined);
  }
  return out;
}

/** The measurements after the load, each on its own: one that fails leaves the others. */
async function measureAll(
  page: Page,
  out: SizeRow,
  options: Interaction & { n: number; baselineHeap: EmptyPage },
): Promise<void> {
  const { n, reps, baselineHeap } = options;
  out.memory = await attempt(
    'memory',
    async () => {
      const heap = await within(page.evaluate(measureHeap), 60_000, 'heap measurement');
      if (!baselineHeap.ok) throw new Error(`no empty-page baseline: ${baselineHeap.error}`);
      const bytesPerResult = (heap.usedJSHeapSize - baselineHeap.usedJSHeapSize) / n;
      log(`  heap ${fmtBytes(heap.usedJSHeapSize)} → ${bytesPerResult.toFixed(0)} bytes/result`);
      return { ...heap, baselineUsedJSHeapSize: baselineHeap.usedJSHeapSize, bytesPerResult };
    },
    log,
  );
  const summarized = <T extends Stats>(label: string, result: T): T => {
    log(
      `  ${label} median ${fmtMs(result.median)} ms (min ${fmtMs(result.min)}, max ${fmtMs(result.max)})`,
    );
    return result;
  };
  out.filter = await attempt(
    'filter → paint',
    async () => summarized('filter → paint', await measureFilter(page, options)),
    log,
  );
  out.sort = await attempt(
    'sort → paint',
    async () => summarized('sort → paint', await measureSort(page, options)),
    log,
  );
  out.lastRow = await attempt(
    'last row reachable',
    async () => {
      const result = await measureLastRow(page);
      log(
        `  last row reachable: ${result.reachable ? 'yes' : 'NO'} ` +
          `(last visible aria-rowindex ${String(result.lastRowIndex)}, aria-rowcount ${String(result.rowcount)}; ` +
          `scrollHeight ${fmtInt(result.scrollHeight)} px)` +
          ('why' in result ? ` — ${result.why}` : ''),
      );
      return result;
    },
    log,
  );
  out.baseline = await attempt(
    'typed-array baseline',
    async () => {
      const raw = await within(
        page.evaluate(typedArrayBaseline, { n, reps, seed: SEED }),
        120_000,
        'typed-array baseline',
      );
      const filterMs = stats(raw.filterMs);
      const sortMs = stats(raw.sortMs);
      if (filterMs === null || sortMs === null) throw new Error('no samples');
      log(`  baseline: filter loop ${fmtMs(filterMs.median)} ms, sort ${fmtMs(sortMs.median)} ms`);
      return { filterMs, sortMs, kept: raw.kept, samples: raw };
    },
    log,
  );
}

/** The heap of a page with no datasets: what every size's heap is measured against. */
export async function measureEmptyPage(
  browser: Browser,
  url: string,
  loadTimeoutMs: number,
): Promise<EmptyPage> {
  const problems: PageProblem[] = [];
  try {
    const site = await openSite(browser, url, {
      expectData: false,
      timeoutMs: loadTimeoutMs,
      problems,
    });
    try {
      await settle(site.page, 500);
      const heap = await site.page.evaluate(measureHeap);
      return { ok: true, ...heap, loadMs: site.loadedAtMs, problems: problemLines(problems) };
    } finally {
      await site.watched.close().catch(() => undefined);
    }
  } catch (error) {
    return { ok: false, error: reasonOf(error), problems: problemLines(problems) };
  }
}
