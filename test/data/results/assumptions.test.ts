// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  readAssumptions,
  typedEngine,
  typedGpu,
  unstatedFacts,
  withAssumptions,
} from '../../../src/data/results/assumptions';
import { columnsOf } from '../../../src/data/results/result-columns';
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
const columns = columnsOf(rows);

describe('assumptions', () => {
  it('tell which facts the file leaves out', () => {
    expect(unstatedFacts(columns)).toEqual({ engine: true, gpu: true });
    expect(unstatedFacts(columnsOf([stated]))).toEqual({ engine: false, gpu: false });
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
    expect(readAssumptions('SGLang')).toBeUndefined();
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "engine": "vLLM"}') as unknown;
    expect(readAssumptions(hostile)).toEqual({ engine: 'vLLM' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
