import { beforeEach, describe, expect, it } from 'vitest';
import { createDataset } from '../../src/data/results/dataset';
import { parseResultsText } from '../../src/data/formats/parse-results';
import type { Dataset } from '../../src/data/results/result-model';
import { defaultSides, thresholdSpecOf } from '../../src/store/compare-slice';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { readFixture, seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();
const compare = () => store().compare;

const h100 = seedDataset('H100');
const h200 = seedDataset('H200');
const a100 = seedDataset('A100-SXM4-80GB');

/** A file the user loaded: the 8×H200 nightly page, as markdown. */
function loadedFile(name: string, fixture = 'nightly/nightly-8xH200.md'): Dataset {
  const text = readFixture(fixture);
  const outcome = parseResultsText(text);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return createDataset(outcome.value, { kind: 'file', name }, `${name}\n${text}`);
}

beforeEach(() => {
  store().reset();
});

describe('thresholdSpecOf', () => {
  it('turns the thresholds into the compare thresholds’ spec', () => {
    expect(thresholdSpecOf({ threshold: 5, p99Threshold: null })).toEqual({ default: 5 });
    expect(thresholdSpecOf({ threshold: 5, p99Threshold: 10 })).toEqual({
      default: 5,
      perSuffix: { _p99: 10 },
    });
  });
});

describe('defaultSides', () => {
  it('compares GPU 8×H100 with GPU 8×H200 when only the bundled runs are loaded', () => {
    expect(defaultSides([h100, h200, a100])).toEqual({
      baseline: { kind: 'gpu', gpu: '8×H100' },
      candidate: { kind: 'gpu', gpu: '8×H200' },
    });
  });

  it('takes the newest loaded file against the first bundled run on its GPU', () => {
    const older = loadedFile('older.md', 'nightly/nightly-8xH100.md');
    const newer = loadedFile('newer.md');
    expect(defaultSides([h100, h200, a100, older, newer])).toEqual({
      baseline: { kind: 'dataset', id: h200.id },
      candidate: { kind: 'dataset', id: newer.id },
    });
  });

  it('falls back to the first other dataset when no bundled run shares the GPU', () => {
    const mine = loadedFile('mine.md');
    expect(defaultSides([h100, mine])).toEqual({
      baseline: { kind: 'dataset', id: h100.id },
      candidate: { kind: 'dataset', id: mine.id },
    });
  });

  it('takes the first two datasets without both GPUs, and nothing without data', () => {
    expect(defaultSides([a100, h200])).toEqual({
      baseline: { kind: 'dataset', id: a100.id },
      candidate: { kind: 'dataset', id: h200.id },
    });
    expect(defaultSides([a100])).toEqual({
      baseline: { kind: 'dataset', id: a100.id },
      candidate: null,
    });
    expect(defaultSides([])).toEqual({ baseline: null, candidate: null });
  });
});

describe('the compare store', () => {
  it('opens with the default sides, keeping sides a link chose', () => {
    store().addDatasets([h100, h200, a100]);
    store().openCompare();
    expect(compare()).toMatchObject({
      open: true,
      baseline: { kind: 'gpu', gpu: '8×H100' },
      candidate: { kind: 'gpu', gpu: '8×H200' },
    });
    store().closeCompare();
    store().setSides({ kind: 'dataset', id: 'not-loaded-1' }, null);
    store().openCompare();
    expect(compare()).toMatchObject({
      open: true,
      baseline: { kind: 'dataset', id: 'not-loaded-1' },
      candidate: { kind: 'gpu', gpu: '8×H200' },
    });
  });

  it('opens without sides before anything is loaded', () => {
    store().openCompare();
    expect(compare()).toMatchObject({ open: true, baseline: null, candidate: null });
  });

  it('ignores thresholds a person could not mean', () => {
    store().setThreshold(-1);
    store().setThreshold(Number.NaN);
    store().setThreshold(5000);
    expect(compare().threshold).toBe(5);
    store().setThreshold(0);
    expect(compare().threshold).toBe(0);
    store().setP99Threshold(-2);
    expect(compare().p99Threshold).toBeNull();
    store().setP99Threshold(8);
    expect(compare().p99Threshold).toBe(8);
    store().setP99Threshold(null);
    expect(compare().p99Threshold).toBeNull();
  });
});
