// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ColumnResults } from '../../../src/data/results/columns-rows';
import { columnsOf } from '../../../src/data/results/result-columns';
import {
  datasetOfColumns,
  fieldsOf,
  parsedOfColumns,
  withFields,
} from '../../../src/data/results/results-on-demand';
import { seedDataset } from '../../helpers/seed';

const h100 = seedDataset('H100');
const columns = columnsOf(h100.results);
const format = { id: 'vllm-embedded-json', label: 'vLLM embedded JSON' } as const;

describe('holders of results made on demand', () => {
  it('give a dataset’s fields without its results, their columns or what makes them', () => {
    const dataset = datasetOfColumns(
      { id: 'a', label: 'A', source: { kind: 'file', name: 'a.json' }, format, warnings: ['w'] },
      columns,
    );
    const fields = fieldsOf(dataset);
    expect(Object.keys(fields)).toEqual(['id', 'label', 'source', 'format', 'warnings']);
    expect(fields).toEqual({
      id: 'a',
      label: 'A',
      source: { kind: 'file', name: 'a.json' },
      format,
      warnings: ['w'],
    });
    // What the worker posts: it clones, as the trip to the page does.
    expect(structuredClone({ ...fields, columns }).columns.count).toBe(18);
    expect(dataset.onDemand).toBeInstanceOf(ColumnResults);
  });

  it('copy parsed results with fields changed, their rows still on demand and the same', () => {
    const parsed = parsedOfColumns({ format, warnings: [] }, columns);
    const first = parsed.onDemand?.at(0);
    const copy = withFields(parsed, { warnings: ['cut'] });
    expect(copy.warnings).toEqual(['cut']);
    expect(parsed.warnings).toEqual([]);
    expect(copy.format).toBe(format);
    expect(copy.onDemand).toBe(parsed.onDemand);
    expect(copy.results[0]).toBe(first);
    expect(copy.results).toHaveLength(18);
    expect(Object.keys(copy)).toEqual(['format', 'warnings', 'results']);
  });
});
