/** Datasets made from dropped fixtures, and the commands their `.commands` files record. */
import { parseResultFiles, parseResultsText } from '../../../src/data/formats/parse-results';
import type { DatasetSetup } from '../../../src/data/methodology/dataset-setup';
import type { SetupFact } from '../../../src/data/methodology/suite-workloads';
import { createDataset } from '../../../src/data/results/dataset';
import type { Dataset, Suite } from '../../../src/data/results/result-model';
import { readFixture } from '../../helpers/seed';

/** Fixtures dropped together (by path under test/fixtures) → the dataset of the first one. */
export function droppedDataset(...paths: string[]): Dataset {
  const files = paths.map((path) => ({
    name: path.split('/').pop() ?? path,
    text: readFixture(path),
  }));
  const [first] = parseResultFiles(files);
  if (first === undefined || !first.outcome.ok) throw new Error(`${paths[0]} did not parse`);
  return createDataset(
    first.outcome.value,
    { kind: 'file', name: first.name },
    files[0]?.text ?? '',
  );
}

/** Text dropped as a file → its dataset. */
export function textDataset(name: string, text: string): Dataset {
  const outcome = parseResultsText(text, name);
  if (!outcome.ok) throw new Error(`${name} did not parse: ${outcome.error.message}`);
  return createDataset(outcome.value, { kind: 'file', name }, text);
}

export function factsOf(facts: readonly SetupFact[]): Record<string, string> {
  return Object.fromEntries(facts.map((fact) => [fact.term, fact.value]));
}

export function suiteFacts(setup: DatasetSetup, suite: Suite): Record<string, string> {
  const found = setup.suites.find((entry) => entry.suite === suite);
  if (found === undefined) throw new Error(`no ${suite} suite`);
  return { Tests: String(found.tests), ...factsOf(found.facts) };
}

// What the fixtures' `.commands` files record, copied from them by hand.
export const SERVER_8B_TP2 =
  'VLLM_USE_V1=1 vllm serve meta-llama/Llama-3.1-8B-Instruct       --tensor-parallel-size 2 --dtype bfloat16 --swap-space 16 --disable-log-stats --load-format dummy';
export const SERVER_70B =
  'python3 -m vllm.entrypoints.openai.api_server --model meta-llama/Meta-Llama-3-70B-Instruct --tensor-parallel-size 1 --swap-space 16 --disable-log-stats --disable-log-requests --load-format dummy';
