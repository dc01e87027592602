// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  requestsNote,
  statisticsFromArrays,
  statisticsOf,
} from '../../../src/data/formats/serve-arrays';

/** Nothing recorded in the summary: every default statistic is lacking. */
const NONE_RECORDED = new Map<string, ReadonlyMap<string, number | null>>();

describe('statistics from per-request arrays', () => {
  it('says how many requests a statistic is over, and how many failed were left out', () => {
    expect(requestsNote(1, 0)).toBe('n = 1 request');
    expect(requestsNote(2, 0)).toBe('n = 2 requests');
    expect(requestsNote(4, 1)).toBe('n = 4 requests (1 failed left out)');
  });

  it('works TPOT out per request as vLLM does, skipping a request it cannot be worked out for', () => {
    const computed = statisticsFromArrays(
      {
        // 0: (1.1 − 0.1) ÷ 10 = 0.1 s; 1: (2.2 − 0.2) ÷ 20 = 0.1 s; 2: no TTFT; 3: no latency;
        // 4: one output token, no gap to divide by.
        ttfts: [0.1, 0.2, null, 0.1, 0.3],
        latencies: [1.1, 2.2, 1.0, null, 0.5],
        output_lens: [11, 21, 5, 5, 1],
      },
      NONE_RECORDED,
    );
    const tpot = computed.get('tpot');
    expect(tpot?.values.get('mean')).toBeCloseTo(100, 9);
    expect(tpot?.values.get('std')).toBeCloseTo(0, 9);
    expect(tpot?.source).toBe(
      '(latencies − ttfts) ÷ (output_lens − 1) × 1000 (s → ms), n = 2 requests',
    );
  });

  it('works no TPOT out when no request has one', () => {
    const computed = statisticsFromArrays(
      { ttfts: [0.1], latencies: [1.1], output_lens: [1] },
      NONE_RECORDED,
    );
    expect(computed.has('tpot')).toBe(false);
    expect(computed.get('ttft')?.source).toBe('ttfts × 1000 (s → ms), n = 1 request');
  });

  it('leaves out a 0 as a failed request when the file has no errors list, counting it', () => {
    const computed = statisticsFromArrays({ ttfts: [0, 0.2, 0.4] }, NONE_RECORDED);
    // [0.2, 0.4]: mean 0.3 s
    expect(computed.get('ttft')?.values.get('mean')).toBeCloseTo(300, 9);
    expect(computed.get('ttft')?.source).toBe(
      'ttfts × 1000 (s → ms), n = 2 requests (1 failed left out)',
    );
  });

  it('leaves out the requests the errors list names, and keeps a 0 of a succeeded one', () => {
    const computed = statisticsFromArrays(
      { ttfts: [0, 0.2, 0.4], errors: ['', 'timeout', ''] },
      NONE_RECORDED,
    );
    // [0, 0.4]: mean 0.2 s; the timed-out request is left out.
    expect(computed.get('ttft')?.values.get('mean')).toBeCloseTo(200, 9);
    expect(computed.get('ttft')?.source).toBe(
      'ttfts × 1000 (s → ms), n = 2 requests (1 failed left out)',
    );
  });

  it('computes nothing the summary already has', () => {
    const recorded = new Map([
      ['ttft', new Map<string, number | null>(['mean', 'median', 'std', 'p99'].map((s) => [s, 1]))],
    ]);
    const computed = statisticsFromArrays({ ttfts: [0.1], latencies: [0.5] }, recorded);
    expect(computed.has('ttft')).toBe(false);
    expect(computed.has('e2el')).toBe(true);
  });

  it('gives mean, median, population std and percentiles in ms', () => {
    // [0.1, 0.2, 0.3, 0.4] s: mean 250, median 250, std √0.0125 = 111.80 ms; p90 at rank 2.7 = 370.
    const statistics = statisticsOf([0.4, 0.1, 0.3, 0.2], [90, 99]);
    expect(statistics.get('mean')).toBeCloseTo(250, 9);
    expect(statistics.get('median')).toBeCloseTo(250, 9);
    expect(statistics.get('std')).toBeCloseTo(111.80339887, 6);
    expect(statistics.get('p90')).toBeCloseTo(370, 9);
    expect(statistics.get('p99')).toBeCloseTo(397, 9); // rank 2.97: 0.3 + 0.97 × 0.1
  });

  it('leaves out a statistic too large for a number, not showing it as infinite', () => {
    // Mean and median 1e306 s are 1e309 ms, past the largest double (about 1.8e308); the spread
    // is 0 ms.
    const statistics = statisticsOf([1e306, 1e306]);
    expect([...statistics]).toEqual([['std', 0]]);
  });

  it('treats an errors entry that is not a message as a success', () => {
    const computed = statisticsFromArrays(
      { ttfts: [0.1, 0.2, 0.3], errors: [null, 'timeout', null] },
      NONE_RECORDED,
    );
    // [0.1, 0.3]: mean 0.2 s
    expect(computed.get('ttft')?.values.get('mean')).toBeCloseTo(200, 9);
    expect(computed.get('ttft')?.source).toBe(
      'ttfts × 1000 (s → ms), n = 2 requests (1 failed left out)',
    );
  });

  it('ignores an errors list of another length, leaving out the zeros instead', () => {
    const computed = statisticsFromArrays(
      { ttfts: [0.2, 0, 0.4], errors: ['timeout'] },
      NONE_RECORDED,
    );
    // [0.2, 0.4]: mean 0.3 s; the 0 is the failed request.
    expect(computed.get('ttft')?.values.get('mean')).toBeCloseTo(300, 9);
    expect(computed.get('ttft')?.source).toBe(
      'ttfts × 1000 (s → ms), n = 2 requests (1 failed left out)',
    );
  });

  it('skips a value that is not a number', () => {
    const computed = statisticsFromArrays({ latencies: [0.1, '0.3', null, 0.2] }, NONE_RECORDED);
    // [0.1, 0.2]: mean 0.15 s
    expect(computed.get('e2el')?.values.get('mean')).toBeCloseTo(150, 9);
    expect(computed.get('e2el')?.source).toBe('latencies × 1000 (s → ms), n = 2 requests');
  });

  it('computes ITL over the chunk gaps of the requests that kept a list of them', () => {
    const computed = statisticsFromArrays(
      // Request 1 kept no list; request 0 has a gap that is not a number.
      { itls: [[0.01, null, 0.03], null, [0.02]] },
      NONE_RECORDED,
    );
    // Gaps 0.01, 0.03, 0.02 s: mean and median 0.02 s
    expect(computed.get('itl')?.values.get('mean')).toBeCloseTo(20, 9);
    expect(computed.get('itl')?.values.get('median')).toBeCloseTo(20, 9);
    expect(computed.get('itl')?.source).toBe(
      'itls × 1000 (s → ms), n = 3 chunk gaps of 2 requests',
    );
  });

  it('computes no ITL when no request streamed a chunk gap', () => {
    const computed = statisticsFromArrays({ itls: [[], []] }, NONE_RECORDED);
    expect(computed.has('itl')).toBe(false);
  });

  it('works no TPOT out without TTFTs or without latencies', () => {
    const noTtfts = statisticsFromArrays({ latencies: [1.1], output_lens: [11] }, NONE_RECORDED);
    expect([...noTtfts.keys()]).toEqual(['e2el']);
    const noLatencies = statisticsFromArrays({ ttfts: [0.1], output_lens: [11] }, NONE_RECORDED);
    expect([...noLatencies.keys()]).toEqual(['ttft']);
  });
});
