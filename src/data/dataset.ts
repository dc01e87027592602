import { gpuLabel } from './gpu';
import type { BenchmarkResult, Dataset, DatasetSourceKind, ParsedResults } from './result-model';

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
 * The same fingerprint, taken from a file's UTF-8 bytes as they are read, a chunk at a time, so
 * it costs no pass of its own over the text: ASCII bytes are their own UTF-16 code units; from
 * the first other byte on, chunks go through a streaming decoder (which reads the bytes exactly
 * as the one-shot decode of the whole file does, byte-order mark and bad bytes included).
 */
export class StreamingFingerprint {
  private hash = FNV_OFFSET;
  private length = 0;
  private decoder: TextDecoder | null = null;

  update(bytes: Uint8Array): void {
    if (this.decoder !== null) {
      this.addText(this.decoder.decode(bytes, { stream: true }));
      return;
    }
    let h = this.hash;
    let i = 0;
    for (; i < bytes.length; i += 1) {
      const byte = bytes[i] ?? 0;
      if (byte >= 0x80) break;
      h ^= byte;
      h = Math.imul(h, FNV_PRIME);
    }
    this.hash = h;
    this.length += i;
    if (i < bytes.length) {
      this.decoder = new TextDecoder();
      this.addText(this.decoder.decode(bytes.subarray(i), { stream: true }));
    }
  }

  /** The fingerprint of everything given, as `contentFingerprint` of its decoded text. */
  digest(): string {
    if (this.decoder !== null) {
      this.addText(this.decoder.decode());
      this.decoder = new TextDecoder();
    }
    return fingerprintOf(this.hash, this.length);
  }

  private addText(text: string): void {
    this.hash = fnvText(this.hash, text);
    this.length += text.length;
  }
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
  /** `contentFingerprint(content)`, when it was already taken (as the file was read). */
  contentId: string = contentFingerprint(content),
): Dataset {
  const gpus = distinctGpuLabels(parsed.results);
  const label =
    source.kind === 'bundled' && gpus.length === 1 && gpus[0] !== undefined
      ? `Nightly · ${gpus[0]}`
      : source.name;
  return {
    id: contentId,
    label,
    source: { kind: source.kind, name: source.name },
    format: parsed.format,
    results: parsed.results,
    warnings: parsed.warnings,
    ...(parsed.meta === undefined ? {} : { meta: parsed.meta }),
  };
}
