import { describe, expect, it } from 'vitest';
import { formatMetricValue, formatQps, metricHeader } from '../../src/data/format';

describe('formatMetricValue', () => {
  it('shows two decimals with thousands grouping', () => {
    expect(formatMetricValue('latency_mean', 1046.9095210234325)).toBe('1,046.91');
    expect(formatMetricValue('latency_mean', 833.2702)).toBe('833.27');
    expect(formatMetricValue('request_throughput', 0.9829047178770594)).toBe('0.98');
    expect(formatMetricValue('latency_p99', 1048.303036596626)).toBe('1,048.30');
  });

  it('shows counts as whole numbers', () => {
    expect(formatMetricValue('num_requests', 200)).toBe('200');
    expect(formatMetricValue('total_tokens', 97542.0)).toBe('97,542');
  });

  it('shows a missing value as — and never as 0', () => {
    expect(formatMetricValue('ttft_mean', null)).toBe('—');
    expect(formatMetricValue('ttft_mean', undefined)).toBe('—');
    expect(formatMetricValue('ttft_mean', Number.NaN)).toBe('—');
  });
});

describe('formatQps', () => {
  it('writes inf for all-at-once and the number otherwise', () => {
    expect(formatQps(Infinity)).toBe('inf');
    expect(formatQps(16)).toBe('16');
    expect(formatQps(0.5)).toBe('0.5');
    expect(formatQps(null)).toBe('—');
  });
});

describe('metricHeader', () => {
  it('carries the unit', () => {
    expect(metricHeader('ttft_p99')).toBe('P99 TTFT (ms)');
    expect(metricHeader('latency_median')).toBe('Median latency (ms)');
    expect(metricHeader('request_throughput')).toBe('Throughput (req/s)');
    expect(metricHeader('output_throughput')).toBe('Output throughput (tok/s)');
    expect(metricHeader('x:Goodput ratio (%)')).toBe('Goodput ratio (%)');
    expect(metricHeader('x:Notes')).toBe('Notes');
  });
});
