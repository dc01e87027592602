// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import { parsedOrFail } from './fixtures';

/** An InferenceX row (`process_result.py`): identity from its environment, statistics in seconds. */
function inferenceXRow(fields: Record<string, unknown>): string {
  return JSON.stringify({
    hw: 'h200',
    conc: 64,
    model: 'm',
    framework: 'vllm',
    precision: 'fp8',
    isl: 1024,
    osl: 1024,
    tp: 8,
    ep: 1,
    tput_per_gpu: 1520.5,
    median_ttft: 0.812,
    ...fields,
  });
}

describe('perf-eval dashboard rows, single values', () => {
  it('keeps pp, dp and pcp, factors of the GPU divisor, as text like ep, not as metrics', () => {
    const row = parsedOrFail(parseResultsText(inferenceXRow({ pp: 2, dp: 1, pcp: 1 }))).results[0];
    expect(row?.attributes).toMatchObject({ ep: '1', pp: '2', dp: '1', pcp: '1' });
    for (const key of ['x:ep', 'x:pp', 'x:dp', 'x:pcp']) {
      expect(Object.keys(row?.metrics ?? {}), key).not.toContain(key);
    }
  });

  it('adds no parallelism the row does not write', () => {
    const row = parsedOrFail(parseResultsText(inferenceXRow({}))).results[0];
    expect(Object.keys(row?.metrics ?? {}).sort()).toEqual([
      'ttft_median',
      'x:Total token throughput per GPU (tok/s/GPU)',
    ]);
    expect(Object.keys(row?.attributes ?? {}).sort()).toEqual(['ep', 'precision']);
  });

  it('shows a statistic written null as missing, and leaves out empty text and unset lengths', () => {
    // InferenceX writes null for an unset ISL or OSL, and an unset precision as empty text.
    const text = inferenceXRow({ isl: null, osl: null, precision: '', median_ttft: null });
    const row = parsedOrFail(parseResultsText(text)).results[0];
    expect(row?.testName).toBe('serving_m_tp8_concurrency_64');
    expect([row?.inputLen, row?.outputLen]).toEqual([null, null]);
    expect(row?.metrics).toHaveProperty('ttft_median', null);
    expect(Object.keys(row?.metrics ?? {})).not.toContain('x:precision');
    expect(Object.keys(row?.attributes ?? {})).not.toContain('precision');
  });

  it('calls a file’s only row "the row" when it cuts its date, and cuts the file’s date too', () => {
    const date = `2025-11-18 02:10:44 ${'x'.repeat(181)}`; // 19 + 1 + 181 = 201 characters
    const parsed = parsedOrFail(parseResultsText(inferenceXRow({ date })));
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/^the row: "date" was 201 characters long \("2025-11-18 02:10:44 x/),
      expect.stringMatching(/^A date was 201 characters long \("2025-11-18T02:10:44 x/),
    ]);
    expect(parsed.meta?.date).toHaveLength(200);
  });

  it('names a row by its own keys, whatever the file is called', () => {
    const parsed = parsedOrFail(
      parseResultsText(inferenceXRow({}), 'serving_llama8B_tp1_sharegpt_qps_1.json'),
    );
    expect(parsed.results[0]?.testName).toBe('serving_m_tp8_concurrency_64_isl_1024_osl_1024_fp8');
    expect(parsed.results[0]?.model).toBe('m');
  });
});
