/**
 * What a file does not say, the user can: the engine a client such as AIPerf measured, the GPU
 * a raw serve file ran on. An assumption fills only the results whose file states nothing there
 * (the dataset's columns, as read, say which), and is kept with the dataset.
 */
import { engineName } from '../engines';
import { normalizeGpu } from '../gpu';
import {
  datasetColumns,
  plainResult,
  type BenchmarkResult,
  type GpuSpec,
  type ResultsHolder,
} from './result-model';
import { NONE, type ResultColumns } from './result-columns';

export interface DatasetAssumptions {
  readonly engine?: string;
  readonly gpu?: GpuSpec;
}

/** Longest engine name a user may type. */
export const MAX_ENGINE_LENGTH = 40;

/** Which facts the file leaves unstated in at least one of its results. */
export function unstatedFacts(columns: ResultColumns): { engine: boolean; gpu: boolean } {
  return {
    engine: columns.text.engine.includes(NONE),
    gpu: columns.text.gpuType.includes(NONE),
  };
}

/**
 * Which facts a dataset's file (or the results parsed from it) leaves unstated: from its columns
 * where it has them (one scan of two code arrays, no result made or looked at), else from its
 * results.
 */
export function datasetUnstatedFacts(dataset: ResultsHolder): { engine: boolean; gpu: boolean } {
  const columns = datasetColumns(dataset);
  if (columns !== null) return unstatedFacts(columns);
  return {
    engine: dataset.results.some((result) => result.engine === null),
    gpu: dataset.results.some((result) => result.gpu === null),
  };
}

/**
 * The results as read (row for row with `columns`) with the assumed engine and GPU wherever the
 * file states none; the same array when nothing is assumed.
 */
export function withAssumptions(
  results: readonly BenchmarkResult[],
  columns: ResultColumns,
  assumed: DatasetAssumptions | undefined,
): readonly BenchmarkResult[] {
  const engine = assumed?.engine ?? null;
  const gpu = assumed?.gpu ?? null;
  if (engine === null && gpu === null) return results;
  return results.map((result, row) => {
    const fillEngine = engine !== null && columns.text.engine[row] === NONE;
    const fillGpu = gpu !== null && columns.text.gpuType[row] === NONE;
    if (!fillEngine && !fillGpu) return result;
    return plainResult(result, {
      ...(fillEngine ? { engine } : {}),
      ...(fillGpu ? { gpu } : {}),
    });
  });
}

/**
 * An engine as typed → its name (`sglang` → `SGLang`; other names as typed, trimmed and cut to
 * MAX_ENGINE_LENGTH); null for nothing, which takes the assumption away.
 */
export function typedEngine(text: string): string | null {
  const clean = text.replace(/\s+/g, ' ').trim().slice(0, MAX_ENGINE_LENGTH);
  if (clean === '') return null;
  return engineName(clean) ?? clean;
}

/** A GPU as typed (`8xH100`, `8×H100`, `NVIDIA H100 80GB HBM3`) → type and count; null for nothing. */
export function typedGpu(text: string): GpuSpec | null {
  return normalizeGpu(text.replace(/\s+/g, ' ').trim().slice(0, MAX_ENGINE_LENGTH));
}

/** Assumptions read back from storage, kept only where they have the shape written. */
export function readAssumptions(value: unknown): DatasetAssumptions | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { engine, gpu } = value as { engine?: unknown; gpu?: unknown };
  const out: { engine?: string; gpu?: GpuSpec } = {};
  if (typeof engine === 'string' && engine !== '' && engine.length <= MAX_ENGINE_LENGTH) {
    out.engine = engine;
  }
  if (typeof gpu === 'object' && gpu !== null) {
    const { type, count } = gpu as { type?: unknown; count?: unknown };
    const countOk =
      count === null || (typeof count === 'number' && Number.isInteger(count) && count > 0);
    if (typeof type === 'string' && type !== '' && type.length <= MAX_ENGINE_LENGTH && countOk) {
      out.gpu = { type, count: count };
    }
  }
  return out.engine === undefined && out.gpu === undefined ? undefined : out;
}
