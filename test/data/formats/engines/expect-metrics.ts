/** Comparing a result's metrics with values computed by hand, for the engine reader tests. */
import { expect } from 'vitest';

/** Exactly these metric keys, each close to its hand-computed value (null: present but missing). */
export function expectMetrics(
  metrics: Readonly<Record<string, number | null>>,
  expected: Readonly<Record<string, number | null>>,
): void {
  expect(Object.keys(metrics).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect(metrics[key], key).toBeNull();
    else expect(metrics[key], key).toBeCloseTo(value, 9);
  }
}
