/**
 * Like for like: two results are compared only when they measured the same thing — model,
 * precision (when both files say), parallelism, prompt dataset, input and output lengths, load,
 * and the GPU and engine where the comparison keeps them. A test both sides ran under one name
 * but not alike is listed as not comparable, with what differs, and no change is worked out.
 */
import { formatQps } from '../format';
import { gpuLabel } from '../gpu';
import { modelLabel } from '../models';
import { beyondOne } from '../results/parallelism';
import type { BenchmarkResult } from '../results/result-model';
import { describeMetric } from '../metrics';
import type { MetricComparison } from './metric-verdict';

/** The attributes files state precision under: CI's `dtype`, InferenceX's `precision`, … */
const PRECISION_KEYS = ['precision', 'dtype', 'quantization'] as const;

/**
 * Precisions by attributes record: a file's rows share one record, so speedups and histories,
 * which ask row by row, work each file's precision out once instead of lower-casing per row.
 */
const precisionOfAttributes = new WeakMap<BenchmarkResult['attributes'], string | null>();

/** A result's precision as its file states it (`bfloat16`, `fp8`); null when it does not. */
export function precisionOf(result: BenchmarkResult): string | null {
  const { attributes } = result;
  const known = precisionOfAttributes.get(attributes);
  if (known !== undefined) return known;
  let precision: string | null = null;
  for (const key of PRECISION_KEYS) {
    const value = Object.hasOwn(attributes, key) ? attributes[key] : undefined;
    if (value !== undefined && value !== '') {
      precision = value.toLowerCase();
      break;
    }
  }
  precisionOfAttributes.set(attributes, precision);
  return precision;
}

function numberText(value: number | null): string {
  return value === null ? '—' : String(value);
}

/** What the comparison keeps in its key besides the test's own fields. */
export interface LikeOptions {
  readonly ignoreGpu: boolean;
  readonly byEngine: boolean;
}

/**
 * What differs between two results of one test, in words (`input length 1024 vs 2048; precision
 * bfloat16 vs fp8`), or null when they are alike. PP or DP 1 and not stated are alike; an unknown
 * precision on either side is not a difference.
 */
export function notComparableReason(
  b: BenchmarkResult,
  c: BenchmarkResult,
  options: LikeOptions,
): string | null {
  const differences: string[] = [];
  const differ = (what: string, x: string, y: string): void => {
    if (x !== y) differences.push(`${what} ${x} vs ${y}`);
  };
  if (b.suite !== c.suite) differ('suite', b.suite, c.suite);
  differ('model', modelLabel(b.model), modelLabel(c.model));
  differ('TP', numberText(b.tp), numberText(c.tp));
  differ('PP', numberText(beyondOne(b.pp)), numberText(beyondOne(c.pp)));
  differ('DP', numberText(beyondOne(b.dp)), numberText(beyondOne(c.dp)));
  differ('prompt dataset', b.dataset ?? '—', c.dataset ?? '—');
  differ('variant', b.variant ?? '—', c.variant ?? '—');
  differ('input length', numberText(b.inputLen), numberText(c.inputLen));
  differ('output length', numberText(b.outputLen), numberText(c.outputLen));
  if (b.suite === 'serving' && c.suite === 'serving') {
    differ('QPS', formatQps(b.qps), formatQps(c.qps));
    differ('concurrency', numberText(b.concurrency), numberText(c.concurrency));
  }
  if (!options.ignoreGpu) differ('GPU', gpuLabel(b.gpu), gpuLabel(c.gpu));
  if (options.byEngine) differ('engine', b.engine ?? '—', c.engine ?? '—');
  const pb = precisionOf(b);
  const pc = precisionOf(c);
  if (pb !== null && pc !== null) differ('precision', pb, pc);
  return differences.length === 0 ? null : differences.join('; ');
}

/** Both sides' values of a metric, shown as they are, with no change or verdict worked out. */
export function uncompared(
  key: string,
  baseline: number | null,
  candidate: number | null,
  threshold: number,
): MetricComparison {
  return {
    key,
    direction: describeMetric(key).direction,
    baseline,
    candidate,
    changePct: null,
    threshold,
    verdict: 'missing',
    rule: null,
  };
}
