// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoFrontier } from '../../../src/data/charts/pareto';
import { tradeOffChart } from '../../../src/data/charts/trade-off';
import { handDataset, result, seedView, viewOf } from './chart-fixtures';

const dominates = (a: { x: number; y: number }, b: { x: number; y: number }): boolean =>
  a.x >= b.x && a.y <= b.y && (a.x > b.x || a.y < b.y);

describe('Pareto frontier (more throughput, less latency)', () => {
  it('drops a point beaten on both axes and sorts the rest by throughput', () => {
    const points = [
      { x: 10, y: 5 },
      { x: 2, y: 9 }, // beaten by (3, 4)
      { x: 3, y: 4 },
      { x: 12, y: 30 },
    ];
    expect(paretoFrontier(points)).toEqual([
      { x: 3, y: 4 },
      { x: 10, y: 5 },
      { x: 12, y: 30 },
    ]);
  });

  it('keeps one of exact duplicates and the lower of two points with equal throughput', () => {
    expect(
      paretoFrontier([
        { x: 1, y: 2 },
        { x: 1, y: 2 },
        { x: 1, y: 3 },
      ]),
    ).toEqual([{ x: 1, y: 2 }]);
  });

  it('refuses points that are not finite', () => {
    expect(
      paretoFrontier([
        { x: Number.NaN, y: 1 },
        { x: 1, y: Infinity },
        { x: 1, y: 1 },
      ]),
    ).toEqual([{ x: 1, y: 1 }]);
  });

  it('returns exactly the points no other point dominates', () => {
    const point = fc.record({
      x: fc.integer({ min: 0, max: 20 }),
      y: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), (points) => {
        const frontier = paretoFrontier(points);
        for (const p of frontier) expect(points.some((q) => dominates(q, p))).toBe(false);
        for (const p of points) {
          const onFrontier = frontier.some((f) => f.x === p.x && f.y === p.y);
          expect(onFrontier || points.some((q) => dominates(q, p))).toBe(true);
        }
        for (let i = 1; i < frontier.length; i += 1) {
          expect(frontier[i]?.x).toBeGreaterThan(frontier[i - 1]?.x ?? -1);
        }
      }),
    );
  });
});

describe('trade-off chart', () => {
  it('puts 8×H100 Llama 3.1 8B runs at (achieved req/s, p99 TTFT) and leaves QPS 1 off its frontier', () => {
    const data = tradeOffChart(seedView(), 'ttft_p99');
    const panel = data.panels.find((entry) => entry.key === 'serving_llama8B_tp1_sharegpt');
    const h100 = panel?.series.find((series) => series.gpu.label === '8×H100');
    expect(h100?.points.map((p) => [p.qps, p.x, p.y])).toEqual([
      [1, 1.0045473046889262, 35.843759244307876],
      [4, 3.7884722544447005, 22.108013881370425],
      [16, 11.522796431373235, 25.444589080289003],
      [Infinity, 24.186907198204548, 306.2498870212585],
    ]);
    // QPS 1 (1.00 req/s, 35.84 ms) is beaten by QPS 4 (3.79 req/s, 22.11 ms).
    expect(h100?.frontier.map((p) => p.qps)).toEqual([4, 16, Infinity]);
    expect(data.y.label).toBe('P99 TTFT');
  });

  it('keeps every point on the frontier when latency rises with throughput (median ITL)', () => {
    const data = tradeOffChart(seedView(), 'itl_median');
    const panel = data.panels.find((entry) => entry.key === 'serving_llama8B_tp1_sharegpt');
    const h100 = panel?.series.find((series) => series.gpu.label === '8×H100');
    // 8.0743 < 8.3961 < 9.3821 < 11.463 ms as req/s grows.
    expect(h100?.frontier.map((p) => p.qps)).toEqual([1, 4, 16, Infinity]);
  });

  it('has no series for a GPU the filters hide', () => {
    const data = tradeOffChart(seedView({ gpu: ['8×A100-SXM4-80GB'] }), 'ttft_mean');
    expect(data.gpus.map((gpu) => gpu.label)).toEqual(['8×H100', '8×H200']);
    for (const panel of data.panels) {
      expect(panel.series.map((series) => series.gpu.label)).not.toContain('8×A100-SXM4-80GB');
    }
  });
});

describe('trade-off points of hand-made runs', () => {
  const serving = (qps: number, rate: number, p99: number | null) =>
    result(
      'serving',
      `serving_llama8B_tp1_sharegpt_qps_${String(qps)}`,
      'H100',
      { request_throughput: rate, ttft_p99: p99 },
      { dataset: 'sharegpt', qps },
    );

  it('orders a GPU’s points by offered QPS and leaves out runs without both values', () => {
    const view = viewOf([
      handDataset('H100', [
        serving(16, 12, 90),
        serving(1, 1, 20),
        serving(8, 7, null),
        serving(4, 3.9, 30),
      ]),
    ]);
    const data = tradeOffChart(view, 'ttft_p99');
    const points = data.panels[0]?.series[0]?.points ?? [];
    expect(points.map((point) => [point.qps, point.x, point.y])).toEqual([
      [1, 1, 20],
      [4, 3.9, 30],
      [16, 12, 90],
    ]);
    expect(data.thinnedPoints).toBe(0);
  });

  it('thins a series past the point budget, keeping its frontier', () => {
    // 2,100 rates, each faster and with a lower P99 TTFT than the one before: the last point
    // beats all others, so it alone is the frontier.
    const runs = Array.from({ length: 2100 }, (_, i) => serving(i + 1, i + 1, 5000 - i));
    const data = tradeOffChart(viewOf([handDataset('H100', runs)]), 'ttft_p99');
    const series = data.panels[0]?.series[0];
    expect(series?.frontier.map((point) => point.qps)).toEqual([2100]);
    // 2,000 points at most: 1,999 spread evenly from the first to the last (the frontier).
    expect(series?.points).toHaveLength(1999);
    expect(series?.points[0]?.qps).toBe(1);
    expect(series?.points.at(-1)?.qps).toBe(2100);
    expect(data.thinnedPoints).toBe(101);
  });
});
