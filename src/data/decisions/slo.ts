/**
 * SLO capacity: per serving configuration, the highest tested load whose results meet every
 * service-level objective set, at one percentile. Not the first load that fails: a P99 at QPS 1
 * can be above the one at QPS 4 (a slow warm-up request weighs more in a quiet run), so each
 * load is judged on its own and the highest that passes is the answer.
 */
import { metricOf, type ServingConfig } from './serving-configs';

/** The quantities an SLO can be set on, with their metric key stems. */
export const SLO_QUANTITIES = ['ttft', 'itl', 'tpot', 'e2el'] as const;
export type SloQuantity = (typeof SLO_QUANTITIES)[number];

/** What each SLO input is called (its accessible name) and what a sentence calls it. */
export const SLO_NAMES: Readonly<Record<SloQuantity, string>> = {
  ttft: 'TTFT',
  itl: 'ITL',
  tpot: 'TPOT',
  e2el: 'E2E',
};

/** Objectives in ms; null where none is set. */
export type SloSet = Readonly<Record<SloQuantity, number | null>>;

export const NO_SLO: SloSet = { ttft: null, itl: null, tpot: null, e2el: null };

export const SLO_PERCENTILES = ['median', 'p90', 'p95', 'p99'] as const;
export type SloPercentile = (typeof SLO_PERCENTILES)[number];

export function percentileLabel(percentile: SloPercentile): string {
  return percentile === 'median' ? 'Median' : percentile.toUpperCase();
}

/** Whether any objective is set. */
export function hasSlo(slo: SloSet): boolean {
  return SLO_QUANTITIES.some((quantity) => slo[quantity] !== null);
}

/**
 * The percentiles a select should offer: Median and P99 always, P90 and P95 when some serving
 * metric key of the data has them (`ttft_p90`, `itl_p95`, …).
 */
export function sloPercentiles(metricKeys: readonly string[]): SloPercentile[] {
  return SLO_PERCENTILES.filter(
    (percentile) =>
      percentile === 'median' ||
      percentile === 'p99' ||
      metricKeys.some((key) => SLO_QUANTITIES.some((q) => key === `${q}_${percentile}`)),
  );
}

/** How one load fared: met, failed (with the first objective missed) or not judged (no value). */
export type LoadVerdict =
  | { readonly load: number; readonly kind: 'meets' }
  | {
      readonly load: number;
      readonly kind: 'fails';
      readonly quantity: SloQuantity;
      readonly value: number;
    }
  | { readonly load: number; readonly kind: 'unknown'; readonly quantity: SloQuantity };

export interface SloCapacity {
  readonly config: ServingConfig;
  /** The highest load meeting every objective set; null when none does. */
  readonly highest: number | null;
  readonly verdicts: readonly LoadVerdict[];
  /** Objectives set whose metric no load of the configuration has at this percentile. */
  readonly missing: readonly SloQuantity[];
  /**
   * Goodput (req/s meeting the objectives the benchmark itself was run with, `--goodput`) per
   * load, where the files have it: the benchmark's own objectives, not the ones set here.
   */
  readonly goodput: readonly { readonly load: number; readonly value: number }[];
}

function judge(config: ServingConfig, slo: SloSet, percentile: SloPercentile): LoadVerdict[] {
  return config.loads.map(({ load, result }): LoadVerdict => {
    for (const quantity of SLO_QUANTITIES) {
      const limit = slo[quantity];
      if (limit === null) continue;
      const value = metricOf(result, `${quantity}_${percentile}`);
      if (value === null) return { load, kind: 'unknown', quantity };
      if (value > limit) return { load, kind: 'fails', quantity, value };
    }
    return { load, kind: 'meets' };
  });
}

/** Each configuration's capacity within the objectives at the percentile. */
export function sloCapacity(
  configs: readonly ServingConfig[],
  slo: SloSet,
  percentile: SloPercentile,
): SloCapacity[] {
  return configs.map((config) => {
    const verdicts = judge(config, slo, percentile);
    let highest: number | null = null;
    for (const verdict of verdicts) if (verdict.kind === 'meets') highest = verdict.load;
    const missing = SLO_QUANTITIES.filter(
      (quantity) =>
        slo[quantity] !== null &&
        config.loads.every(({ result }) => metricOf(result, `${quantity}_${percentile}`) === null),
    );
    const goodput = config.loads.flatMap(({ load, result }) => {
      const value = metricOf(result, 'request_goodput');
      return value === null ? [] : [{ load, value }];
    });
    return { config, highest, verdicts, missing, goodput };
  });
}

/**
 * The objective to draw on a chart of one metric: set for the metric's quantity and at the
 * metric's statistic (a P99 objective is not drawn on a mean); null otherwise.
 */
export function sloLineFor(
  metricKey: string,
  slo: SloSet,
  percentile: SloPercentile,
): number | null {
  const match = /^(ttft|itl|tpot|e2el)_(median|p90|p95|p99)$/.exec(metricKey);
  if (match === null || match[2] !== percentile) return null;
  return slo[match[1] as SloQuantity];
}
