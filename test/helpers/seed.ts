import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDataset } from '../../src/data/results/dataset';
import { parseResultsText } from '../../src/data/formats/parse-results';
import type { Dataset } from '../../src/data/results/result-model';

const root = resolve(import.meta.dirname, '..', '..');

export const SEED_GPUS = ['H100', 'H200', 'A100-SXM4-80GB'] as const;
export type SeedGpu = (typeof SEED_GPUS)[number];

/** A file of the site as shipped (`public/…`), by its path relative to the page. */
export function readSiteFile(path: string): string {
  return readFileSync(resolve(root, 'public', path), 'utf8');
}

/** A file under test/fixtures. */
export function readFixture(path: string): string {
  return readFileSync(resolve(root, 'test', 'fixtures', path), 'utf8');
}

/** The bundled nightly run of one GPU, parsed as the app parses it. */
export function seedDataset(gpu: SeedGpu): Dataset {
  const name = `nightly-8x${gpu}.json`;
  const text = readSiteFile(`data/${name}`);
  const outcome = parseResultsText(text);
  if (!outcome.ok) throw new Error(`seed ${name} did not parse: ${outcome.error.message}`);
  return createDataset(outcome.value, { kind: 'bundled', name }, text);
}

/**
 * The three seed runs loaded `copies` times over, each copy a run of its own (its own id and
 * label): 3 × 18 × copies results. 186 copies are 10,044, past the point where views stagger.
 */
export function seedCopies(copies: number): Dataset[] {
  return Array.from({ length: copies }, (_, copy) =>
    SEED_GPUS.map((gpu) => {
      const dataset = seedDataset(gpu);
      return { ...dataset, id: `${dataset.id}-${String(copy)}`, label: `${gpu} #${String(copy)}` };
    }),
  ).flat();
}
