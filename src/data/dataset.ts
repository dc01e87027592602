import { gpuLabel } from './gpu';
import type { BenchmarkResult, Dataset, DatasetSourceKind, ParsedResults } from './result-model';

/** FNV-1a over UTF-16 code units: a cheap, stable content fingerprint (not a security hash). */
export function contentFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length.toString(36)}`;
}

const gpuLabelsOf = new WeakMap<readonly BenchmarkResult[], readonly string[]>();

/**
 * The distinct GPU labels of some results, in first-seen order (`8×H100`). Remembered per results
 * list: panels ask on every render, and a dataset's results never change.
 */
export function distinctGpuLabels(results: readonly BenchmarkResult[]): readonly string[] {
  let labels = gpuLabelsOf.get(results);
  if (labels === undefined) {
    const seen = new Map<BenchmarkResult['gpu'], string>();
    for (const result of results)
      if (!seen.has(result.gpu)) seen.set(result.gpu, gpuLabel(result.gpu));
    labels = [...new Set(seen.values())];
    gpuLabelsOf.set(results, labels);
  }
  return labels;
}

export interface DatasetSource {
  readonly kind: DatasetSourceKind;
  readonly name: string;
}

/**
 * Parsed results + where they came from → a dataset. Bundled runs are labelled by their GPU
 * ("Nightly · 8×H100"); files keep their name.
 */
export function createDataset(
  parsed: ParsedResults,
  source: DatasetSource,
  content: string,
): Dataset {
  const gpus = distinctGpuLabels(parsed.results);
  const label =
    source.kind === 'bundled' && gpus.length === 1 && gpus[0] !== undefined
      ? `Nightly · ${gpus[0]}`
      : source.name;
  return {
    id: contentFingerprint(content),
    label,
    source: { kind: source.kind, name: source.name },
    format: parsed.format,
    results: parsed.results,
    warnings: parsed.warnings,
    ...(parsed.meta === undefined ? {} : { meta: parsed.meta }),
  };
}
