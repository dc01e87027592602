// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeMetric, directionText, extraMetricKey } from '../../src/data/metrics';

describe('describeMetric', () => {
  it.each([
    ['latency_mean', 'Mean latency'],
    ['latency_median', 'Median latency'],
    ['latency_p99', 'P99 latency'],
    ['latency_p10', 'P10 latency'],
    ['ttft_mean', 'Mean TTFT'],
    ['ttft_median', 'Median TTFT'],
    ['ttft_p99', 'P99 TTFT'],
    ['itl_mean', 'Mean ITL'],
    ['itl_median', 'Median ITL'],
    ['itl_p99', 'P99 ITL'],
    ['tpot_std', 'Std TPOT'],
  ])('%s: "%s", in ms, lower is better', (key, label) => {
    const info = describeMetric(key);
    expect(info).toMatchObject({ key, label, unit: 'ms', direction: 'lower' });
    expect(directionText(info.direction)).toBe('lower is better');
    expect(info.description).not.toBe('');
  });

  it.each([
    ['request_throughput', 'Throughput', 'req/s'],
    ['request_goodput', 'Goodput', 'req/s'],
    ['token_throughput', 'Token throughput', 'tok/s'],
    ['total_token_throughput', 'Total token throughput', 'tok/s'],
    ['output_throughput', 'Output throughput', 'tok/s'],
    ['input_throughput', 'Input throughput', 'tok/s'],
  ])('%s: "%s", in %s, higher is better', (key, label, unit) => {
    const info = describeMetric(key);
    expect(info).toMatchObject({ key, label, unit, direction: 'higher' });
    expect(directionText(info.direction)).toBe('higher is better');
  });

  it('counts have no better direction', () => {
    expect(describeMetric('num_requests')).toMatchObject({
      unit: 'requests',
      direction: 'neutral',
    });
    expect(describeMetric('total_output_tokens')).toMatchObject({
      unit: 'tokens',
      direction: 'neutral',
    });
  });

  it('keeps the elapsed time in seconds, lower is better', () => {
    expect(describeMetric('elapsed_time')).toMatchObject({ unit: 's', direction: 'lower' });
  });

  it('says what TTFT and ITL are', () => {
    expect(describeMetric('ttft_p99').description).toMatch(/99th percentile.*time to first token/i);
    expect(describeMetric('itl_mean').description).toMatch(/inter-token latency/i);
  });

  it('shows an extra column by its name, with the unit it carried and no direction', () => {
    const key = extraMetricKey('Foo bar (tok/s)');
    expect(key).toBe('x:Foo bar (tok/s)');
    expect(describeMetric(key)).toMatchObject({
      key,
      label: 'Foo bar',
      unit: 'tok/s',
      direction: 'neutral',
    });
    expect(describeMetric('x:dtype')).toMatchObject({ label: 'dtype', unit: '' });
  });

  it('describes prototype names as plain unknown keys', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(describeMetric(key), key).toMatchObject({ key, label: key, direction: 'neutral' });
    }
  });
});

describe('directionText', () => {
  it('has no words for a neutral direction', () => {
    expect(directionText('neutral')).toBe('');
  });
});
