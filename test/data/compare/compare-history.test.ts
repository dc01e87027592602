// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareHistory, comparisonCutoff } from '../../../src/data/compare/compare-history';
import { compareResults, type Comparison } from '../../../src/data/compare/compare-summary';
import type { CompareSide } from '../../../src/data/compare/compare-sides';
import { historySource } from '../../../src/data/history/history-source';
import type { Dataset } from '../../../src/data/results/result-model';
import { datedRun, nightDate } from '../../helpers/compare-history';
import { viewOf } from '../history/history-fixtures';
import { metricOf, result } from './compare-fixtures';

/** A run of one serving test (8×H100 unless given) with one mean TTFT, dated when a date is given. */
function run(id: string, date: string | null, ttft: number, gpu = 'H100'): Dataset {
  return datedRun(id, date, [
    result({ gpu: { type: gpu, count: 8 }, metrics: { ttft_mean: ttft } }),
  ]);
}

/** `count` nights from 2026-09-01, mean TTFT 100 and 101 in turn. */
function nightly(count: number, from = 1): Dataset[] {
  return Array.from({ length: count }, (_, i) =>
    run(`night-${String(from + i)}`, nightDate(from + i - 1), i % 2 === 0 ? 100 : 101),
  );
}

const side = (dataset: Dataset): CompareSide => ({ kind: 'dataset', id: dataset.id });

/** The comparison of two loaded runs, judged by the history of everything loaded. */
function compareRuns(datasets: readonly Dataset[], baseline: Dataset, candidate: Dataset) {
  const cutoff = comparisonCutoff(side(baseline), side(candidate), datasets);
  const history = cutoff === null ? null : compareHistory(historySource(viewOf(datasets)), cutoff);
  return compareResults(baseline.results, candidate.results, { history });
}

function ttftOf(comparison: Comparison) {
  const [row] = comparison.rows;
  if (row === undefined) throw new Error('no row');
  return metricOf(row, 'ttft_mean');
}

describe('a comparison judged by the history in view', () => {
  it('judges a dated candidate by the runs before it, and counts the rules', () => {
    // 20 nights 100, 101, … (the band of history-rule.test.ts: centre halfway, spread 0.0073762);
    // the candidate on night 21 at 104 is z = 4.6427 from it, and +4% from the baseline, night 19
    // (100): a regression by history, while 4% is within the fixed 5%.
    const history = nightly(20);
    const baseline = history[18];
    if (baseline === undefined) throw new Error('no night 19');
    const candidate = run('candidate', '2026-09-21', 104);
    // Runs after the candidate, however wild, are not its history.
    const later = [run('late-1', '2026-09-22', 300), run('late-2', '2026-09-23', 50)];
    const comparison = compareRuns([...history, candidate, ...later], baseline, candidate);
    expect(ttftOf(comparison)).toMatchObject({
      verdict: 'regression',
      rule: { kind: 'history', runs: 20, z: expect.closeTo(4.6427, 3) as number },
    });
    expect(comparison.summary.rules).toEqual({ history: 1, threshold: 0 });
  });

  it('reads the runs in date order, whatever order they were loaded in', () => {
    // 10 old nights at 200, then 20 of 100 and 101, loaded newest first: the band is the last
    // 20 by date (z of 104 = 4.6427), not the first 20 loaded, which would take in the old ones.
    const old = Array.from({ length: 10 }, (_, i) => run(`old-${String(i)}`, nightDate(i), 200));
    const recent = nightly(20, 11);
    const baseline = recent[18];
    if (baseline === undefined) throw new Error('no night 29');
    const candidate = run('candidate', '2026-10-01', 104);
    const loaded = [...old, ...recent].reverse();
    expect(ttftOf(compareRuns([...loaded, candidate], baseline, candidate))).toMatchObject({
      verdict: 'regression',
      rule: { kind: 'history', runs: 20, z: expect.closeTo(4.6427, 3) as number },
    });
  });

  it('leaves out the candidate itself and runs on its date', () => {
    // The candidate is night 15 of a 20-night series: 14 runs are before it, enough; a second
    // run on its date is not before it.
    const history = nightly(20);
    const candidate = history[14];
    const baseline = history[0];
    if (candidate === undefined || baseline === undefined) throw new Error('no nights');
    const sameNight = run('same-night', '2026-09-15', 400);
    expect(ttftOf(compareRuns([...history, sameNight], baseline, candidate)).rule).toMatchObject({
      kind: 'history',
      runs: 14,
    });
  });

  it('counts no undated run: ten dated nights leave the verdict to the threshold', () => {
    const dated = nightly(10);
    const undated = Array.from({ length: 10 }, (_, i) => run(`undated-${String(i)}`, null, 100));
    const baseline = dated[0];
    if (baseline === undefined) throw new Error('no night');
    const candidate = run('candidate', '2026-09-21', 104);
    const comparison = compareRuns([...dated, ...undated, candidate], baseline, candidate);
    expect(ttftOf(comparison)).toMatchObject({
      verdict: 'within noise',
      rule: { kind: 'threshold', threshold: 5, historyRuns: 10 },
    });
    expect(comparison.summary.rules).toEqual({ history: 0, threshold: 1 });
  });

  it('takes an undated candidate as newer than its dated baseline', () => {
    // History through the baseline (night 20, included): 20 runs.
    const history = nightly(20);
    const baseline = history[19];
    if (baseline === undefined) throw new Error('no night 20');
    const candidate = run('pr-run', null, 96);
    // 96 / 101 − 1 = −4.95%: a mean TTFT down, past the floor and below the band.
    expect(ttftOf(compareRuns([...history, candidate], baseline, candidate))).toMatchObject({
      verdict: 'improvement',
      rule: { kind: 'history', runs: 20 },
    });
    // Neither side dated: no history.
    const undatedBaseline = run('base', null, 100);
    expect(comparisonCutoff(side(undatedBaseline), side(candidate), [undatedBaseline])).toBeNull();
  });

  it('has no history for a GPU side or across two GPUs', () => {
    const history = nightly(20);
    const candidate = run('candidate', '2026-09-21', 104);
    const datasets = [...history, candidate];
    expect(comparisonCutoff({ kind: 'gpu', gpu: '8×H100' }, side(candidate), datasets)).toEqual({
      kind: 'before',
      date: '2026-09-21',
    });
    expect(comparisonCutoff(side(candidate), { kind: 'gpu', gpu: '8×H100' }, datasets)).toBeNull();
    const cutoff = comparisonCutoff(side(candidate), side(candidate), datasets);
    if (cutoff === null) throw new Error('no cutoff');
    const found = compareHistory(historySource(viewOf(datasets)), cutoff);
    const h100 = result({ metrics: { ttft_mean: 100 } });
    const h200 = result({ gpu: { type: 'H200', count: 8 }, metrics: { ttft_mean: 100 } });
    expect(found.of(h100, h200)).toBeNull();
    // 8×H100 has a history, but not of a pair that crosses GPUs.
    expect(found.of(h200, h100)).toBeNull();
    expect(found.of(h200, h200)).toBeNull();
    expect(found.of(h100, h100)?.('ttft_mean')).toHaveLength(20);
    expect(found.of(h100, h100)?.('tpot_mean')).toEqual([]);
  });

  it('leaves runs marked as outliers out of the history, and starts it again at a known change', () => {
    // The 20 nights of the first test; the candidate at 104 on night 21 is a regression by a
    // history of 20 runs. Marking night 2 (101) an outlier leaves 19: ten of 100 and nine of 101,
    // median 100 and MAD 0 (spread at its 0.005 floor), so 104 is z = ln(1.04) / 0.005 = 7.84
    // and +4% beyond the 3% floor: still a regression, by 19 runs. A known change on night 10
    // leaves nights 10 to 20: 11 runs, fewer than 14, so the fixed threshold decides (4% is
    // within 5%).
    const history = nightly(20);
    const baseline = history[18];
    if (baseline === undefined) throw new Error('no night 19');
    const candidate = run('candidate', '2026-09-21', 104);
    const datasets = [...history, candidate];
    const cutoff = comparisonCutoff(side(baseline), side(candidate), datasets);
    if (cutoff === null) throw new Error('no cutoff');
    const judged = (marks: Parameters<typeof compareHistory>[2]) =>
      ttftOf(
        compareResults(baseline.results, candidate.results, {
          history: compareHistory(historySource(viewOf(datasets)), cutoff, marks),
        }),
      );
    expect(judged([{ gpu: '8×H100', date: nightDate(1), kind: 'outlier' }])).toMatchObject({
      verdict: 'regression',
      rule: { kind: 'history', runs: 19, z: expect.closeTo(7.844, 2) as number },
    });
    expect(judged([{ gpu: '8×H100', date: nightDate(9), kind: 'known change' }])).toMatchObject({
      verdict: 'within noise',
      rule: { kind: 'threshold', historyRuns: 11 },
    });
  });
});
