// Every engine's files side by side, as a person loads them: one file per engine and tool picked
// together in `Load results`, the engine a client tool does not name set in the Datasets panel,
// then the Engine filter set to each engine alone and a known number of its file found in the
// tables. Expected numbers are the fixtures' own values, converted by hand where the unit differs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { readTable, type TableName } from './dashboard.ts';
import { sharedBrowser } from './shared-browser.ts';

const FORMATS = path.resolve(import.meta.dirname, '../fixtures/formats');

interface EngineCase {
  /** The fixture under test/fixtures/formats/. */
  readonly fixture: string;
  /** The engine the file names, or the one set for it when it names none. */
  readonly engine: string;
  readonly setByUser: boolean;
  readonly table: TableName;
  /** Numbers one row of the file shows, as the table writes them (two decimals). */
  readonly cells: readonly string[];
}

const CASES: readonly EngineCase[] = [
  {
    // vllm bench serve at QPS 4: 3.7884722… req/s, median TTFT 15.919… ms.
    fixture: 'serve/vllm-4.0qps-Meta-Llama-3.1-8B-Instruct-20241105-140312.json',
    engine: 'vLLM',
    setByUser: false,
    table: 'Serving',
    cells: ['3.79', '15.92'],
  },
  {
    // SGLang's QPS inf run (backend sglang): 10.0 req/s, median TTFT 80.1 ms.
    fixture: 'sglang/sglang_1205_200_512_256.jsonl',
    engine: 'SGLang',
    setByUser: false,
    table: 'Serving',
    cells: ['10.00', '80.10'],
  },
  {
    // trtllm-bench, an offline throughput run: 40.8163 req/s.
    fixture: 'trtllm-bench/report-streaming.json',
    engine: 'TensorRT-LLM',
    setByUser: false,
    table: 'Throughput',
    cells: ['40.82'],
  },
  {
    // llm-d's stack names vLLM; 15.93 queries/s, TTFT p50 0.1751 s = 175.1 ms.
    fixture: 'llm-d/benchmark-report-v0.2.yaml',
    engine: 'vLLM',
    setByUser: false,
    table: 'Serving',
    cells: ['15.93', '175.10'],
  },
  {
    // AIPerf names no engine: 12.5 requests/sec, TTFT p50 140.6 ms.
    fixture: 'aiperf/profile_export_aiperf.json',
    engine: 'Dynamo',
    setByUser: true,
    table: 'Serving',
    cells: ['12.50', '140.60'],
  },
  {
    // GuideLLM (YAML) names no engine: the constant-rate run, 4.9 req/s, median TTFT 58.1 ms.
    fixture: 'guidellm/benchmarks-v0.7.yaml',
    engine: 'TGI',
    setByUser: true,
    table: 'Serving',
    cells: ['4.90', '58.10'],
  },
  {
    // LLMPerf names no engine: 142.8 completed per minute ÷ 60 = 2.38 req/s; TTFT mean
    // 0.2523 s = 252.3 ms.
    fixture: 'llmperf/meta-llama-Llama-2-7b-chat-hf_550_150_summary.json',
    engine: 'LMDeploy',
    setByUser: true,
    table: 'Serving',
    cells: ['2.38', '252.30'],
  },
];

const chromium = sharedBrowser();

type PickedFile = { name: string; mimeType: string; buffer: Buffer };

/** Files picked in `Load results`, as a person picks them in the file chooser. */
async function pickFiles(page: Page, files: readonly PickedFile[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Load results', exact: true }).click(),
  ]);
  await chooser.setFiles([...files]);
}

async function pickFixtures(page: Page, fixtures: readonly string[]): Promise<void> {
  const files = await Promise.all(
    fixtures.map(async (fixture) => ({
      name: path.basename(fixture),
      mimeType: fixture.endsWith('.json') ? 'application/json' : 'text/plain',
      buffer: await readFile(path.join(FORMATS, fixture)),
    })),
  );
  await pickFiles(page, files);
}

/** The cells of the rendered rows of a table in its Engine column. */
async function enginesShown(page: Page, name: TableName): Promise<string[]> {
  const shown = await readTable(page, name);
  const at = shown.headers.findIndex((header) => header.startsWith('Engine'));
  return shown.rows.map((row) => row[at] ?? '(no Engine column)');
}

describe('every engine’s files side by side', () => {
  it('reads one file per engine and finds each file’s numbers with only its engine shown', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'), {
      viewport: { width: 1440, height: 1000 },
    });
    try {
      const { page } = watched;
      await page.goto(watched.baseUrl, { waitUntil: 'load' });
      await expect
        .poll(() => page.getByRole('region', { name: 'Datasets' }).isVisible())
        .toBe(true);
      await pickFixtures(
        page,
        CASES.map((entry) => entry.fixture),
      );
      const engineGroup = page.getByRole('group', { name: 'Engine' });
      await expect.poll(() => engineGroup.isVisible(), { timeout: 20_000 }).toBe(true);
      // Every file was read: none is reported as refused.
      await expect
        .poll(() =>
          page
            .getByRole('region', { name: 'Datasets' })
            .getByText(/results?$/)
            .count(),
        )
        .toBeGreaterThanOrEqual(CASES.length);
      for (const entry of CASES.filter((each) => each.setByUser)) {
        const input = page.getByRole('combobox', {
          name: `Engine of ${path.basename(entry.fixture)}`,
        });
        await input.fill(entry.engine);
        await input.press('Enter');
        await expect
          .poll(() => engineGroup.getByRole('checkbox', { name: entry.engine }).count())
          .toBe(1);
      }
      // Nothing is left without an engine once the three client tools have theirs.
      await expect
        .poll(() => engineGroup.getByRole('checkbox', { name: 'Not stated' }).count())
        .toBe(0);
      await screenshot(page, 'engines-side-by-side');

      for (const entry of CASES) {
        await engineGroup.getByRole('button', { name: `Show only ${entry.engine}` }).click();
        await expect
          .poll(async () => [...new Set(await enginesShown(page, entry.table))], {
            message: `${entry.fixture}: only ${entry.engine} in the ${entry.table} table`,
          })
          .toEqual([entry.engine]);
        const rows = (await readTable(page, entry.table)).rows;
        const found = rows.some((row) => entry.cells.every((cell) => row.includes(cell)));
        expect(found, `${entry.fixture}: a row with ${entry.cells.join(', ')}`).toBe(true);
      }
      await page
        .getByRole('complementary', { name: 'Filters' })
        .getByRole('button', { name: 'Reset filters' })
        .click();
      await expect
        .poll(async () => new Set(await enginesShown(page, 'Serving')).size)
        .toBeGreaterThan(1);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });

  it('draws a vLLM run and an SGLang run of one test in one serving panel, SGLang dashed', async () => {
    // One test, two engines: Llama 3.1 8B, TP1, random prompts, QPS 1 and 4 each.
    const vllm = [1, 4].map((qps) =>
      JSON.stringify({
        backend: 'vllm',
        model_id: 'meta-llama/Llama-3.1-8B-Instruct',
        tensor_parallel_size: 1,
        dataset_name: 'random',
        request_rate: qps,
        completed: 200,
        request_throughput: qps * 0.98,
        mean_ttft_ms: 20 + qps,
      }),
    );
    const sglang = [1, 4].map((qps) =>
      JSON.stringify({
        backend: 'sglang',
        dataset_name: 'random',
        request_rate: qps,
        server_info: { model_path: 'meta-llama/Llama-3.1-8B-Instruct', tp_size: 1 },
        completed: 200,
        request_throughput: qps * 0.95,
        // SGLang writes these beside vLLM's keys: how its files are told from vLLM's.
        total_throughput: qps * 500,
        mean_e2e_latency_ms: 900,
        mean_ttft_ms: 30 + qps,
      }),
    );
    const watched = await openPage(chromium(), inject('e2eBaseUrl'), {
      viewport: { width: 1440, height: 1000 },
    });
    try {
      const { page } = watched;
      await page.goto(watched.baseUrl, { waitUntil: 'load' });
      await expect
        .poll(() => page.getByRole('region', { name: 'Datasets' }).isVisible())
        .toBe(true);
      await pickFiles(page, [
        { name: 'vllm.jsonl', mimeType: 'text/plain', buffer: Buffer.from(vllm.join('\n')) },
        { name: 'sglang.jsonl', mimeType: 'text/plain', buffer: Buffer.from(sglang.join('\n')) },
      ]);
      const serving = page.getByRole('figure', { name: /Serving/ });
      const panel = serving
        .locator('.chart-panel')
        .filter({ hasText: 'Llama 3.1 8B · TP1 · random · vLLM vs SGLang' });
      await expect.poll(() => panel.count(), { timeout: 20_000 }).toBe(1);
      await panel.scrollIntoViewIfNeeded();
      // The GPU is not stated in either file: one GPU, two lines, vLLM solid and SGLang dashed.
      const lines = panel.locator('.serving-lines .chart-series > path:first-child');
      await expect.poll(() => lines.count()).toBe(2);
      expect(
        await lines.evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray'))),
      ).toEqual([null, '6 4']);
      expect(await serving.locator('.chart-description').innerText()).toContain(
        'Line style tells engines apart: solid vLLM, dashed SGLang.',
      );
      await screenshot(page, 'engines-one-serving-panel', { fullPage: false });
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});
