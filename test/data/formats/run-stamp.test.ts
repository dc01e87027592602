// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import { runStampOf } from '../../../src/data/formats/run-stamp';
import { readFixture } from '../../helpers/seed';

describe('runStampOf', () => {
  it('reads the dates nightlies are kept under, with their time of day when written', () => {
    expect(runStampOf('2026-09-30.md').date).toBe('2026-09-30');
    expect(runStampOf('nightly-20260930.json').date).toBe('2026-09-30');
    expect(runStampOf('results_2026_09_30.json').date).toBe('2026-09-30');
    expect(runStampOf('run_2026-09-30_18-47-20.json').date).toBe('2026-09-30T18:47:20');
    expect(runStampOf('run-2026-09-30T18:47:20.json').date).toBe('2026-09-30T18:47:20');
    // `vllm bench serve`'s own stamp: date, a dash, then the time.
    expect(runStampOf('vllm-16qps-Llama-3.1-8B-20251114-021530.json').date).toBe(
      '2025-11-14T02:15:30',
    );
  });

  it('says where the date was read: the file name first, else the innermost folder', () => {
    expect(runStampOf('2026-09-30/benchmark_results.md')).toEqual({
      date: '2026-09-30',
      dateFrom: 'folder name',
      commit: null,
    });
    expect(runStampOf('2026-09-01/2026-09-02/nightly-20260903.md')).toMatchObject({
      date: '2026-09-03',
      dateFrom: 'file name',
    });
    expect(runStampOf('2026-09-01\\2026-09-02\\results.md')).toMatchObject({
      date: '2026-09-02',
      dateFrom: 'folder name',
    });
  });

  it('takes no date the calendar does not have, and no digits inside a longer number', () => {
    expect(runStampOf('2026-02-30.md').date).toBeNull();
    expect(runStampOf('20261301.json').date).toBeNull();
    expect(runStampOf('1999-12-31.json').date).toBeNull();
    expect(runStampOf('run-1202609301.json').date).toBeNull();
    // A time of day that is not one leaves the day.
    expect(runStampOf('2026-09-30_25-00-00.json').date).toBe('2026-09-30');
  });

  it('reads a commit as 7 to 40 hex digits with a letter and a digit, between separators', () => {
    expect(runStampOf('pr-12345/a1b2c3d/results.json').commit).toBe('a1b2c3d');
    expect(runStampOf('nightly_2026-09-30_9F8E7D6C5B.json')).toEqual({
      date: '2026-09-30',
      dateFrom: 'file name',
      commit: '9f8e7d6c5b',
    });
    // Words, numbers, dates and model names are not commits.
    expect(runStampOf('facade/deadbee/results.json').commit).toBeNull();
    expect(runStampOf('1234567/results.json').commit).toBeNull();
    expect(runStampOf('20260930/results.json').commit).toBeNull();
    expect(runStampOf('serving_llama8B_tp1_sharegpt_qps_16.json').commit).toBeNull();
    // Inside a longer word it is not a token of its own.
    expect(runStampOf('xa1b2c3d.json').commit).toBeNull();
    expect(runStampOf('a1b2c3dz.json').commit).toBeNull();
    expect(runStampOf(`${'a1'.repeat(21)}.json`).commit).toBeNull();
  });

  it('says nothing for no path, a path without a stamp, or an enormous one', () => {
    const none = { date: null, dateFrom: null, commit: null };
    expect(runStampOf(undefined)).toEqual(none);
    expect(runStampOf('nightly-8xH100.json')).toEqual(none);
    expect(runStampOf(`2026-09-30/${'x/'.repeat(3000)}a.md`)).toEqual(none);
  });
});

describe('a run dated by its name', () => {
  const page = readFixture('nightly/nightly-8xH100.md');

  it('gets the date and commit its path names when its content has no date', () => {
    const [file] = parseResultFiles([{ name: '2026-09-30/a1b2c3d/nightly.md', text: page }]);
    if (file === undefined || !file.outcome.ok) throw new Error('the page did not parse');
    expect(file.outcome.value.meta).toMatchObject({
      date: '2026-09-30',
      dateFrom: 'folder name',
      commit: 'a1b2c3d',
    });
  });

  it("keeps the date its content gives, and says nothing of a name's", () => {
    const serve = JSON.stringify({
      date: '20250601-120000',
      backend: 'vllm',
      model_id: 'meta-llama/Llama-3.1-8B-Instruct',
      request_rate: 4,
      completed: 10,
      request_throughput: 3.9,
    });
    const outcome = parseResultsText(serve, '2026-09-30/serve.json');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.meta?.date).toBe('2025-06-01T12:00:00');
    expect(outcome.value.meta?.dateFrom).toBeUndefined();
  });

  it('has no meta from a path that names nothing', () => {
    const outcome = parseResultsText(page, 'nightly-8xH100.md');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.meta?.date).toBeUndefined();
    expect(outcome.value.meta?.commit).toBeUndefined();
  });
});
