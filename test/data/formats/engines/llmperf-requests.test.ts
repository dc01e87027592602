// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import { fixture, only, parseFixture, parsedOrFail, refusedOrFail } from '../fixtures';
import { expectMetrics } from './expect-metrics';

const NAME = 'meta-llama-Llama-2-7b-chat-hf_550_150_individual_responses.json';
const FIXTURE = `llmperf/${NAME}`;

/** The fixture's records, to change before they are read again. */
function records(): Record<string, unknown>[] {
  return JSON.parse(fixture(FIXTURE)) as Record<string, unknown>[];
}

describe('LLMPerf individual responses JSON', () => {
  it('computes statistics over the successful requests, failed ones counted and left out', () => {
    const parsed = parseFixture(FIXTURE);
    expect(parsed.format).toEqual({
      id: 'llmperf-requests',
      label: 'LLMPerf individual responses JSON',
    });
    expect(parsed.warnings).toEqual([]);
    const result = only(parsed);
    expect(result.suite).toBe('serving');
    expect(result.engine).toBeNull();
    // From the file name: LLMPerf wrote the model's "/" as "-".
    expect(result.model).toBe('meta-llama-Llama-2-7b-chat-hf');
    expect([result.inputLen, result.outputLen]).toEqual([550, 150]);
    // The concurrency is only in the summary.
    expect([result.qps, result.concurrency]).toEqual([null, null]);
    expect(result.testName).toBe('serving_meta-llama-Llama-2-7b-chat-hf');
    expect(parsed.meta?.date).toBeUndefined();
    // 5 records, the third with error_code 500; the other four, sorted:
    // ttft_s [0.1, 0.2, 0.3, 0.4], end_to_end_latency_s [3.5, 4.0, 4.5, 5.0],
    // inter_token_latency_s [0.023, 0.026, 0.030, 0.033].
    expectMetrics(result.metrics, {
      ttft_mean: 250, // 1.0 s ÷ 4
      ttft_median: 250, // (0.2 + 0.3) ÷ 2
      // deviations ±0.15, ±0.05: √((0.0225 + 0.0025 + 0.0025 + 0.0225) ÷ 4) = √0.0125 = 0.1118 s
      ttft_std: 111.80339887498948,
      ttft_p90: 370, // rank 3 × 0.9 = 2.7: 0.3 + 0.7 × (0.4 − 0.3)
      ttft_p95: 385, // rank 2.85: 0.3 + 0.85 × 0.1
      ttft_p99: 397, // rank 2.97: 0.3 + 0.97 × 0.1
      e2el_mean: 4250, // 17 s ÷ 4
      e2el_median: 4250, // (4.0 + 4.5) ÷ 2
      // deviations ±0.75, ±0.25: √((0.5625 × 2 + 0.0625 × 2) ÷ 4) = √0.3125 = 0.5590 s
      e2el_std: 559.0169943749474,
      e2el_p90: 4850, // 4.5 + 0.7 × 0.5
      e2el_p95: 4925, // 4.5 + 0.85 × 0.5
      e2el_p99: 4985, // 4.5 + 0.97 × 0.5
      'x:LLMPerf ITL (≈ E2E ÷ tokens) mean (ms)': 28, // 0.112 s ÷ 4
      'x:LLMPerf ITL (≈ E2E ÷ tokens) median (ms)': 28, // (0.026 + 0.030) ÷ 2
      // deviations ±0.005, ±0.002: √((25 + 4 + 4 + 25) × 10⁻⁶ ÷ 4) = √(14.5 × 10⁻⁶) s
      'x:LLMPerf ITL (≈ E2E ÷ tokens) std (ms)': 3.8078865529319548,
      'x:LLMPerf ITL (≈ E2E ÷ tokens) P90 (ms)': 32.1, // 0.030 + 0.7 × 0.003
      'x:LLMPerf ITL (≈ E2E ÷ tokens) P95 (ms)': 32.55, // 0.030 + 0.85 × 0.003
      'x:LLMPerf ITL (≈ E2E ÷ tokens) P99 (ms)': 32.91, // 0.030 + 0.97 × 0.003
      num_requests: 4,
      failed_requests: 1,
      'x:Error rate mean (fraction)': 0.2, // 1 ÷ 5
    });
  });

  it('says where each value came from and over how many requests', () => {
    const sources = parseFixture(FIXTURE).meta?.sources ?? {};
    expect(sources.ttft_median).toBe('ttft_s × 1000 (s → ms), n = 4 requests (1 failed left out)');
    expect(sources.e2el_p99).toBe(
      'end_to_end_latency_s × 1000 (s → ms), n = 4 requests (1 failed left out)',
    );
    expect(sources['x:LLMPerf ITL (≈ E2E ÷ tokens) mean (ms)']).toBe(
      'inter_token_latency_s × 1000 (s → ms) ((TTFT + gaps) ÷ tokens per request: not vLLM’s ITL or TPOT), n = 4 requests (1 failed left out)',
    );
    expect(sources.failed_requests).toBe('records with an error_code');
    expect(sources['x:Error rate mean (fraction)']).toBe('records with an error_code ÷ 5 records');
  });

  it('leaves model and lengths unknown without the file name', () => {
    const result = only(parsedOrFail(parseResultsText(fixture(FIXTURE))));
    expect([result.model, result.inputLen, result.outputLen]).toEqual(['', null, null]);
    expect(result.metrics.ttft_median).toBeCloseTo(250, 9);
  });

  it('counts any error_code as a failure, as LLMPerf does (-1: no answer came)', () => {
    const list = records();
    list[0] = { ...list[0], error_code: -1 }; // the request with ttft_s 0.2
    const result = only(parsedOrFail(parseResultsText(JSON.stringify(list), NAME)));
    expect([result.metrics.num_requests, result.metrics.failed_requests]).toEqual([3, 2]);
    // ttft_s [0.1, 0.3, 0.4]: median 0.3 s
    expect(result.metrics.ttft_median).toBeCloseTo(300, 9);
  });

  it('leaves out items that are no request record, saying how many', () => {
    // LLMPerf's last collection can extend the list with a record's key names.
    const list = [...records(), 'error_code', 'ttft_s'];
    const parsed = parsedOrFail(parseResultsText(JSON.stringify(list), NAME));
    expect(parsed.warnings).toEqual([
      '2 items of the list are no request records (with ttft_s, end_to_end_latency_s, error_code): left out.',
    ]);
    expect(only(parsed).metrics.num_requests).toBe(4);
  });

  it('says what it recognised when no request succeeded', () => {
    const list = records().map((record) => ({ ...record, error_code: 503 }));
    const error = refusedOrFail(parseResultsText(JSON.stringify(list), NAME));
    expect(error.kind).toBe('no-rows');
    expect(error.message).toBe(
      "This is an LLMPerf individual-responses list without a successful request's latency (5 requests, 5 failed).",
    );
  });

  it('does not take a list whose records lack error_code', () => {
    const text = JSON.stringify([{ ttft_s: 0.1, end_to_end_latency_s: 2 }]);
    const error = refusedOrFail(parseResultsText(text, 'list.json'));
    expect(error.kind).toBe('not-results');
  });

  it('leaves out a time that is not positive: LLMPerf writes 0 when no token came', () => {
    const list = records();
    list[0] = { ...list[0], ttft_s: 0 }; // a succeeded request, ttft_s 0.2 before
    const result = only(parsedOrFail(parseResultsText(JSON.stringify(list), NAME)));
    // ttft_s [0.1, 0.3, 0.4]: mean 0.8 ÷ 3 s; the request still counts as succeeded.
    expect(result.metrics.ttft_mean).toBeCloseTo(800 / 3, 9);
    expect(result.metrics.num_requests).toBe(4);
  });

  it('names one stray item in the singular, and the succeeded count’s source', () => {
    const parsed = parsedOrFail(parseResultsText(JSON.stringify([...records(), 'ttft_s']), NAME));
    expect(parsed.warnings).toEqual([
      '1 item of the list is no request record (with ttft_s, end_to_end_latency_s, error_code): left out.',
    ]);
    expect(parsed.meta?.sources?.num_requests).toBe('records whose error_code is null');
  });

  it('counts only records with an error_code as failed when none has a usable time', () => {
    const list = records().map((record) => ({
      ...record,
      ttft_s: null,
      end_to_end_latency_s: null,
    }));
    const error = refusedOrFail(parseResultsText(JSON.stringify(list), NAME));
    // One of the five has error_code 500.
    expect(error.message).toBe(
      "This is an LLMPerf individual-responses list without a successful request's latency (5 requests, 1 failed).",
    );
    expect(error.hint).toBe(
      'A request counts when its error_code is null and its ttft_s or end_to_end_latency_s is a time in seconds.',
    );
  });

  it('is known only by a list whose first records all have the three keys', () => {
    const formatOf = (value: unknown): string => {
      const outcome = parseResultsText(JSON.stringify(value), NAME);
      return outcome.ok ? outcome.value.format.id : outcome.error.kind;
    };
    const list = records();
    expect(formatOf(list)).toBe('llmperf-requests');
    // One record without error_code among the first: not this format.
    expect(formatOf([...list.slice(0, 2), { ttft_s: 0.1, end_to_end_latency_s: 2 }])).not.toBe(
      'llmperf-requests',
    );
    expect(formatOf([])).not.toBe('llmperf-requests');
    // A record beyond the first 50 may differ: only the head is looked at.
    const long = [...Array.from({ length: 50 }, () => list[1]), { other: 1 }];
    expect(formatOf(long)).toBe('llmperf-requests');
  });
});
