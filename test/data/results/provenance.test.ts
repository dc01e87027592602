// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cellSource, distinctEngines, metricSources } from '../../../src/data/results/provenance';
import { columnsOf } from '../../../src/data/results/result-columns';
import { columnsOnlyDataset } from '../../helpers/columns-only';
import { handDataset, result } from '../charts/chart-fixtures';

describe('provenance', () => {
  it('lists each recorded source under its metric’s header, in the reader’s order', () => {
    expect(
      metricSources({
        sources: {
          ttft_median: 'results_ttft_s_quantiles_p50 × 1000 (s → ms)',
          request_throughput: 'results_num_completed_requests_per_min ÷ 60',
        },
      }),
    ).toEqual([
      { metric: 'Median TTFT (ms)', source: 'results_ttft_s_quantiles_p50 × 1000 (s → ms)' },
      { metric: 'Throughput (req/s)', source: 'results_num_completed_requests_per_min ÷ 60' },
    ]);
    expect(metricSources(undefined)).toEqual([]);
    expect(metricSources({ date: '2026-01-01' })).toEqual([]);
  });

  it('names each engine once, in first-seen order, and says when a file names none', () => {
    const rows = [
      result('serving', 'a', 'H100', {}, { engine: 'SGLang' }),
      result('serving', 'b', 'H100', {}, { engine: null }),
      result('serving', 'c', 'H100', {}, { engine: 'SGLang' }),
      result('serving', 'd', 'H100', {}, { engine: 'vLLM' }),
    ];
    expect(distinctEngines(handDataset('rows', rows))).toEqual(['SGLang', 'Not stated', 'vLLM']);
  });

  it('reads the engines of a dataset with columns from its engine column, no row read', () => {
    const rows = [
      result('serving', 'a', 'H100', {}, { engine: null }),
      result('serving', 'b', 'H100', {}, { engine: 'vLLM' }),
      result('serving', 'c', 'H100', {}, { engine: 'vLLM' }),
      result('serving', 'd', 'H100', {}, { engine: 'SGLang' }),
    ];
    const dataset = columnsOnlyDataset('columns', rows, 'engine');
    expect(distinctEngines(dataset)).toEqual(['Not stated', 'vLLM', 'SGLang']);
    // An engine met again after another is still named once.
    const again = [
      result('serving', 'a', 'H100', {}, { engine: 'SGLang' }),
      result('serving', 'b', 'H100', {}, { engine: 'vLLM' }),
      result('serving', 'c', 'H100', {}, { engine: 'SGLang' }),
      result('serving', 'd', 'H100', {}, { engine: null }),
    ];
    expect(distinctEngines(columnsOnlyDataset('again', again, 'engine'))).toEqual([
      'SGLang',
      'vLLM',
      'Not stated',
    ]);
  });

  it('tells where one number came from: file, format, engine, and the source key when recorded', () => {
    const row = result('serving', 'a', 'H100', { ttft_median: 80.1 }, { engine: 'SGLang' });
    const dataset = {
      ...handDataset('run.jsonl', [row]),
      format: { id: 'sglang-bench-serving', label: 'SGLang bench_serving JSON Lines' } as const,
      meta: { sources: { ttft_median: 'median_ttft_ms' } },
    };
    expect(cellSource('ttft_median', row, dataset)).toBe(
      'Median TTFT (ms) from run.jsonl, read as SGLang bench_serving JSON Lines; engine SGLang. Source: median_ttft_ms.',
    );
    // A metric the reader kept under vLLM's own key records no source.
    expect(cellSource('request_throughput', row, dataset)).toMatch(
      /; engine SGLang\. Source: the file’s own value for it, in the unit shown\.$/,
    );
    // An engine the user set where the file said none is marked as theirs.
    const assumed = { ...dataset, assumed: { engine: 'SGLang' } };
    expect(cellSource('ttft_median', row, assumed)).toContain(
      'engine SGLang (as you set it where the file does not say)',
    );
    const silent = result('serving', 'a', 'H100', {}, { engine: null });
    expect(cellSource('ttft_median', silent, assumed)).toContain('; engine not stated.');
  });

  it('tells a number of a dataset without meta, and an engine the file states beside the user’s', () => {
    const row = result('serving', 'a', 'H100', { ttft_median: 1 }, { engine: 'vLLM' });
    const bare = handDataset('bare.json', [row]);
    expect(cellSource('ttft_median', row, bare)).toBe(
      'Median TTFT (ms) from bare.json, read as hand-made; engine vLLM. Source: the file’s own value for it, in the unit shown.',
    );
    // The file says vLLM for this row; the user's SGLang was for rows that say nothing.
    const assumed = { ...bare, assumed: { engine: 'SGLang' } };
    expect(cellSource('ttft_median', row, assumed)).toContain('; engine vLLM. ');
    // A source recorded for another metric is not this one's.
    const other = { ...bare, meta: { sources: { ttft_mean: 'mean_ttft' } } };
    expect(cellSource('ttft_median', row, other)).toMatch(/Source: the file’s own value/);
  });

  it('works a results list’s engines out once', () => {
    const rows = [result('serving', 'a', 'H100', {}, { engine: 'SGLang' })];
    // Two datasets over one results array (a rename) share the list worked out once.
    expect(distinctEngines(handDataset('a', rows))).toBe(distinctEngines(handDataset('b', rows)));
    // Every row states its engine: nothing is `Not stated`, from rows or from columns.
    const stated = [
      result('serving', 'a', 'H100', {}, { engine: 'vLLM' }),
      result('serving', 'b', 'H100', {}, { engine: 'SGLang' }),
      result('serving', 'c', 'H100', {}, { engine: 'vLLM' }),
    ];
    expect(distinctEngines(handDataset('rows', stated))).toEqual(['vLLM', 'SGLang']);
    const columns = { ...handDataset('columns', [...stated]), columns: columnsOf(stated) };
    expect(distinctEngines(columns)).toEqual(['vLLM', 'SGLang']);
  });
});
