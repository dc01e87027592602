// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  erfc,
  logGamma,
  normalCdf,
  regularizedIncompleteBeta,
  studentTTwoSided,
} from '../../../src/data/regression/distributions';
import { mannWhitney } from '../../../src/data/regression/mann-whitney';
import { welchTTest } from '../../../src/data/regression/welch';

/** R's `sleep` data set: extra hours of sleep under drug 1 and drug 2 (10 patients each). */
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('distribution functions', () => {
  it('log-gamma matches closed forms', () => {
    // Γ(1/2) = √π, Γ(5) = 4! = 24, Γ(1) = 1.
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(() => logGamma(0)).toThrow(RangeError);
  });

  it('the normal CDF matches table values', () => {
    // Φ(0) = 0.5; Φ(1.959964) = 0.975; Φ(−2.575829) = 0.005 (standard normal table).
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
    // erfc(x) + erfc(−x) = 2.
    expect(erfc(0.7) + erfc(-0.7)).toBeCloseTo(2, 12);
  });

  it('the incomplete beta matches closed forms', () => {
    // I_x(1, 1) = x; I_x(2, 1) = x²; I_x(1, 2) = 1 − (1 − x)².
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(regularizedIncompleteBeta(0.3, 1, 2)).toBeCloseTo(0.51, 12);
    // Above the switch point the symmetry branch is used: I_0.9(2, 1) = 0.81.
    expect(regularizedIncompleteBeta(0.9, 2, 1)).toBeCloseTo(0.81, 12);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it("Student's t two-sided tail matches closed forms and tables", () => {
    // df = 1 is Cauchy: P(|T| ≥ 1) = 1 − (2/π)·atan(1) = 0.5.
    expect(studentTTwoSided(1, 1)).toBeCloseTo(0.5, 10);
    // df = 2: P(|T| ≥ t) = 1 − t/√(2 + t²); t = 2 → 1 − 2/√6 = 0.183503419.
    expect(studentTTwoSided(2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 10);
    expect(studentTTwoSided(-2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 10);
    // t table: the two-sided 5% critical value for df = 10 is 2.228, for df = 30 it is 2.042.
    expect(studentTTwoSided(2.228, 10)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSided(2.042, 30)).toBeCloseTo(0.05, 3);
    expect(studentTTwoSided(0, 7)).toBeCloseTo(1, 12);
    expect(studentTTwoSided(Infinity, 7)).toBe(0);
  });
});

describe('mannWhitney', () => {
  it('gives the exact p when there are no ties', () => {
    // wilcox.test(c(1, 2, 3), c(4, 5, 6)) in R: W = 0, p-value = 0.1.
    // By hand: U = 0 is 1 of C(6, 3) = 20 arrangements, two-sided 2/20 = 0.1.
    const result = mannWhitney([1, 2, 3], [4, 5, 6]);
    expect(result).toEqual({ u: 0, p: 0.1, method: 'exact' });
    // Swapping the samples gives U = 9 = m·n, the other tail, and the same p.
    expect(mannWhitney([4, 5, 6], [1, 2, 3])).toEqual({ u: 9, p: 0.1, method: 'exact' });
  });

  it('counts the exact null distribution of U', () => {
    // x = (1.1, 2.2, 3.3, 4.4), y = (0.5, 1.5, 2.5, 3.5, 5.5, 6.5): U counts pairs x > y:
    // 1.1 beats 1, 2.2 beats 2, 3.3 beats 3, 4.4 beats 4 → U = 10. m·n = 24, so low tail
    // P(U ≤ 10). R: wilcox.test(x, y) gives W = 10, p-value = 0.7619 (= 160/210; C(10, 4) = 210,
    // 80 arrangements have U ≤ 10).
    const result = mannWhitney([1.1, 2.2, 3.3, 4.4], [0.5, 1.5, 2.5, 3.5, 5.5, 6.5]);
    expect(result.u).toBe(10);
    expect(result.method).toBe('exact');
    expect(result.p).toBeCloseTo(160 / 210, 12);
  });

  it('reaches small p for a clean split of 20 against 5 runs', () => {
    // 5 runs all above 20: U = 0 is 1 arrangement of C(25, 5) = 53130; p = 2/53130 = 3.764e-5.
    const before = Array.from({ length: 20 }, (_, i) => i + 1);
    const result = mannWhitney([30, 31, 32, 33, 34], before);
    expect(result.u).toBe(100);
    expect(result.p).toBeCloseTo(2 / 53130, 15);
  });

  it('uses the normal approximation with tie and continuity corrections when values tie', () => {
    // wilcox.test(extra ~ group, data = sleep) in R: W = 25.5, p-value = 0.06933 (warns about
    // ties). By hand: m = n = 10, E[U] = 50; three values appear twice (−0.1, 0.8, 3.4), so
    // Σ(t³ − t) = 3·6 = 18; Var = (100/12)·(21 − 18/(20·19)) = 174.6053, sd = 13.2138;
    // z = (25.5 − 50 + 0.5)/13.2138 = −1.8163; p = 2Φ(−1.8163) = 0.06933.
    const result = mannWhitney(SLEEP_1, SLEEP_2);
    expect(result.method).toBe('normal');
    expect(result.u).toBe(25.5);
    expect(result.p).toBeCloseTo(0.06933, 5);
  });

  it('says p = 1 when every value ties', () => {
    expect(mannWhitney([2, 2], [2, 2, 2]).p).toBe(1);
  });

  it('refuses an empty sample', () => {
    expect(() => mannWhitney([], [1])).toThrow(RangeError);
  });
});

describe('welchTTest', () => {
  it("matches R's t.test on the sleep data", () => {
    // t.test(extra ~ group, data = sleep) in R: t = −1.8608, df = 17.776, p-value = 0.07939.
    const result = welchTTest(SLEEP_1, SLEEP_2);
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.p).toBeCloseTo(0.07939, 5);
  });

  it('works out t and df by hand for two small samples', () => {
    // x = (1, 2, 3): mean 2, var 1; y = (4, 6, 8): mean 6, var 4.
    // se² = 1/3 + 4/3 = 5/3; t = (2 − 6)/√(5/3) = −3.0984;
    // df = (5/3)² / ((1/3)²/2 + (4/3)²/2) = (25/9)/(17/18) = 50/17 = 2.9412.
    const result = welchTTest([1, 2, 3], [4, 6, 8]);
    expect(result.t).toBeCloseTo(-4 / Math.sqrt(5 / 3), 12);
    expect(result.df).toBeCloseTo(50 / 17, 12);
    // p = P(|T| ≥ 3.0984) at df = 2.9412; reference value from
    // scipy.stats.ttest_ind([1, 2, 3], [4, 6, 8], equal_var=False): p = 0.054787.
    expect(result.p).toBeCloseTo(0.054787, 5);
  });

  it('handles constant samples without dividing by zero', () => {
    expect(welchTTest([1, 1], [2, 2])).toMatchObject({ t: -Infinity, p: 0 });
    expect(welchTTest([1, 1], [1, 1])).toMatchObject({ t: 0, p: 1 });
    expect(() => welchTTest([1], [1, 2])).toThrow(RangeError);
  });
});
