import { createDataset } from '../data/dataset';
import { parseResultsText } from '../data/parse-results';
import type { Dataset, DatasetSourceKind } from '../data/result-model';
import { useDashboardStore, type LoadProblem } from './dashboard-store';

/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** One input to load: its name (for messages and the label) and a way to read its text. */
export interface LoadInput {
  readonly name: string;
  readonly kind: DatasetSourceKind;
  readonly size: number;
  readonly text: () => Promise<string>;
}

export interface LoadReport {
  readonly added: readonly Dataset[];
  readonly duplicates: readonly string[];
  readonly problems: readonly LoadProblem[];
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

async function readInput(input: LoadInput): Promise<Dataset | LoadProblem> {
  if (input.size > MAX_FILE_BYTES) {
    return {
      source: input.name,
      message: `${input.name} was not loaded: it is too large (${megabytes(input.size)}; the limit is ${megabytes(MAX_FILE_BYTES)}).`,
    };
  }
  let text: string;
  try {
    text = await input.text();
  } catch {
    return { source: input.name, message: `${input.name} was not loaded: it could not be read.` };
  }
  const outcome = parseResultsText(text);
  if (!outcome.ok) {
    return {
      source: input.name,
      message: `${input.name} was not loaded. ${outcome.error.message}`,
      ...(outcome.error.hint === undefined ? {} : { hint: outcome.error.hint }),
    };
  }
  return createDataset(outcome.value, { kind: input.kind, name: input.name }, text);
}

function isDataset(value: Dataset | LoadProblem): value is Dataset {
  return 'results' in value;
}

/**
 * Loads each input on its own: good ones are added, bad ones are reported by name, and one
 * failure never blocks the rest. Content already loaded is not added twice (and is reported).
 * A rejected input changes nothing that was loaded before.
 */
export async function loadInputs(inputs: readonly LoadInput[]): Promise<LoadReport> {
  const read = await Promise.all(inputs.map(readInput));
  const datasets = read.filter(isDataset);
  const problems = read.filter((value): value is LoadProblem => !isDataset(value));
  const store = useDashboardStore.getState();
  const duplicateIds = store.addDatasets(datasets);
  const duplicates = datasets
    .filter((dataset) => duplicateIds.includes(dataset.id))
    .map((dataset) => dataset.source.name);
  const notices: LoadProblem[] = duplicates.map((name) => ({
    source: name,
    message: `${name} is already loaded; it was not added again.`,
  }));
  store.reportProblems([...problems, ...notices]);
  return {
    added: datasets.filter((dataset) => !duplicateIds.includes(dataset.id)),
    duplicates,
    problems,
  };
}

/** Browser files (picker or drop) → inputs. */
export function fileInputs(files: Iterable<File>): LoadInput[] {
  return [...files].map((file) => ({
    name: file.name,
    kind: 'file',
    size: file.size,
    text: () => file.text(),
  }));
}

/** Pasted text → an input named after the time it was pasted. */
export function pastedInput(text: string, now: Date = new Date()): LoadInput {
  const time = now.toTimeString().slice(0, 8);
  return {
    name: `Pasted at ${time}`,
    kind: 'paste',
    size: text.length,
    text: () => Promise.resolve(text),
  };
}
