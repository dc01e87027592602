import { createDataset } from '../data/dataset';
import { parseResultFiles } from '../data/parse-results';
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

interface ReadInput {
  readonly input: LoadInput;
  readonly text: string;
}

async function readInput(input: LoadInput): Promise<ReadInput | LoadProblem> {
  if (input.size > MAX_FILE_BYTES) {
    return {
      source: input.name,
      message: `${input.name} was not loaded: it is too large (${megabytes(input.size)}; the limit is ${megabytes(MAX_FILE_BYTES)}).`,
    };
  }
  try {
    return { input, text: await input.text() };
  } catch {
    return { source: input.name, message: `${input.name} was not loaded: it could not be read.` };
  }
}

function isRead(value: ReadInput | LoadProblem): value is ReadInput {
  return 'input' in value;
}

/**
 * Loads each input on its own: good ones are added, bad ones are reported by name, and one
 * failure never blocks the rest. A `.commands` file completes the result file of the same name
 * dropped with it. Content already loaded is not added twice (and is reported). A rejected
 * input changes nothing that was loaded before.
 */
export async function loadInputs(inputs: readonly LoadInput[]): Promise<LoadReport> {
  const read = await Promise.all(inputs.map(readInput));
  const readable = read.filter(isRead);
  const problems: LoadProblem[] = read.filter((value): value is LoadProblem => !isRead(value));
  const datasets: Dataset[] = [];
  // Outcomes come in file order, without the .commands files merged into their result file.
  const outcomes = parseResultFiles(
    readable.map(({ input, text }) => ({ name: input.name, text })),
  );
  let next = 0;
  for (const { name, outcome } of outcomes) {
    while (next < readable.length && readable[next]?.input.name !== name) next += 1;
    const source = readable[next];
    next += 1;
    if (source === undefined) continue;
    if (!outcome.ok) {
      problems.push({
        source: name,
        message: `${name} was not loaded. ${outcome.error.message}`,
        ...(outcome.error.hint === undefined ? {} : { hint: outcome.error.hint }),
      });
      continue;
    }
    datasets.push(createDataset(outcome.value, { kind: source.input.kind, name }, source.text));
  }
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
