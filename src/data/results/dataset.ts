import { gpuLabel } from '../gpu';
import { datasetOfColumns } from './results-on-demand';
import { NONE } from './result-columns';
import {
  datasetColumns,
  resultsOf,
  type BenchmarkResult,
  type Dataset,
  type DatasetSourceKind,
  type ParsedResults,
  type ResultList,
  type ResultsHolder,
} from './result-model';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

function fingerprintOf(hash: number, length: number): string {
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${length.toString(36)}`;
}

/** FNV-1a over UTF-16 code units: a cheap, stable content fingerprint (not a security hash). */
export function contentFingerprint(text: string): string {
  return fingerprintOf(fnvText(FNV_OFFSET, text), text.length);
}

/**
 * The same fingerprint, `contentFingerprint(text)`, where `text` is `bytes` decoded as UTF-8
 * (byte-order mark dropped, bad bytes replaced), taken from the bytes while they are ASCII: an
 * ASCII byte is its own UTF-16 code unit, and a byte loop is faster than reading the string.
 * From the first other byte on, the decoded text continues the hash: the ASCII bytes before it
 * were exactly the text's first code units.
 */
export function utf8Fingerprint(
  bytes: Uint8Array,
  /** The bytes decoded, when the caller has them; decoded here only if a non-ASCII byte needs it. */
  decoded?: string,
): string {
  let h = FNV_OFFSET;
  let i = 0;
  for (; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte >= 0x80) break;
    h ^= byte;
    h = Math.imul(h, FNV_PRIME);
  }
  if (i === bytes.length) return fingerprintOf(h, i);
  const text = decoded ?? new TextDecoder().decode(bytes);
  return fingerprintOf(fnvText(h, text.slice(i)), text.length);
}

const gpuLabelsOf = new WeakMap<ResultList, readonly string[]>();

/**
 * The distinct GPU labels of some results, in first-seen order (`8×H100`). Remembered per results
 * list: panels ask on every render, and a dataset's results never change.
 */
export function distinctGpuLabels(results: readonly BenchmarkResult[]): readonly string[] {
  let labels = gpuLabelsOf.get(results);
  if (labels === undefined) {
    const seen = new Map<BenchmarkResult['gpu'], string>();
    for (let i = 0; i < results.length; i += 1) {
      const gpu = results[i]?.gpu ?? null;
      if (!seen.has(gpu)) seen.set(gpu, gpuLabel(gpu));
    }
    labels = [...new Set(seen.values())];
    gpuLabelsOf.set(results, labels);
  }
  return labels;
}

/**
 * A dataset's distinct GPU labels (`distinctGpuLabels`), from its GPU type and count columns where
 * it has columns: read through every row's GPU, a 100,000-result file took 10-15 ms of the pick.
 */
export function datasetGpuLabels(dataset: ResultsHolder): readonly string[] {
  const results = resultsOf(dataset);
  const known = gpuLabelsOf.get(results);
  if (known !== undefined) return known;
  const columns = datasetColumns(dataset);
  if (columns === null) return distinctGpuLabels(dataset.results);
  const types = columns.text.gpuType;
  const counts = columns.numbers.gpuCount;
  const labels = new Set<string>();
  // Rows of one run are on one GPU: a label is made once per change of GPU, not per row.
  let lastType = Number.NaN;
  let lastCount = Number.NaN;
  for (let row = 0; row < columns.count; row += 1) {
    const type = types[row] as number;
    const count = counts[row] as number;
    // Object.is: no count (NaN) is the same as no count.
    if (type === lastType && Object.is(count, lastCount)) continue;
    lastType = type;
    lastCount = count;
    labels.add(
      gpuLabel(
        type === NONE
          ? null
          : { type: columns.strings[type] ?? '', count: Number.isNaN(count) ? null : count },
      ),
    );
  }
  const list = [...labels];
  gpuLabelsOf.set(results, list);
  return list;
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
  /** `contentFingerprint(content)`, when it was already taken (as the file was read). */
  contentId: string = contentFingerprint(content),
): Dataset {
  const gpus = datasetGpuLabels(parsed);
  const label =
    source.kind === 'bundled' && gpus.length === 1 && gpus[0] !== undefined
      ? `Nightly · ${gpus[0]}`
      : source.name;
  const fields = {
    id: contentId,
    label,
    source: { kind: source.kind, name: source.name },
    format: parsed.format,
    warnings: parsed.warnings,
    ...(parsed.meta === undefined ? {} : { meta: parsed.meta }),
  };
  // Results a reader wrote as columns make a dataset of columns: none of them is made here.
  const { onDemand } = parsed;
  return onDemand === undefined
    ? { ...fields, results: parsed.results }
    : datasetOfColumns(fields, onDemand.columns);
}
