import type { GpuSpec } from './results/result-model';

const COUNTED = /^(\d{1,4})\s*[x×*]\s*(\S.*)$/i;
const VENDOR_PREFIX = /^(?:nvidia|amd)\s+(?:instinct\s+)?/i;
const HYPHENATED_VENDOR = /^(?:nvidia|amd)-(?:instinct-)?(\S+)$/i;
const MEMORY_SUFFIX = /-\d+GB-HBM\w*$/i;

/**
 * One device name → its short type, as vLLM's CI writes it: the word after the vendor
 * (`NVIDIA H100 80GB HBM3` → `H100`, `NVIDIA A100-SXM4-80GB` → `A100-SXM4-80GB`). Names without a
 * known vendor prefix (`H100`, `MI300X`, `gaudi2-hpu`, `cpu`) are kept as written.
 */
export function gpuTypeFromName(name: string): string {
  const trimmed = name.trim();
  // Kubernetes' product labels join the words with hyphens (`NVIDIA-H100-80GB-HBM3`): the
  // vendor goes, and so does a memory suffix, as CI's `H100` has none.
  const labelled = HYPHENATED_VENDOR.exec(trimmed);
  if (labelled?.[1] !== undefined) return labelled[1].replace(MEMORY_SUFFIX, '');
  const withoutVendor = trimmed.replace(VENDOR_PREFIX, '');
  if (withoutVendor === trimmed) return trimmed;
  const firstWord = withoutVendor.split(/\s+/)[0];
  return firstWord === undefined || firstWord === '' ? trimmed : firstWord;
}

/**
 * Any GPU cell → type and count. Accepts the newline-joined list CI writes (one line per GPU),
 * `8xH100` / `8×H100`, and full device names. Returns null for an empty or non-text value.
 */
export function normalizeGpu(raw: unknown): GpuSpec | null {
  if (typeof raw !== 'string') return null;
  const lines = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return null;
  if (lines.length > 1) {
    const types = [...new Set(lines.map(gpuTypeFromName))];
    return { type: types.join('+'), count: lines.length };
  }
  const single = lines[0] ?? '';
  const counted = COUNTED.exec(single);
  if (counted?.[1] !== undefined && counted[2] !== undefined) {
    return { type: gpuTypeFromName(counted[2]), count: Number(counted[1]) };
  }
  return { type: gpuTypeFromName(single), count: null };
}

/** `{ type: 'H100', count: 8 }` → `8×H100`; without a count, the type alone. */
export function gpuLabel(gpu: GpuSpec | null): string {
  if (gpu === null) return 'Unknown GPU';
  return gpu.count === null ? gpu.type : `${gpu.count}×${gpu.type}`;
}
