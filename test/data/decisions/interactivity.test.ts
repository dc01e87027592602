// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  areaBetween,
  commonSpan,
  interactivity,
  interactivityLevels,
  throughputAt,
  upperFrontier,
  xAxisText,
  yAxisText,
} from '../../../src/data/decisions/interactivity';
import { frontierTable } from '../../../src/data/decisions/frontier-table';
import { servingConfigs } from '../../../src/data/decisions/serving-configs';
import { handDataset, result, seedView, viewOf } from '../charts/chart-fixtures';

const p = (x: number, y: number) => ({ x, y });

describe('the upper frontier', () => {
  it('keeps the points no other beats on both axes, x ascending', () => {
    // (3, 1) is beaten by (4, 2); (2, 5) and (4, 2) trade off; (1, 5) is beaten by (2, 5).
    expect(upperFrontier([p(3, 1), p(2, 5), p(4, 2), p(1, 5)])).toEqual([p(2, 5), p(4, 2)]);
  });

  it('keeps one of equal x (the higher y) and leaves out non-finite points', () => {
    expect(upperFrontier([p(2, 1), p(2, 3), p(NaN, 9), p(1, Infinity)])).toEqual([p(2, 3)]);
    expect(upperFrontier([])).toEqual([]);
  });
});

describe('reading a frontier', () => {
  const frontier = [p(10, 8), p(20, 4), p(40, 2)];

  it('interpolates linearly between the points around a level', () => {
    expect(throughputAt(frontier, 15)).toBe(6); // halfway from 8 to 4
    expect(throughputAt(frontier, 30)).toBe(3); // halfway from 4 to 2
    expect(throughputAt(frontier, 10)).toBe(8);
    expect(throughputAt(frontier, 40)).toBe(2);
  });

  it('has no value outside its span', () => {
    expect(throughputAt(frontier, 9.99)).toBeNull();
    expect(throughputAt(frontier, 40.01)).toBeNull();
    expect(throughputAt([], 1)).toBeNull();
  });

  it('measures the area under it between two x by trapezoids', () => {
    // 10→20: 10 × (8 + 4) / 2 = 60; 20→40: 20 × (4 + 2) / 2 = 60.
    expect(areaBetween(frontier, 10, 40)).toBe(120);
    // 15→20: 5 × (6 + 4) / 2 = 25; 20→30: 10 × (4 + 3) / 2 = 35.
    expect(areaBetween(frontier, 15, 30)).toBe(60);
    expect(areaBetween(frontier, 20, 20)).toBe(0);
    expect(areaBetween(frontier, 5, 30)).toBeNull();
    expect(areaBetween(frontier, 15, 41)).toBeNull();
    expect(areaBetween(frontier, 30, 15)).toBeNull();
    expect(areaBetween([], 0, 1)).toBeNull();
  });
});

describe('interactivity of the bundled nightlies', () => {
  const configs = servingConfigs(seedView());

  it('reads x from median ITL and y from req/s per GPU used, as the nightlies have no TPOT or token rate', () => {
    const data = interactivity('Llama 3.1 8B', configs);
    expect(data.xBasis).toBe('itl');
    expect(data.yBasis).toBe('requests');
    expect(data.lines.map((line) => line.config.gpu)).toEqual([
      '8×A100-SXM4-80GB',
      '8×H100',
      '8×H200',
    ]);
    const h100 = data.lines[1];
    // Median ITL 8.07435, 8.39612, 9.38206, 11.4632 ms → 123.849, 119.103, 106.586, 87.236 tok/s.
    // Every load trades interactivity for throughput, so all four are on the frontier.
    expect(h100?.frontier.map((point) => point.load)).toEqual([Infinity, 16, 4, 1]);
    expect(h100?.frontier[0]?.x).toBeCloseTo(87.236, 2);
    expect(h100?.frontier[0]?.y).toBeCloseTo(24.1869, 3); // TP 1: req/s ÷ 1
    expect(h100?.frontier[3]?.x).toBeCloseTo(123.849, 2);
  });

  it('divides by the GPUs the test used, not the machine', () => {
    const h100 = interactivity('Llama 3 70B', configs).lines.find((l) => l.config.gpu === '8×H100');
    // serving_llama70B_tp4_sharegpt_qps_inf: 10.6181 req/s on TP 4 → 2.6545 per GPU, ITL 25.6431 ms.
    const inf = h100?.points.find((point) => point.load === Infinity);
    expect(inf?.y).toBeCloseTo(10.6181 / 4, 4);
    expect(inf?.x).toBeCloseTo(38.997, 2);
  });

  it('interpolates the 8×H100 frontier at 100 tok/s per user', () => {
    const table = frontierTable(interactivity('Llama 3.1 8B', configs));
    // The 8B frontiers span 49.4 (A100 at inf) to 155.2 (H200 at QPS 1): a sixth is 17.6 → step 20.
    expect(table.levels).toEqual([60, 80, 100, 120, 140]);
    const at = table.levels.indexOf(100);
    expect(at).toBeGreaterThanOrEqual(0);
    // Between (87.236, 24.1869) and (106.586, 11.5228): t = 12.764 / 19.350 = 0.6596 → 15.833.
    const h100 = table.rows.find((row) => row.line.config.gpu === '8×H100');
    expect(h100?.values[at]).toBeCloseTo(15.833, 2);
  });

  it('follows the GPU filter', () => {
    const data = interactivity('Llama 3.1 8B', servingConfigs(seedView({ gpu: ['8×H100'] })));
    expect(data.lines.map((line) => line.config.gpu)).toEqual(['8×A100-SXM4-80GB', '8×H200']);
  });
});

describe('bases and what is left out', () => {
  const served = (metrics: Record<string, number>, extra = {}) =>
    result('serving', 's', 'H100', metrics, { qps: 1, ...extra });

  it('uses TPOT and output tokens when every load has them', () => {
    const configs = servingConfigs(
      viewOf([
        handDataset('a', [
          served(
            { tpot_median: 20, itl_median: 10, output_throughput: 900, request_throughput: 3 },
            { tp: 2 },
          ),
        ]),
      ]),
    );
    const data = interactivity('Llama 3.1 8B', configs);
    expect([data.xBasis, data.yBasis]).toEqual(['tpot', 'output']);
    // 1000 / 20 ms = 50 tok/s per user; 900 tok/s ÷ 2 GPUs = 450.
    expect(data.lines[0]?.points).toEqual([{ load: 1, x: 50, y: 450 }]);
  });

  it('mixes TPOT with ITL where TPOT is missing, and says so', () => {
    const configs = servingConfigs(
      viewOf([
        handDataset('a', [
          served({ tpot_median: 20, request_throughput: 3 }),
          served({ itl_median: 25, request_throughput: 5 }, { qps: 2 }),
        ]),
      ]),
    );
    const data = interactivity('Llama 3.1 8B', configs);
    expect(data.xBasis).toBe('mixed');
    expect(data.lines[0]?.points.map((point) => point.x)).toEqual([50, 40]);
    expect(xAxisText(data.xBasis)).toContain('ITL where TPOT is missing');
    expect(yAxisText(data.yBasis)).toContain('no token throughput');
  });

  it('leaves out a configuration without TP, or without the numbers, saying why', () => {
    const configs = servingConfigs(
      viewOf([
        handDataset('a', [
          served({ itl_median: 10, request_throughput: 3 }, { tp: null }),
          result('serving', 's', 'A100', { itl_median: 0, request_throughput: 3 }, { qps: 1 }),
        ]),
      ]),
    );
    const data = interactivity('Llama 3.1 8B', configs);
    expect(data.lines).toHaveLength(0);
    // In reading order: TP 1 before an unknown TP.
    expect(data.skipped).toEqual([
      '8×A100: no latency per token or no throughput',
      '8×H100: the files do not say its TP, so GPUs used is unknown',
    ]);
  });
});

describe('levels and the table', () => {
  const line = (gpu: string, frontier: { x: number; y: number }[]) => ({
    config: { gpu } as never,
    points: frontier.map((point) => ({ load: 1, ...point })),
    frontier: frontier.map((point) => ({ load: 1, ...point })),
  });

  it('picks round levels over the span any frontier covers', () => {
    // Span 87.2–123.8: a sixth is 6.1 → step 5 → 90, 95, …, 120.
    expect(interactivityLevels([line('a', [p(87.2, 3), p(123.8, 1)])])).toEqual([
      90, 95, 100, 105, 110, 115, 120,
    ]);
    // Span 38–50: a sixth is 2 → step 2 → 38, 40, …, 50.
    expect(interactivityLevels([line('a', [p(38, 3)]), line('b', [p(50, 1)])])).toEqual([
      38, 40, 42, 44, 46, 48, 50,
    ]);
    // Span 0.3–0.9: a sixth is 0.1 → step 0.1, written as people write decimals.
    expect(interactivityLevels([line('a', [p(0.3, 3), p(0.9, 1)])])).toEqual([
      0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9,
    ]);
    // Span 10–85: a sixth is 12.5 → step 10 (1.25 rounds down to 1).
    expect(interactivityLevels([line('a', [p(10, 3), p(85, 1)])])).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80,
    ]);
    expect(interactivityLevels([line('a', [p(12.345, 1)])])).toEqual([12.35]);
    expect(interactivityLevels([])).toEqual([]);
  });

  it('marks the best row per level and by area over the common span only', () => {
    const a = line('a', [p(10, 8), p(30, 2)]);
    const b = line('b', [p(20, 6), p(40, 1)]);
    expect(commonSpan([a, b])).toEqual([20, 30]);
    const table = frontierTable({
      model: 'm',
      xBasis: 'itl',
      yBasis: 'requests',
      lines: [a, b],
      skipped: [],
    });
    // Span 10–40: a sixth is 5, a step of 5.
    expect(table.levels).toEqual([10, 15, 20, 25, 30, 35, 40]);
    // a falls from 8 to 2 over 10–30 (0.3 per tok/s); b from 6 to 1 over 20–40 (0.25 per tok/s).
    expect(table.rows[0]?.values).toEqual([8, 6.5, 5, 3.5, 2, null, null]);
    expect(table.rows[1]?.values).toEqual([null, null, 6, 4.75, 3.5, 2.25, 1]);
    // Where only one reaches there is nothing to choose between.
    expect(table.bestAt).toEqual([null, null, 1, 1, 1, null, null]);
    // Over their own spans: a 20 × (8 + 2) / 2 = 100, b 20 × (6 + 1) / 2 = 70.
    expect(table.rows.map((row) => row.ownArea)).toEqual([100, 70]);
    // Area 20→30: a 10 × (5 + 2) / 2 = 35; b 10 × (6 + 3.5) / 2 = 47.5.
    expect(table.rows.map((row) => row.area)).toEqual([35, 47.5]);
    expect(table.bestArea).toBe(1);
  });

  it('gives no area when the frontiers do not overlap', () => {
    const table = frontierTable({
      model: 'm',
      xBasis: 'itl',
      yBasis: 'requests',
      lines: [line('a', [p(10, 8), p(20, 2)]), line('b', [p(30, 6), p(40, 1)])],
      skipped: [],
    });
    expect(table.span).toBeNull();
    expect(table.rows.map((row) => row.area)).toEqual([null, null]);
    expect(table.bestArea).toBeNull();
  });
});
