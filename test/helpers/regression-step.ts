/**
 * The history the regression tests share: 20 nights of one series, from 2026-09-01, steady for 16
 * then about 20% up for 4, and the row the Regressions table shows for it.
 *
 * Before, sorted: 197 198 198 199 199 200 200 200 | 200 200 201 201 201 202 202 203 → median 200.
 * After: 238 240 241 242 → (240 + 241) / 2 = 240.5; (240.5 − 200) / 200 = +20.25%, shown +20.3%.
 * The first changed night is the 17th, the last good one the 16th.
 */
export const STEADY: readonly number[] = [
  200, 202, 198, 201, 199, 200, 203, 197, 200, 201, 199, 200, 202, 198, 200, 201,
];
export const STEPPED: readonly number[] = [240, 242, 238, 241];

/** The table's cells for the stepped series of Llama 3.1 8B at QPS inf on 8×H100, to Change. */
export const STEPPED_ROW_CELLS: readonly string[] = [
  '8×H100',
  'serving_llama8B_tp1_sharegpt_qps_inf',
  'Median TTFT (ms)',
  'confirmed',
  'regression',
  '2026-09-17',
  '2026-09-16',
  '—',
  '200.00',
  '240.50',
  '+20.3%',
];
