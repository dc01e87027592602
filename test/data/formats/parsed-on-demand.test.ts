// @vitest-environment node
// The table readers (CI's embedded JSON, its markdown page, the records file) write their results
// as columns, and a file read by them becomes a dataset of columns without a result object made
// on the way: parsing, finishing (the `.commands` file, the caps on long texts) and making the
// dataset read the columns. A file of 100,000 results is 100,000 fewer objects in the worker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestTexts } from '../../../src/data/ingest';
import { columnsOutcome } from '../../../src/data/formats/outcome';
import { parseResultFiles } from '../../../src/data/formats/parse-results';
import { ColumnsBuilder } from '../../../src/data/results/result-columns';
import { ColumnResults } from '../../../src/data/results/columns-rows';
import {
  datasetColumns,
  resultCount,
  type Dataset,
  type ParseOutcome,
} from '../../../src/data/results/result-model';
import { ingestDone } from '../../helpers/ingest-done';

afterEach(() => {
  vi.restoreAllMocks();
});

/** CI's embedded JSON: two latency rows on H100 and three serving rows on two H200s. */
const EMBEDDED = JSON.stringify({
  latency: {
    'Test name': { 0: 'latency_llama8B_tp1', 1: 'latency_llama70B_tp4' },
    GPU: { 0: 'H100', 1: 'H100' },
    'Mean latency (ms)': { 0: 800, 1: 2100.5 },
  },
  serving: {
    'Test name': {
      0: 'serving_llama8B_tp1_sharegpt_qps_1',
      1: 'serving_llama8B_tp1_sharegpt_qps_4',
      2: 'serving_llama8B_tp1_sharegpt_qps_inf',
    },
    GPU: { 0: 'H200\nH200', 1: 'H200\nH200', 2: 'H200\nH200' },
    'Tput (req/s)': { 0: 1, 1: 3.9, 2: 20.25 },
    'Mean TTFT (ms)': { 0: 15, 1: 17.5, 2: 240 },
  },
});

const PAGE = `## Serving tests\n\nThe JSON CI embeds:\n\n${EMBEDDED}\n`;

const RECORDS = JSON.stringify([
  { 'Test name': 'latency_llama8B_tp1', GPU: 'H100', 'Mean latency (ms)': 800 },
  { 'Test name': 'latency_llama70B_tp4', GPU: 'H100', 'Mean latency (ms)': 2100.5 },
]);

/** Watches every way a result of columns is made: asked for, looked at, or all at once. */
function watchRows() {
  return {
    at: vi.spyOn(ColumnResults.prototype, 'at'),
    peek: vi.spyOn(ColumnResults.prototype, 'peek'),
    list: vi.spyOn(ColumnResults.prototype, 'list'),
  };
}

function datasetOf(name: string, text: string): Dataset {
  const { datasets, problems } = ingestTexts([{ name, kind: 'file', text }]);
  expect(problems).toEqual([]);
  const [dataset] = datasets;
  if (dataset === undefined) throw new Error(`${name} gave no dataset`);
  return dataset;
}

describe('a file read by a table reader', () => {
  it.each([
    ['embedded JSON', 'nightly.json', EMBEDDED, 5],
    ['a markdown page with its JSON line', 'nightly.md', PAGE, 5],
    ['a records file', 'benchmark_results.json', RECORDS, 2],
  ])('becomes a dataset of columns, no result made: %s', (_, name, text, rows) => {
    const made = watchRows();
    const dataset = datasetOf(name, text);
    expect(resultCount(dataset)).toBe(rows);
    expect(datasetColumns(dataset)?.count).toBe(rows);
    expect(made.at).not.toHaveBeenCalled();
    expect(made.peek).not.toHaveBeenCalled();
    expect(made.list).not.toHaveBeenCalled();
  });

  it('gives the rows as read, each made when asked for', () => {
    const dataset = datasetOf('nightly.md', PAGE);
    expect(dataset.format.label).toBe('vLLM markdown V4 · embedded JSON');
    const made = watchRows();
    const third = dataset.onDemand?.at(3);
    expect(made.list).not.toHaveBeenCalled();
    expect(third?.testName).toBe('serving_llama8B_tp1_sharegpt_qps_4');
    expect(third?.gpu).toEqual({ type: 'H200', count: 2 });
    expect(third?.metrics).toEqual({ request_throughput: 3.9, ttft_mean: 17.5 });
    expect(dataset.results.map((result) => result.testName)).toEqual([
      'latency_llama8B_tp1',
      'latency_llama70B_tp4',
      'serving_llama8B_tp1_sharegpt_qps_1',
      'serving_llama8B_tp1_sharegpt_qps_4',
      'serving_llama8B_tp1_sharegpt_qps_inf',
    ]);
    expect(dataset.results[3]).toBe(third);
  });

  it('keeps them on demand through the page’s platform table and the warnings it adds', () => {
    const page = `${PAGE}\n## Platform\n\n| | Platform Info |\n|---|---|\n| GPU | H200 |\n`;
    const made = watchRows();
    const [outcome] = parseResultFiles([{ name: 'nightly.md', text: page }]).map(
      (file) => file.outcome,
    );
    const parsed = okValue(outcome);
    expect(parsed.onDemand?.length).toBe(5);
    expect(parsed.meta?.platform).toEqual({ GPU: 'H200' });
    expect(made.list).not.toHaveBeenCalled();
  });
});

describe('warnings of a file read by a table reader, kept through the copies of its results', () => {
  // A row with no test name is skipped, with a warning naming where it was.
  const skipping = JSON.stringify({
    latency: {
      'Test name': { 0: 'latency_llama8B_tp1', 1: null },
      GPU: { 0: 'H100', 1: 'H100' },
      'Mean latency (ms)': { 0: 800, 1: 900 },
    },
  });
  const skipped = 'Skipped latency row 1: it has no test name.';

  it('on a page, with its platform table', () => {
    const page = `## Latency tests\n\n${skipping}\n\n| | Platform Info |\n|---|---|\n| GPU | H100 |\n`;
    const parsed = okValue(parseResultFiles([{ name: 'p.md', text: page }])[0]?.outcome);
    expect(parsed.warnings).toEqual([skipped]);
    expect(parsed.meta?.platform).toEqual({ GPU: 'H100' });
    expect(parsed.onDemand?.length).toBe(1);
  });

  it('in a JSON file, after those its column names gave', () => {
    const long = 'Mean latency (ms)'.padEnd(230, '!');
    const json = skipping.replace('"Mean latency (ms)"', JSON.stringify(long));
    const parsed = okValue(parseResultFiles([{ name: 'n.json', text: json }])[0]?.outcome);
    expect(parsed.warnings).toEqual([
      `A column name of latency was 230 characters long ("${long.slice(0, 40)}…"); it was cut to 200.`,
      skipped,
    ]);
    expect(parsed.onDemand?.length).toBe(1);
  });
});

describe('a table reader’s columns without a row', () => {
  const none = new ColumnsBuilder().finish();
  const format = { id: 'vllm-records-json', label: 'vLLM records JSON' } as const;

  it('are no results, with the first three warnings as the hint', () => {
    const outcome = columnsOutcome(format, none, ['One.', 'Two.', 'Three.', 'Four.']);
    expect(outcome).toEqual({
      ok: false,
      error: {
        kind: 'no-rows',
        message: 'This looks like vLLM records JSON, but it holds no result that could be read.',
        hint: 'One. Two. Three.',
      },
    });
  });

  it('are no results, with no hint when nothing was said', () => {
    const outcome = columnsOutcome(format, none, []);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(Object.keys(outcome.error)).toEqual(['kind', 'message']);
  });
});

function okValue(outcome: ParseOutcome | undefined) {
  if (outcome?.ok !== true) throw new Error('the file did not parse');
  return outcome.value;
}

/** Two latency rows that name no GPU. */
const NO_GPU = JSON.stringify({
  latency: {
    'Test name': { 0: 'latency_llama8B_tp1', 1: 'latency_llama70B_tp4' },
    'Mean latency (ms)': { 0: 800, 1: 2100.5 },
  },
});

describe('a file read by a table reader, with its .commands file', () => {
  const COMMANDS = JSON.stringify({ latency_command: 'vllm bench latency', gpu_type: 'A100' });

  it('reads the rows’ GPUs from their column, looking at no result, and stays on demand when all have one', () => {
    const made = watchRows();
    const [file] = parseResultFiles([
      { name: 'nightly.json', text: EMBEDDED },
      { name: 'nightly.commands', text: COMMANDS },
    ]);
    const parsed = okValue(file?.outcome);
    expect(parsed.meta?.commands).toEqual({ latency_command: 'vllm bench latency' });
    expect(parsed.onDemand?.length).toBe(5);
    // The GPU column answers: no row looked at, kept or made.
    expect(made.peek).not.toHaveBeenCalled();
    expect(made.at).not.toHaveBeenCalled();
    expect(made.list).not.toHaveBeenCalled();
    expect(parsed.results.map((result) => result.gpu?.type)).toEqual([
      'H100',
      'H100',
      'H200',
      'H200',
      'H200',
    ]);
  });

  it('stays on demand when it names no GPU, and rows without one keep none', () => {
    const made = watchRows();
    const [file] = parseResultFiles([
      { name: 'nightly.json', text: NO_GPU },
      { name: 'nightly.commands', text: JSON.stringify({ latency_command: 'vllm bench latency' }) },
    ]);
    const parsed = okValue(file?.outcome);
    expect(parsed.meta?.commands).toEqual({ latency_command: 'vllm bench latency' });
    expect(parsed.onDemand?.length).toBe(2);
    expect(made.peek).not.toHaveBeenCalled();
    expect(parsed.results.map((result) => result.gpu)).toEqual([null, null]);
  });

  it('gives its GPU to the rows without one', () => {
    const [file] = parseResultFiles([
      { name: 'nightly.json', text: NO_GPU },
      { name: 'nightly.commands', text: COMMANDS },
    ]);
    const parsed = okValue(file?.outcome);
    expect(parsed.onDemand).toBeUndefined();
    expect(parsed.results.map((result) => result.gpu?.type)).toEqual(['A100', 'A100']);
    expect(parsed.results.map((result) => result.metrics.latency_mean)).toEqual([800, 2100.5]);
  });
});

describe('the parsing worker', () => {
  it('sends the columns a table reader wrote, as they are, and makes no result', async () => {
    const made = watchRows();
    const done = await ingestDone([{ name: 'nightly.md', source: new Blob([PAGE]) }]);
    const [dataset] = done.datasets;
    expect(dataset?.columns.count).toBe(5);
    expect(dataset?.label).toBe('nightly.md');
    expect(Object.keys(dataset ?? {})).not.toContain('results');
    // Its throughput column, by row: no value for the latency rows.
    const tput =
      dataset?.columns.metrics[
        dataset.columns.metricKeys.findIndex(
          (code) => dataset.columns.strings[code] === 'request_throughput',
        )
      ];
    expect([...(tput ?? [])]).toEqual([NaN, NaN, 1, 3.9, 20.25]);
    expect(made.at).not.toHaveBeenCalled();
    expect(made.list).not.toHaveBeenCalled();
  });
});
