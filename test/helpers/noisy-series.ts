/**
 * Seeded synthetic nightly series for the regression engine's property tests, its bench and its
 * recall figures: log-normal noise around a base value, with planted steps, spikes and drifts.
 *
 * Everything is drawn from one mulberry32 stream (test/harness/fixtures/random.ts) turned into
 * standard normal draws by Box–Muller, so a seed gives the same series on every run and machine.
 * A noise of σ = 0.015 means ln(value) = ln(base) + 0.015·Z: about 1.5% from night to night.
 */
import type { RunPoint, SeriesInput, SeriesKey } from '../../src/data/regression/series-input';
import { mulberry32 } from '../harness/fixtures/random';

/** A source of standard normal draws (Box–Muller on a mulberry32 stream). */
export function normalDraws(seed: number): () => number {
  const uniform = mulberry32(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // 1 − u is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** What to plant in a series, in log units (a step of 5σ at σ = 0.015 is 0.075, +7.8%). */
export interface Planted {
  /** A lasting change of `log` from night `at` on. */
  readonly steps?: readonly { readonly at: number; readonly log: number }[];
  /** A change of `log` on night `at` only. */
  readonly spikes?: readonly { readonly at: number; readonly log: number }[];
  /** A change of `log` per night, from the first night on. */
  readonly driftPerNight?: number;
}

/** `nights` values: base·exp(σ·Z + what is planted), one draw of Z per night. */
export function noisyValues(
  draw: () => number,
  nights: number,
  sigma: number,
  planted: Planted = {},
  base = 100,
): number[] {
  return Array.from({ length: nights }, (_, night) => {
    let log = Math.log(base) + sigma * draw() + (planted.driftPerNight ?? 0) * night;
    for (const step of planted.steps ?? []) if (night >= step.at) log += step.log;
    for (const spike of planted.spikes ?? []) if (night === spike.at) log += spike.log;
    return Math.exp(log);
  });
}

/** The date of night `i`: 2025-01-01 for 0, then one a day (365 nights end on 2025-12-31). */
export function nightDate(i: number): string {
  return new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
}

/** A series input of `values` on consecutive nights from 2025-01-01, with commits `c0`, `c1`, … */
export function nightlySeries(key: SeriesKey, values: readonly number[]): SeriesInput {
  const points: RunPoint[] = values.map((value, i) => ({
    date: nightDate(i),
    commit: `c${i}`,
    value,
  }));
  return { key, points };
}

/** The first `nights` points of a series: the night it was judged on, as the report then saw it. */
export function upToNight(input: SeriesInput, nights: number): SeriesInput {
  return { key: input.key, points: input.points.slice(0, nights) };
}
