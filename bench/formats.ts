// Reading speed per format, in Node (the engine Chromium runs): each format's fixture made into a
// workload of a few MB — a long JSON Lines file of its records, or many copies of a one-run file
// loaded together as a folder of runs would be — read by the site's own parsing worker as built
// (bench/ingest-thread.ts: parsed, normalised and put into columns), beside bare `JSON.parse` of
// the same bytes in the same run.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../test/harness/site.ts';
import { fmtBytes, median } from './format.ts';
import { startIngestThread, type TextInput } from './ingest-thread.ts';

/** Bytes each format's workload reaches at least. */
const WORKLOAD_BYTES = 4_000_000;

export interface FormatCase {
  /** The format as the dashboard names it. */
  readonly format: string;
  /** The fixture, under test/fixtures/formats/. */
  readonly fixture: string;
  /** `lines`: one record per line, repeated into one long file; `file`: copies of the whole file. */
  readonly shape: 'lines' | 'file';
  /**
   * How the baseline parses it: the whole text, each line, the lines that are JSON objects (a
   * page's embedded JSON), or not at all (a markdown table has no JSON to parse).
   */
  readonly baseline: 'whole' | 'lines' | 'objects' | 'none';
}

/** One case per format read; the fixtures are the readers' own test fixtures. */
export const FORMAT_CASES: readonly FormatCase[] = [
  {
    format: 'vLLM nightly page, embedded JSON',
    fixture: '../nightly/nightly-8xH100.md',
    shape: 'file',
    baseline: 'objects',
  },
  {
    format: 'vLLM markdown page (CI)',
    fixture: 'markdown/benchmark_results-v6.md',
    shape: 'file',
    baseline: 'none',
  },
  {
    format: 'benchmark_results.json (CI records)',
    fixture: 'records/benchmark_results-v5.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'vllm bench serve JSON',
    fixture: 'serve/serving_llama8B_tp1_sharegpt_qps_inf.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'vllm bench serve JSON Lines',
    fixture: 'serve/llama8b-h200-qps-sweep.json',
    shape: 'lines',
    baseline: 'lines',
  },
  {
    format: 'vllm bench latency JSON',
    fixture: 'latency/latency_llama8B_tp1.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'vllm bench throughput JSON',
    fixture: 'throughput/throughput_llama8B_tp1.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'PyTorch benchmark JSON',
    fixture: 'pytorch/serving_llama8B_tp1_sharegpt_qps_inf.pytorch.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'vllm bench sweep summary.json',
    fixture: 'sweep/summary.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    // A one-line file: repeated into a long sweep. (The other SGLang fixture writes bare
    // Infinity, which bare JSON.parse refuses.)
    format: 'SGLang bench_serving JSONL',
    fixture: 'sglang/vllm_1118_1000_sharegpt.jsonl',
    shape: 'lines',
    baseline: 'lines',
  },
  {
    format: 'perf-eval median record',
    fixture: 'perf-eval/bench-llama8b-c32.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'trtllm-bench report JSON',
    fixture: 'trtllm-bench/report-streaming.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'AIPerf profile export',
    fixture: 'aiperf/profile_export_aiperf.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'AIPerf multi-run aggregate',
    fixture: 'aiperf/profile_export_aiperf_aggregate.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'GenAI-Perf profile export',
    fixture: 'aiperf/profile_export_genai_perf.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'GuideLLM benchmarks.json',
    fixture: 'guidellm/benchmarks-v0.5.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    // YAML: there is no JSON to parse, so no baseline.
    format: 'GuideLLM benchmarks.yaml',
    fixture: 'guidellm/benchmarks-v0.7.yaml',
    shape: 'file',
    baseline: 'none',
  },
  {
    format: 'LLMPerf summary JSON',
    fixture: 'llmperf/meta-llama-Llama-2-7b-chat-hf_550_150_summary.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'LLMPerf individual responses JSON',
    fixture: 'llmperf/meta-llama-Llama-2-7b-chat-hf_550_150_individual_responses.json',
    shape: 'file',
    baseline: 'whole',
  },
  {
    format: 'llm-d Benchmark Report (YAML)',
    fixture: 'llm-d/benchmark-report-v0.2.yaml',
    shape: 'file',
    baseline: 'none',
  },
];

export interface FormatRow {
  readonly format: string;
  readonly fixture: string;
  /** Bytes of the workload, how many files it is, and the results read from it. */
  readonly bytes: number;
  readonly files: number;
  readonly results: number;
  /** Median MB/s over the repetitions (1 MB = 1,000,000 B), and the baseline's; null: none. */
  readonly readerMBps: number;
  readonly parseMBps: number | null;
  /** Why the reader failed on the workload; absent when it read it. */
  readonly failed?: string;
}

interface Workload {
  readonly texts: readonly string[];
  readonly bytes: number;
}

function workloadOf(text: string, shape: FormatCase['shape']): Workload {
  const size = Buffer.byteLength(text);
  const copies = Math.max(1, Math.ceil(WORKLOAD_BYTES / Math.max(1, size)));
  if (shape === 'file') return { texts: Array<string>(copies).fill(text), bytes: size * copies };
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const long = Array.from({ length: copies }, () => lines.join('\n')).join('\n');
  return { texts: [long], bytes: Buffer.byteLength(long) };
}

function seconds(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

/** Bare JSON.parse of a workload, as its case says. */
function bareParse(texts: readonly string[], baseline: FormatCase['baseline']): void {
  for (const each of texts) {
    if (baseline === 'whole') {
      JSON.parse(each);
      continue;
    }
    for (const line of each.split('\n')) {
      if (baseline === 'lines' ? line.trim() !== '' : line.startsWith('{')) JSON.parse(line);
    }
  }
}

/**
 * Each case read `reps` times after one warm-up by the built parsing worker of `distDir`, the
 * baseline beside it in each repetition.
 */
export async function benchFormats(
  distDir: string,
  reps = 5,
  cases = FORMAT_CASES,
): Promise<FormatRow[]> {
  const thread = await startIngestThread(distDir);
  const rows: FormatRow[] = [];
  try {
    for (const spec of cases) {
      const file = path.join(REPO_ROOT, 'test', 'fixtures', 'formats', spec.fixture);
      const { texts, bytes } = workloadOf(await readFile(file, 'utf8'), spec.shape);
      const name = path.basename(spec.fixture);
      const inputs: TextInput[] = texts.map((text, i) => ({ name: `${String(i)}-${name}`, text }));
      const warm = await thread.ingest(inputs);
      if (spec.baseline !== 'none') bareParse(texts, spec.baseline);
      const readerRates: number[] = [];
      const parseRates: number[] = [];
      for (let rep = 0; rep < reps; rep += 1) {
        const answer = await thread.ingest(inputs);
        readerRates.push(bytes / 1e3 / answer.handlerMs);
        if (spec.baseline !== 'none') {
          parseRates.push(
            bytes /
              1e6 /
              seconds(() => {
                bareParse(texts, spec.baseline);
              }),
          );
        }
      }
      rows.push({
        format: spec.format,
        fixture: spec.fixture,
        bytes,
        files: texts.length,
        results: warm.counts.reduce((sum, count) => sum + count, 0),
        readerMBps: median(readerRates),
        parseMBps: parseRates.length === 0 ? null : median(parseRates),
        ...(warm.problems.length === 0 ? {} : { failed: warm.problems[0] }),
      });
    }
  } finally {
    await thread.close();
  }
  return rows;
}

export function printFormats(rows: readonly FormatRow[]): void {
  console.log('\nReading speed per format (Node; MB/s, median of the repetitions)');
  console.log(
    '  format                                   workload              results   reader MB/s   JSON.parse MB/s   reader ÷ parse time',
  );
  for (const row of rows) {
    const ratio = row.parseMBps === null ? '—' : `${(row.parseMBps / row.readerMBps).toFixed(1)}×`;
    console.log(
      `  ${row.format.padEnd(40)} ${`${fmtBytes(row.bytes)} in ${String(row.files)}`.padEnd(21)} ${String(row.results).padStart(7)}   ${row.readerMBps.toFixed(1).padStart(11)}   ${(row.parseMBps === null ? '—' : row.parseMBps.toFixed(1)).padStart(15)}   ${ratio.padStart(19)}${row.failed === undefined ? '' : `  FAILED: ${row.failed}`}`,
    );
  }
}
