// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { orderMetricKeys } from '../../../src/data/results/metric-order';

describe('orderMetricKeys', () => {
  it('puts known keys in the CI table’s order and others after them as first seen', () => {
    expect(
      orderMetricKeys(['x:power', 'ttft_mean', 'request_throughput', 'x:cost', 'latency_mean']),
    ).toEqual(['latency_mean', 'request_throughput', 'ttft_mean', 'x:power', 'x:cost']);
  });

  it('lists a key once however often it is given', () => {
    expect(orderMetricKeys(['itl_p99', 'itl_mean', 'itl_p99'])).toEqual(['itl_mean', 'itl_p99']);
  });
});
