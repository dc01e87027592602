// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { servingConfigs } from '../../../src/data/decisions/serving-configs';
import {
  NO_SLO,
  hasSlo,
  percentileLabel,
  sloCapacity,
  sloLineFor,
  sloPercentiles,
  type SloSet,
} from '../../../src/data/decisions/slo';
import { readPositiveInput } from '../../../src/data/decisions/positive-input';
import { handDataset, result, seedView, viewOf } from '../charts/chart-fixtures';

const configs = servingConfigs(seedView());

/** The highest load meeting the SLO for a model on a GPU of the bundled nightlies. */
function highest(model: string, gpu: string, slo: Partial<SloSet>, percentile: 'median' | 'p99') {
  const found = sloCapacity(configs, { ...NO_SLO, ...slo }, percentile).find(
    (entry) => entry.config.model === model && entry.config.gpu === gpu,
  );
  if (found === undefined) throw new Error(`no ${model} on ${gpu}`);
  return found;
}

describe('max QPS within SLO on the bundled nightlies', () => {
  it('is the highest load whose median TTFT is within 50 ms', () => {
    // Llama 3 70B on 8×H100, median TTFT: 41.38 (1), 38.17 (4), 42.21 (16), 300.91 (inf).
    expect(highest('Llama 3 70B', '8×H100', { ttft: 50 }, 'median').highest).toBe(16);
  });

  it('is the highest load that meets a P99, though a lower one fails', () => {
    // P99 TTFT: 96.54 (1), 56.81 (4), 66.24 (16), 375.26 (inf): only QPS 4 is within 60 ms.
    const entry = highest('Llama 3 70B', '8×H100', { ttft: 60 }, 'p99');
    expect(entry.highest).toBe(4);
    expect(entry.verdicts.map((v) => v.kind)).toEqual(['fails', 'meets', 'fails', 'fails']);
    expect(entry.verdicts[0]).toMatchObject({ kind: 'fails', quantity: 'ttft' });
  });

  it('needs every objective set: an ITL miss at inf leaves QPS 16', () => {
    // At inf: median TTFT 300.91 ≤ 400 but median ITL 25.64 > 25; at 16: 42.21 and 23.92 pass.
    expect(highest('Llama 3 70B', '8×H100', { ttft: 400, itl: 25 }, 'median').highest).toBe(16);
    // With ITL ≤ 26 ms, even all requests at once meet both.
    expect(highest('Llama 3 70B', '8×H100', { ttft: 400, itl: 26 }, 'median').highest).toBe(
      Infinity,
    );
  });

  it('is none when no tested load meets the objective', () => {
    // Llama 3 70B on 8×A100: median TTFT 71.77 at QPS 1 is already above 30 ms.
    expect(highest('Llama 3 70B', '8×A100-SXM4-80GB', { ttft: 30 }, 'median').highest).toBeNull();
    // Llama 3.1 8B on 8×H200 meets it up to 16: 15.78, 14.64, 16.62, then 247.68 at inf.
    expect(highest('Llama 3.1 8B', '8×H200', { ttft: 30 }, 'median').highest).toBe(16);
  });

  it('cannot judge an objective the data has no metric for', () => {
    // The nightlies have no TPOT: no load can be shown to meet it.
    const entry = highest('Llama 3.1 8B', '8×H100', { tpot: 100 }, 'median');
    expect(entry.highest).toBeNull();
    expect(entry.missing).toEqual(['tpot']);
    expect(entry.verdicts.every((v) => v.kind === 'unknown')).toBe(true);
  });

  it('with no objective set, every load meets, so the answer is the highest tested', () => {
    expect(highest('Mixtral 8x7B', '8×H200', {}, 'median').highest).toBe(Infinity);
    expect(hasSlo(NO_SLO)).toBe(false);
    expect(hasSlo({ ...NO_SLO, e2el: 1000 })).toBe(true);
  });

  it('follows the filters: without QPS 16 and inf, QPS 4 is the highest', () => {
    const filtered = servingConfigs(seedView({ qps: ['16', 'inf'] }));
    const entry = sloCapacity(filtered, { ...NO_SLO, ttft: 50 }, 'median').find(
      (e) => e.config.model === 'Llama 3 70B' && e.config.gpu === '8×H100',
    );
    expect(entry?.highest).toBe(4);
  });
});

describe('percentiles offered', () => {
  it('offers P90 and P95 only when the data has them', () => {
    expect(sloPercentiles(['ttft_median', 'ttft_p99'])).toEqual(['median', 'p99']);
    expect(sloPercentiles(['itl_p95', 'ttft_p90', 'latency_p90'])).toEqual([
      'median',
      'p90',
      'p95',
      'p99',
    ]);
    expect(sloPercentiles(['latency_p90'])).toEqual(['median', 'p99']);
    expect(percentileLabel('median')).toBe('Median');
    expect(percentileLabel('p95')).toBe('P95');
  });

  it('carries the goodput files have, per load, and none for the nightlies', () => {
    const served = (qps: number, metrics: Record<string, number>) =>
      result('serving', `s${String(qps)}`, 'H100', metrics, { qps });
    const mine = servingConfigs(
      viewOf([
        handDataset('a', [
          served(1, { request_goodput: 0.9 }),
          served(4, {}),
          served(8, { request_goodput: 2.5 }),
        ]),
      ]),
    );
    expect(sloCapacity(mine, NO_SLO, 'median')[0]?.goodput).toEqual([
      { load: 1, value: 0.9 },
      { load: 8, value: 2.5 },
    ]);
    expect(
      sloCapacity(configs, NO_SLO, 'median').every((entry) => entry.goodput.length === 0),
    ).toBe(true);
  });

  it('names an objective missing only when no load has its metric', () => {
    const served = (qps: number, metrics: Record<string, number>) =>
      result('serving', `s${String(qps)}`, 'H100', metrics, { qps });
    const mine = servingConfigs(
      viewOf([handDataset('a', [served(1, { ttft_p99: 10 }), served(2, {})])]),
    );
    const [entry] = sloCapacity(mine, { ...NO_SLO, ttft: 20 }, 'p99');
    expect(entry?.missing).toEqual([]);
    expect(entry?.verdicts.map((v) => v.kind)).toEqual(['meets', 'unknown']);
    expect(entry?.highest).toBe(1);
  });

  it('judges at P90 from `_p90` keys', () => {
    const served = (qps: number, p90: number) =>
      result('serving', `s${String(qps)}`, 'H100', { e2el_p90: p90 }, { qps });
    const mine = servingConfigs(viewOf([handDataset('a', [served(1, 900), served(2, 1100)])]));
    expect(sloCapacity(mine, { ...NO_SLO, e2el: 1000 }, 'p90')[0]?.highest).toBe(1);
    expect(sloCapacity(mine, { ...NO_SLO, e2el: 1100 }, 'p90')[0]?.highest).toBe(2);
  });
});

describe('typed objectives and prices', () => {
  it('reads a positive number, empty as none, and refuses the rest with what to type', () => {
    expect(readPositiveInput(' 250 ', 'a number of milliseconds')).toEqual({
      ok: true,
      value: 250,
    });
    expect(readPositiveInput('$2.49', 'dollars')).toEqual({ ok: true, value: 2.49 });
    expect(readPositiveInput('  ', 'x')).toEqual({ ok: true, value: null });
    expect(readPositiveInput('abc', 'a number of milliseconds')).toEqual({
      ok: false,
      message: 'Enter a number of milliseconds, or leave it empty.',
    });
    expect(readPositiveInput('-5', 'a number of milliseconds')).toEqual({
      ok: false,
      message: 'Enter a number of milliseconds above 0, or leave it empty.',
    });
    expect(readPositiveInput('0', 'x').ok).toBe(false);
    expect(readPositiveInput('2$', 'x').ok).toBe(false);
    expect(readPositiveInput('$ 3', 'x')).toEqual({ ok: true, value: 3 });
    expect(readPositiveInput('Infinity', 'x').ok).toBe(false);
  });
});

describe('the SLO line on a metric chart', () => {
  const slo = { ...NO_SLO, ttft: 200, itl: 30 };
  it('is drawn on the chart of the objective’s quantity at its percentile only', () => {
    expect(sloLineFor('ttft_median', slo, 'median')).toBe(200);
    expect(sloLineFor('itl_p99', slo, 'p99')).toBe(30);
    expect(sloLineFor('ttft_p99', slo, 'median')).toBeNull();
    expect(sloLineFor('ttft_mean', slo, 'median')).toBeNull();
    expect(sloLineFor('tpot_median', slo, 'median')).toBeNull();
    expect(sloLineFor('request_throughput', slo, 'median')).toBeNull();
    expect(sloLineFor('xttft_median', slo, 'median')).toBeNull();
    expect(sloLineFor('ttft_median_x', slo, 'median')).toBeNull();
  });
});
