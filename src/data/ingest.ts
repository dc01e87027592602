import { createDataset } from './results/dataset';
import { parseResultFiles } from './formats/parse-results';
import type { LoadProblem } from './load-problem';
import type { Dataset, DatasetSourceKind } from './results/result-model';

export { unreadableInput, type LoadProblem } from './load-problem';

/** An input whose text has been read. */
export interface TextInput {
  readonly name: string;
  readonly kind: DatasetSourceKind;
  readonly text: string;
  /** The text's `contentFingerprint`, when it was taken as the file was read. */
  readonly contentId?: string;
}

export interface IngestOutcome {
  /** One dataset per good file, in file order (duplicates of loaded data not yet removed). */
  readonly datasets: readonly Dataset[];
  /** One problem per refused file, naming it. */
  readonly problems: readonly LoadProblem[];
}

/**
 * Read texts → datasets and problems. Each file is parsed on its own, except that a `.commands`
 * file completes the result file of the same name. Pure and synchronous: the page runs it for
 * small inputs, the parsing worker for everything else.
 */
export function ingestTexts(inputs: readonly TextInput[]): IngestOutcome {
  const datasets: Dataset[] = [];
  const problems: LoadProblem[] = [];
  // Outcomes come in file order, without the .commands files merged into their result file.
  const outcomes = parseResultFiles(inputs.map(({ name, text }) => ({ name, text })));
  let next = 0;
  for (const { name, outcome } of outcomes) {
    while (next < inputs.length && inputs[next]?.name !== name) next += 1;
    const source = inputs[next];
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
    datasets.push(
      createDataset(outcome.value, { kind: source.kind, name }, source.text, source.contentId),
    );
  }
  return { datasets, problems };
}
