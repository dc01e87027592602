// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { latestNight } from '../../../src/data/decisions/night-summary';
import type { RegressionReport, RegressionRow } from '../../../src/data/regression/report';

function report(rows: Partial<RegressionRow>[]): RegressionReport {
  return { rows } as unknown as RegressionReport;
}

describe("the latest night's changes", () => {
  it('counts the regressions (and how many are confirmed) and improvements of the latest night', () => {
    const summary = latestNight(
      report([
        { firstChanged: '2026-09-18', kind: 'regression', status: 'confirmed', gpu: '8×A100' },
        { firstChanged: '2026-09-20', kind: 'regression', status: 'suspect', gpu: '8×H200' },
        { firstChanged: '2026-09-20', kind: 'regression', status: 'confirmed', gpu: '8×H100' },
        { firstChanged: '2026-09-20', kind: 'improvement', status: 'confirmed', gpu: '8×H100' },
        { firstChanged: '2026-09-20', kind: 'regression', status: 'confirmed', gpu: '8×H100' },
        { firstChanged: '2026-09-19', kind: 'improvement', status: 'suspect', gpu: '8×B200' },
      ]),
    );
    expect(summary).toEqual({
      night: '2026-09-20',
      regressions: 3,
      confirmed: 2,
      improvements: 1,
      gpus: ['8×H100', '8×H200'],
    });
  });

  it('is none when nothing is flagged', () => {
    expect(latestNight(report([]))).toBeNull();
  });
});
