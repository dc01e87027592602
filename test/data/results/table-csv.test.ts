// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildResultIndex } from '../../../src/data/results/result-index';
import type { BenchmarkResult, Dataset } from '../../../src/data/results/result-model';
import { suiteColumnIds } from '../../../src/data/results/table-columns';
import { tableCsv } from '../../../src/data/results/table-csv';
import { seedDataset } from '../../helpers/seed';

function parse(csv: string): string[][] {
  const parsed = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const h100 = seedDataset('H100');
const h200 = seedDataset('H200');
const a100 = seedDataset('A100-SXM4-80GB');

// H100 alone, reading order: 0–3 Llama 3 70B serving QPS 1, 4, 16, inf; 4 its latency; 5 its
// throughput; 6–11 the same for Llama 3.1 8B; 12–17 for Mixtral 8x7B.
const single = buildResultIndex([h100]);

describe('tableCsv', () => {
  it('writes the given rows in the given order and the given columns in the given order', () => {
    const csv = tableCsv(single, Uint32Array.of(15, 3, 6), [
      'qps',
      'model',
      'ttft_p99',
      'gpu',
      'dataset',
      'tp',
      'request_throughput',
    ]);
    expect(csv).toBe(
      [
        'QPS,Model,Test name,P99 TTFT (ms),GPU,Dataset,TP,Throughput (req/s)',
        'inf,Mixtral 8x7B,serving_mixtral8x7B_tp2_sharegpt_qps_inf,323.14059362746775,8×H100,Nightly · 8×H100,2,9.595717904387822',
        'inf,Llama 3 70B,serving_llama70B_tp4_sharegpt_qps_inf,375.258861342445,8×H100,Nightly · 8×H100,4,10.618124942561348',
        '1,Llama 3.1 8B,serving_llama8B_tp1_sharegpt_qps_1,35.843759244307876,8×H100,Nightly · 8×H100,1,1.0045473046889262',
      ].join('\r\n'),
    );
  });

  it('writes a whole latency table with the test name right after the model', () => {
    const csv = tableCsv(
      single,
      single.bySuite.latency,
      suiteColumnIds('latency', single.metricKeys.latency),
    );
    expect(parse(csv)).toEqual([
      [
        'Model',
        'Test name',
        'TP',
        'GPU',
        'Dataset',
        'Mean latency (ms)',
        'Median latency (ms)',
        'P99 latency (ms)',
      ],
      [
        'Llama 3 70B',
        'latency_llama70B_tp4',
        '4',
        '8×H100',
        'Nightly · 8×H100',
        '2540.7543117801347',
        '2540.222811512649',
        '2544.8885366879404',
      ],
      [
        'Llama 3.1 8B',
        'latency_llama8B_tp1',
        '1',
        '8×H100',
        'Nightly · 8×H100',
        '1046.9095210234325',
        '1046.8183774501085',
        '1048.303036596626',
      ],
      [
        'Mixtral 8x7B',
        'latency_mixtral8x7B_tp2',
        '2',
        '8×H100',
        'Nightly · 8×H100',
        '2316.744400312503',
        '2320.1082749292254',
        '2334.1726494580507',
      ],
    ]);
  });

  it('leaves out columns it is not given, the test name with the model', () => {
    expect(tableCsv(single, Uint32Array.of(10), ['latency_p99', 'gpu'])).toBe(
      'P99 latency (ms),GPU\r\n1048.303036596626,8×H100',
    );
  });

  it('labels each row with its own dataset', () => {
    const all = buildResultIndex([h100, h200, a100]);
    // Throughput of Llama 3.1 8B on each GPU: positions 23 (A100), 29 (H100), 35 (H200).
    expect(
      parse(tableCsv(all, Uint32Array.of(35, 23, 29), ['dataset', 'request_throughput'])),
    ).toEqual([
      ['Dataset', 'Throughput (req/s)'],
      ['Nightly · 8×H200', '25.67157416243356'],
      ['Nightly · 8×A100-SXM4-80GB', '12.324186389245893'],
      ['Nightly · 8×H100', '21.620062820024827'],
    ]);
  });

  it('writes an empty field for a missing value and for QPS of a latency row', () => {
    // Latency rows have no QPS and no throughput.
    expect(tableCsv(single, Uint32Array.of(4), ['qps', 'request_throughput', 'latency_mean'])).toBe(
      'QPS,Throughput (req/s),Mean latency (ms)\r\n,,2540.7543117801347',
    );
  });

  it('writes only the header when no rows are given', () => {
    expect(tableCsv(single, new Uint32Array(0), ['model', 'tp'])).toBe('Model,Test name,TP');
  });

  it('defuses text from a file that a spreadsheet would run, and keeps negative numbers numeric', () => {
    const hostile: BenchmarkResult = {
      suite: 'latency',
      testName: '+cmd|calc',
      model: '@SUM(1+1)',
      tp: null,
      pp: null,
      dp: null,
      gpu: null,
      dataset: null,
      variant: null,
      qps: null,
      concurrency: null,
      inputLen: null,
      outputLen: null,
      engine: null,
      metrics: { latency_mean: -5, latency_p99: null },
      attributes: {},
    };
    const dataset: Dataset = {
      id: 'hostile',
      label: '=HYPERLINK("http://example.com","x")',
      source: { kind: 'file', name: 'hostile.json' },
      format: { id: 'vllm-markdown', label: 'vLLM markdown V4' },
      results: [hostile],
      warnings: [],
    };
    const index = buildResultIndex([dataset]);
    const csv = tableCsv(index, Uint32Array.of(0), [
      'model',
      'tp',
      'gpu',
      'dataset',
      'latency_mean',
      'latency_p99',
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      `"'@SUM(1+1)","'+cmd|calc",,Unknown GPU,"'=HYPERLINK(""http://example.com"",""x"")",-5,`,
    );
    expect(parse(csv)[1]).toEqual([
      "'@SUM(1+1)",
      "'+cmd|calc",
      '',
      'Unknown GPU',
      `'=HYPERLINK("http://example.com","x")`,
      '-5',
      '',
    ]);
  });
});
