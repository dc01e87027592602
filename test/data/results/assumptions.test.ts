// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import {
  datasetUnstatedFacts,
  readAssumptions,
  typedEngine,
  typedGpu,
  unstatedFacts,
  withAssumptions,
} from '../../../src/data/results/assumptions';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { columnsOf, type ResultColumns } from '../../../src/data/results/result-columns';
import { result } from '../charts/chart-fixtures';

const h100 = { type: 'H100', count: 8 };
// An AIPerf-like file: no engine, no GPU; and a row of a file that names both.
const unstated = result(
  'serving',
  'a',
  'H100',
  { request_throughput: 1 },
  { engine: null, gpu: null },
);
const stated = result('serving', 'b', 'H100', { request_throughput: 2 }, { engine: 'SGLang' });
const rows = [unstated, stated];

describe('assumptions', () => {
  // Worked out in each test, not once for the file: a mutation run changes the code per test.
  let columns: ResultColumns;
  beforeEach(() => {
    columns = columnsOf(rows);
  });

  it('tell which facts the file leaves out', () => {
    expect(unstatedFacts(columns)).toEqual({ engine: true, gpu: true });
    expect(unstatedFacts(columnsOf([stated]))).toEqual({ engine: false, gpu: false });
  });

  it('tell which facts a file leaves out from its results where there are no columns', () => {
    // One result of two without an engine and a GPU: some, not every, is enough.
    expect(datasetUnstatedFacts({ results: rows })).toEqual({ engine: true, gpu: true });
    expect(datasetUnstatedFacts({ results: [stated] })).toEqual({ engine: false, gpu: false });
    const noEngine = result('serving', 'c', 'H100', {}, { engine: null });
    expect(datasetUnstatedFacts({ results: [stated, noEngine] })).toEqual({
      engine: true,
      gpu: false,
    });
    // Columns that are the results one for one answer instead: here they say nothing is missing.
    expect(datasetUnstatedFacts({ results: rows, columns: columnsOf([stated, stated]) })).toEqual({
      engine: false,
      gpu: false,
    });
  });

  it('fill only the results whose file states nothing there', () => {
    const filled = withAssumptions(rows, columns, {
      engine: 'vLLM',
      gpu: { type: 'A100', count: 4 },
    });
    expect(filled.map((row) => [row.engine, row.gpu])).toEqual([
      ['vLLM', { type: 'A100', count: 4 }],
      ['SGLang', h100],
    ]);
    // The stated row is the same object; the file's own rows are never changed.
    expect(filled[1]).toBe(stated);
    expect(unstated.engine).toBeNull();
    const engineOnly = withAssumptions(rows, columns, { engine: 'vLLM' });
    expect(engineOnly.map((row) => [row.engine, row.gpu])).toEqual([
      ['vLLM', null],
      ['SGLang', h100],
    ]);
    const gpuOnly = withAssumptions(rows, columns, { gpu: { type: 'A100', count: 4 } });
    expect(gpuOnly.map((row) => [row.engine, row.gpu])).toEqual([
      [null, { type: 'A100', count: 4 }],
      ['SGLang', h100],
    ]);
    expect(withAssumptions(rows, columns, undefined)).toBe(rows);
    expect(withAssumptions(rows, columns, {})).toBe(rows);
  });

  it('fill rows read from columns into results with every field of the row', () => {
    const fromColumns = rowsOfColumns(columns);
    const filled = withAssumptions(fromColumns, columns, { engine: 'vLLM' });
    expect(filled[0]).toEqual({ ...unstated, engine: 'vLLM' });
    expect(filled[0]?.testName).toBe(unstated.testName);
    expect(filled[0]?.metrics).toEqual(unstated.metrics);
    expect(filled[1]).toBe(fromColumns[1]);
  });

  it('leave a row as read when it states the one fact assumed', () => {
    // One row names its GPU but no engine, the other its engine but no GPU.
    const gpuStated = result('serving', 'c', 'H100', { request_throughput: 3 }, { engine: null });
    const engineStated = result('serving', 'd', 'H100', {}, { engine: 'SGLang', gpu: null });
    const mixed = [gpuStated, engineStated];
    const mixedColumns = columnsOf(mixed);
    const gpuOnly = withAssumptions(mixed, mixedColumns, { gpu: { type: 'A100', count: 4 } });
    expect(gpuOnly[0]).toBe(gpuStated);
    expect(gpuOnly[1]?.gpu).toEqual({ type: 'A100', count: 4 });
    const engineOnly = withAssumptions(mixed, mixedColumns, { engine: 'vLLM' });
    expect(engineOnly[0]?.engine).toBe('vLLM');
    expect(engineOnly[1]).toBe(engineStated);
  });

  it('read what is typed: known engines by their name, others as typed, empty as none', () => {
    expect(typedEngine('  sglang ')).toBe('SGLang');
    expect(typedEngine('trt')).toBe('TensorRT-LLM');
    expect(typedEngine('My   Engine')).toBe('My Engine');
    expect(typedEngine('x'.repeat(50))).toBe('x'.repeat(40));
    expect(typedEngine('   ')).toBeNull();
    expect(typedGpu('8xH100')).toEqual(h100);
    expect(typedGpu('NVIDIA H200')).toEqual({ type: 'H200', count: null });
    expect(typedGpu('')).toBeNull();
    expect(typedGpu('  \t ')).toBeNull();
    expect(typedGpu(' 8xH100\n')).toEqual(h100);
    // Cut to 40 characters like an engine: what is left is the GPU's name.
    expect(typedGpu(`8x${'H'.repeat(60)}`)?.type).toHaveLength(38);
    // Spaces around and between words count once, or not at all, in the 40.
    expect(typedGpu(`   8x${'H'.repeat(60)}`)?.type).toHaveLength(38);
    expect(typedGpu(`NVIDIA${' '.repeat(40)}H200`)).toEqual({ type: 'H200', count: null });
  });

  it('are read back from storage only in the shape written', () => {
    expect(readAssumptions({ engine: 'SGLang', gpu: h100 })).toEqual({
      engine: 'SGLang',
      gpu: h100,
    });
    expect(readAssumptions({ gpu: { type: 'H100', count: null } })).toEqual({
      gpu: { type: 'H100', count: null },
    });
    expect(readAssumptions({ engine: 'x'.repeat(41) })).toBeUndefined();
    expect(readAssumptions({ engine: 7, gpu: { type: 'H100', count: -1 } })).toBeUndefined();
    expect(readAssumptions({ gpu: { type: 'H100', count: 1.5 } })).toBeUndefined();
    expect(readAssumptions({ gpu: { type: '', count: 8 } })).toBeUndefined();
    expect(readAssumptions(null)).toBeUndefined();
    expect(readAssumptions(undefined)).toBeUndefined();
    expect(readAssumptions('SGLang')).toBeUndefined();
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "engine": "vLLM"}') as unknown;
    expect(readAssumptions(hostile)).toEqual({ engine: 'vLLM' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('are read back with names of up to 40 characters and whole GPU counts from 1', () => {
    const forty = 'x'.repeat(40);
    expect(readAssumptions({ engine: forty })).toEqual({ engine: forty });
    expect(readAssumptions({ gpu: { type: forty, count: 1 } })).toEqual({
      gpu: { type: forty, count: 1 },
    });
    expect(readAssumptions({ gpu: { type: 'x'.repeat(41), count: 8 } })).toBeUndefined();
    expect(readAssumptions({ gpu: { type: 'H100', count: 0 } })).toBeUndefined();
  });

  it('are read back without an empty engine, a missing GPU or a GPU without type', () => {
    expect(readAssumptions({ engine: '' })).toBeUndefined();
    expect(readAssumptions({ engine: 'vLLM', gpu: null })).toEqual({ engine: 'vLLM' });
    expect(readAssumptions({ gpu: { count: 8 } })).toBeUndefined();
  });
});
