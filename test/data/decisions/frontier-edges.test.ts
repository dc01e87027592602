// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { frontierTable } from '../../../src/data/decisions/frontier-table';
import {
  areaBetween,
  commonSpan,
  interactivity,
  interactivityLevels,
  xAxisText,
  yAxisText,
  type InteractivityLine,
} from '../../../src/data/decisions/interactivity';
import { servingConfigs } from '../../../src/data/decisions/serving-configs';
import { handDataset, result, viewOf } from '../charts/chart-fixtures';

const p = (x: number, y: number) => ({ x, y });
const line = (frontier: { x: number; y: number }[]): InteractivityLine => ({
  config: {} as never,
  points: frontier.map((point) => ({ load: 1, ...point })),
  frontier: frontier.map((point) => ({ load: 1, ...point })),
});

describe('the frontier table', () => {
  it('marks the highest of three rows, the first of equals, between rows that do not reach', () => {
    const rows = [
      line([p(10, 2), p(20, 1)]),
      line([p(30, 9), p(40, 1)]),
      line([p(10, 4), p(20, 3)]),
      line([p(10, 4), p(20, 3)]),
    ];
    const table = frontierTable({
      model: 'm',
      xBasis: 'itl',
      yBasis: 'requests',
      lines: rows,
      skipped: [],
    });
    expect(table.levels).toEqual([10, 15, 20, 25, 30, 35, 40]);
    // At 10: 2, —, 4, 4 → the third (first of the equal fours).
    expect(table.bestAt[0]).toBe(2);
    // At 30 and 40 only the second reaches.
    expect(table.bestAt[4]).toBeNull();
    expect(table.rows.map((row) => row.ownArea)).toEqual([15, 50, 35, 35]);
  });

  it('gives a single point no area', () => {
    const table = frontierTable({
      model: 'm',
      xBasis: 'itl',
      yBasis: 'requests',
      lines: [line([p(5, 5)])],
      skipped: [],
    });
    expect(table.rows[0]?.ownArea).toBe(0);
    expect(table.span).toEqual([5, 5]);
    expect(table.rows[0]?.area).toBe(0);
  });
});

describe('frontier arithmetic at its edges', () => {
  const frontier = [p(10, 8), p(20, 4), p(40, 2)];

  it('integrates only the points between the limits', () => {
    // At 12 the frontier is 8 − 0.4 × 2 = 7.2: 12→20: 8 × (7.2 + 4) / 2 = 44.8; 20→30: 10 × (4 + 3)
    // / 2 = 35.
    expect(areaBetween(frontier, 12, 30)).toBeCloseTo(79.8, 10);
    // 20→40 starts on a point: 20 × (4 + 2) / 2 = 60.
    expect(areaBetween(frontier, 20, 40)).toBe(60);
  });

  it('has a common span of one point when frontiers touch, none without frontiers', () => {
    expect(commonSpan([line([p(10, 2), p(20, 1)]), line([p(20, 5), p(30, 1)])])).toEqual([20, 20]);
    expect(commonSpan([])).toBeNull();
  });

  it('rounds steps to 1, 2, 2.5, 5 or 10 at their edges', () => {
    const levels = (high: number) => interactivityLevels([line([p(0, 1), p(high, 0)])]);
    // A sixth of 9 is 1.5 → 2; of 13.5 is 2.25 → 2.5; of 21 is 3.5 → 5; of 45 is 7.5 → 10.
    expect(levels(9)).toEqual([0, 2, 4, 6, 8]);
    expect(levels(13.5)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(levels(21)).toEqual([0, 5, 10, 15, 20]);
    expect(levels(45)).toEqual([0, 10, 20, 30, 40]);
    // Just below each edge: 8.94 / 6 = 1.49 → 1; 13.44 → 2.24 → 2; 20.94 → 3.49 → 2.5; 44.94 → 7.49 → 5.
    expect(levels(8.94)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(levels(13.44)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(levels(20.94)).toEqual([0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20]);
    expect(levels(44.94)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
  });
});

describe('axes and points', () => {
  it('says where each axis was read', () => {
    expect(xAxisText('tpot')).toBe('Tokens/s per user (1000 / median TPOT)');
    expect(xAxisText('itl')).toBe('Tokens/s per user (1000 / median ITL; no TPOT in the data)');
    expect(xAxisText('mixed')).toBe(
      'Tokens/s per user (1000 / median TPOT, or median ITL where TPOT is missing)',
    );
    expect(yAxisText('output')).toBe('Output tokens/s per GPU (output tok/s ÷ GPUs used)');
    expect(yAxisText('requests')).toBe(
      'Requests/s per GPU (req/s ÷ GPUs used; no token throughput in the data)',
    );
  });

  it('skips the loads without latency per token or throughput, keeping the rest', () => {
    const served = (qps: number, metrics: Record<string, number | null>) =>
      result('serving', `s${String(qps)}`, 'H100', metrics, { qps });
    const configs = servingConfigs(
      viewOf([
        handDataset('a', [
          served(1, { itl_median: 10, request_throughput: 1 }),
          served(2, { itl_median: 0, request_throughput: 2 }),
          served(4, { itl_median: 20, request_throughput: null }),
          served(8, { itl_median: 25, request_throughput: 4 }),
        ]),
      ]),
    );
    const data = interactivity('Llama 3.1 8B', configs);
    // 1000 / 10 = 100 at QPS 1, 1000 / 25 = 40 at QPS 8.
    expect(data.lines[0]?.points).toEqual([
      { load: 1, x: 100, y: 1 },
      { load: 8, x: 40, y: 4 },
    ]);
  });

  it('has ITL and request bases, and no lines, for a model not in view', () => {
    const data = interactivity('Nothing', []);
    expect([data.xBasis, data.yBasis, data.lines.length]).toEqual(['itl', 'requests', 0]);
  });
});
