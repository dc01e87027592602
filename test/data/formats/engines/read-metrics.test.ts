// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  AS_WRITTEN,
  attributesOf,
  dashboardKey,
  extraKey,
  hasCoreMetric,
  loadOf,
  meanLength,
  newReadMetrics,
  ownPath,
  perSecond,
  perSecondRate,
  putMetric,
  readScalar,
  readStats,
  runDate,
  toMilliseconds,
  toSeconds,
  unitOf,
} from '../../../../src/data/formats/engines/read-metrics';

describe('units', () => {
  it('reads every spelling of a time unit the tools write, per token too, case and spaces aside', () => {
    const factorOf = (unit: string | null) => toMilliseconds(unit)?.factor ?? null;
    for (const unit of ['ms', 'msec', 'milliseconds', ' MS ', 'ms/token', 'ms / tok']) {
      expect(factorOf(unit), unit).toBe(1);
    }
    for (const unit of ['s', 'sec', 'secs', 'seconds', 'Seconds', 's/token']) {
      expect(factorOf(unit), unit).toBe(1000);
    }
    for (const unit of ['us', 'µs', 'microseconds']) expect(factorOf(unit), unit).toBe(0.001);
    for (const unit of ['ns', 'nanoseconds']) expect(factorOf(unit), unit).toBe(1e-6);
    for (const unit of [null, '', 'tokens', 'minutes', 'secs/request', 'm']) {
      expect(factorOf(unit), String(unit)).toBeNull();
    }
    expect(toMilliseconds('sec')?.note).toBe(' × 1000 (s → ms)');
    expect(toMilliseconds('us')?.note).toBe(' ÷ 1000 (µs → ms)');
    expect(toMilliseconds('ns')?.note).toBe(' ÷ 1,000,000 (ns → ms)');
    expect(toMilliseconds('ms')).toBe(AS_WRITTEN);
  });

  it('converts a time unit to seconds, the unit of elapsed time', () => {
    expect(toSeconds('s')).toBe(AS_WRITTEN);
    expect(toSeconds('ms')).toEqual({ factor: 0.001, note: ' ÷ 1000 (ms → s)' });
    // µs: ÷ 1000 to ms, ÷ 1000 again to s.
    expect(toSeconds('us')).toEqual({
      factor: 0.000001,
      note: ' ÷ 1000 (µs → ms) ÷ 1000 (ms → s)',
    });
    expect(toSeconds('ns')?.factor).toBeCloseTo(1e-9, 20);
    expect(toSeconds('tokens')).toBeNull();
  });

  it('knows a rate per second, and nothing else, as a rate', () => {
    for (const unit of [
      'requests/sec',
      'tokens/s',
      'queries/s',
      'tokens/sec/user',
      'req / second',
    ]) {
      expect(perSecond(unit), unit).toBe(true);
      expect(perSecondRate(unit), unit).toBe(AS_WRITTEN);
    }
    // Per sample is not per second, though it starts with an s.
    for (const unit of [null, 'requests', 'tokens/min', 'tok/request', 'secs', 'tokens/sample']) {
      expect(perSecond(unit), String(unit)).toBe(false);
      expect(perSecondRate(unit), String(unit)).toBeNull();
    }
  });

  it('reads the unit a statistic states under its key', () => {
    expect(unitOf({ unit: 'ms', units: 's' }, 'units')).toBe('s');
    expect(unitOf({ unit: 'ms' }, 'units')).toBeNull();
    expect(unitOf(null, 'unit')).toBeNull();
  });
});

describe('load, lengths and paths', () => {
  it('is a rate, or no rate (∞) when only a concurrency caps the requests', () => {
    expect(loadOf(4, null)).toEqual({ qps: 4, concurrency: null });
    expect(loadOf(4, 16)).toEqual({ qps: 4, concurrency: 16 });
    expect(loadOf(null, 16)).toEqual({ qps: Infinity, concurrency: 16 });
    // A rate of 0 (or below) is no rate.
    expect(loadOf(0, 8)).toEqual({ qps: Infinity, concurrency: 8 });
    expect(loadOf(-1, null)).toEqual({ qps: null, concurrency: null });
    expect(loadOf(null, null)).toEqual({ qps: null, concurrency: null });
  });

  it('rounds a mean length to whole tokens', () => {
    expect(meanLength(1023.7)).toBe(1024);
    expect(meanLength(255.4)).toBe(255);
    expect(meanLength('x')).toBeNull();
    expect(meanLength(null)).toBeNull();
  });

  it('follows a dotted path of own properties only', () => {
    const record = { percentiles: { p99: 3 }, flat: 1 };
    expect(ownPath(record, 'percentiles.p99')).toBe(3);
    expect(ownPath(record, 'flat')).toBe(1);
    expect(ownPath(record, 'flat.deeper')).toBeUndefined();
    expect(ownPath(record, 'percentiles.toString')).toBeUndefined();
  });
});

describe('metrics read', () => {
  it('keeps a value with its source, and one that is not finite as missing', () => {
    const into = newReadMetrics();
    putMetric(into, 'ttft_mean', 12, 'mean_ttft');
    putMetric(into, 'ttft_p99', Infinity, 'p99_ttft');
    expect({ ...into.metrics }).toEqual({ ttft_mean: 12, ttft_p99: null });
    expect({ ...into.sources }).toEqual({ ttft_mean: 'mean_ttft', ttft_p99: 'p99_ttft' });
  });

  it('reads a scalar at a path, scaled, its source named with the conversion', () => {
    const into = newReadMetrics();
    const record = { stats: { ttft: 0.25, huge: 1e308 } };
    expect(
      readScalar(into, 'ttft_mean', record, 'stats.ttft', toMilliseconds('s') ?? AS_WRITTEN),
    ).toBe(true);
    expect(into.metrics.ttft_mean).toBe(250);
    expect(into.sources.ttft_mean).toBe('stats.ttft × 1000 (s → ms)');
    // Scaled past a finite number: kept as missing, not Infinity.
    readScalar(into, 'e2el_mean', record, 'stats.huge', toMilliseconds('s') ?? AS_WRITTEN);
    expect(into.metrics.e2el_mean).toBeNull();
    expect(readScalar(into, 'itl_mean', record, 'stats.itl')).toBe(false);
    expect('itl_mean' in into.metrics).toBe(false);
  });

  it('keeps a value that is no number as missing, not as 0', () => {
    const into = newReadMetrics();
    expect(
      readScalar(into, 'ttft_p99', { p99: 'n/a' }, 'p99', toMilliseconds('s') ?? AS_WRITTEN),
    ).toBe(true);
    expect(into.metrics.ttft_p99).toBeNull();
    expect(into.sources.ttft_p99).toBe('p99 × 1000 (s → ms)');
  });

  it('reads the statistics a record has and says how many it found', () => {
    const into = newReadMetrics();
    const paths = [
      ['p50', 'median'],
      ['p90', 'p90'],
      ['p99', 'p99'],
    ] as const;
    // p50 and p99 are there (p99 without a number), p90 is not: two found.
    const record = { p50: 10, p99: 'n/a' };
    expect(readStats(into, dashboardKey('ttft'), record, paths, AS_WRITTEN, 'ttft.')).toBe(2);
    expect({ ...into.metrics }).toEqual({ ttft_median: 10, ttft_p99: null });
    expect({ ...into.sources }).toEqual({ ttft_median: 'ttft.p50', ttft_p99: 'ttft.p99' });
  });

  it('counts a dashboard latency, a throughput or the duration as a core metric, nothing else', () => {
    const coreOf = (...keys: string[]) => {
      const into = newReadMetrics();
      for (const key of keys) putMetric(into, key, 1, key);
      return hasCoreMetric(into);
    };
    for (const key of ['ttft_mean', 'itl_p99', 'request_throughput', 'elapsed_time']) {
      expect(coreOf('num_requests', key), key).toBe(true);
    }
    expect(coreOf()).toBe(false);
    // An extra that only names a latency in its label is none of the dashboard's.
    expect(coreOf('num_requests', 'x:Goodput SLO ttft_ms P99 (ms)')).toBe(false);
  });

  it('names an extra by its label, statistic and unit', () => {
    expect(extraKey('LLMPerf ITL', 'ms')('p99')).toBe('x:LLMPerf ITL P99 (ms)');
    expect(extraKey('Error rate', 'fraction')('mean')).toBe('x:Error rate mean (fraction)');
  });
});

describe('attributes', () => {
  it('keeps the text fields a file states, a long one cut with a warning that names it', () => {
    const warnings: string[] = [];
    const record = attributesOf(
      [
        ['backend', 'vllm'],
        ['version', 'v'.repeat(250)],
        ['dtype', null],
      ],
      warnings,
    );
    expect(Object.keys(record)).toEqual(['backend', 'version']);
    expect(record.backend).toBe('vllm');
    // Cut to 200 characters: 199 of its own and an ellipsis.
    expect(record.version).toBe(`${'v'.repeat(199)}…`);
    expect(warnings).toEqual([
      `The version was 250 characters long ("${'v'.repeat(40)}…"); it was cut to 200.`,
    ]);
  });
});

describe('runDate', () => {
  it('reads unix seconds in UTC and an ISO time as its own clock, to the second', () => {
    // 1,700,000,000 s = 2023-11-14 22:13:20 UTC
    expect(runDate(1_700_000_000)).toBe('2023-11-14T22:13:20');
    expect(runDate('2025-11-05T18:00:42.123+02:00')).toBe('2025-11-05T18:00:42');
    expect(runDate(' 2025-11-05 18:00:42 ')).toBe('2025-11-05T18:00:42');
  });

  it('refuses a time before 2000 or after 2100, an impossible date and anything else', () => {
    expect(runDate(946_684_800)).toBeNull(); // 2000-01-01 00:00:00 exactly
    expect(runDate(946_684_801)).toBe('2000-01-01T00:00:01');
    expect(runDate(4_102_444_800)).toBeNull(); // 2100-01-01
    expect(runDate('2025-13-45T10:00:00')).toBeNull();
    expect(runDate('yesterday')).toBeNull();
    expect(runDate(null)).toBeNull();
  });
});
