/**
 * What the results of one suite state about their workload (models, prompt dataset, lengths, QPS,
 * TP, …) and the commands their attributes record, collected in one pass, each value once.
 */
import { formatQps } from '../format';
import type { BenchmarkResult } from '../results/result-model';
import type { SetupFact } from './suite-workloads';

/** At most this many distinct values are named per fact; the rest are counted. */
const MAX_VALUES = 12;

/** True for an attribute (a table column, a raw field) that holds a command. */
function isCommandKey(key: string): boolean {
  const name = key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return name === 'command' || name === 'cmd' || name.endsWith('_command') || name.endsWith('_cmd');
}

/** True for an attribute naming the vLLM commit a run was built from. */
function isCommitKey(key: string): boolean {
  return /^(?:vllm[_\s-]?)?(?:git[_\s-]?)?(?:commit|sha|revision)(?:[_\s-]?(?:id|hash))?$/i.test(
    key.trim(),
  );
}

/** Distinct values in first-seen order, named up to MAX_VALUES. */
export function listText(values: readonly string[]): string {
  if (values.length <= MAX_VALUES) return values.join(', ');
  return `${values.slice(0, MAX_VALUES).join(', ')} and ${values.length - MAX_VALUES} more`;
}

/** Distinct values in first-seen order; a value equal to the last one added costs no lookup. */
export class Distinct<T> {
  readonly values = new Set<T>();
  private last: T | undefined = undefined;

  add(value: T): void {
    if (value === this.last && this.values.size > 0) return;
    this.last = value;
    this.values.add(value);
  }

  get size(): number {
    return this.values.size;
  }

  list(): T[] {
    return [...this.values];
  }
}

/** A per-test command met in the results, with every test that recorded the same text. */
export interface CommandGroup {
  readonly key: string;
  readonly command: string;
  readonly tests: Distinct<string>;
}

/** What the results of one suite say, collected in one pass. */
export interface SuiteCollector {
  readonly tests: Distinct<string>;
  readonly models: Distinct<string>;
  readonly tp: Distinct<number>;
  readonly pp: Distinct<number>;
  readonly dp: Distinct<number>;
  readonly datasets: Distinct<string>;
  readonly inputLen: Distinct<number>;
  readonly outputLen: Distinct<number>;
  readonly qps: Distinct<number>;
  readonly concurrency: Distinct<number>;
  readonly variants: Distinct<string>;
  readonly prompts: Distinct<string>;
  readonly dtypes: Distinct<string>;
  readonly backends: Distinct<string>;
  readonly burstiness: Distinct<string>;
  /**
   * The command groups of each attributes record already read: results of one file share their
   * records, so each record's keys are read once.
   */
  readonly commandsOf: Map<Readonly<Record<string, string>>, readonly CommandGroup[]>;
}

/** An empty collector for one suite's results. */
export function newCollector(): SuiteCollector {
  return {
    tests: new Distinct(),
    models: new Distinct(),
    tp: new Distinct(),
    pp: new Distinct(),
    dp: new Distinct(),
    datasets: new Distinct(),
    inputLen: new Distinct(),
    outputLen: new Distinct(),
    qps: new Distinct(),
    concurrency: new Distinct(),
    variants: new Distinct(),
    prompts: new Distinct(),
    dtypes: new Distinct(),
    backends: new Distinct(),
    burstiness: new Distinct(),
    commandsOf: new Map(),
  };
}

/** `burstiness 1` is a Poisson process; other values a gamma distribution (vLLM's docs). */
function burstinessText(value: string): string {
  const number = Number(value);
  if (number === 1) return `${value} (Poisson arrivals)`;
  if (Number.isFinite(number) && number > 0) {
    return `${value} (gamma-distributed arrivals, ${number < 1 ? 'burstier' : 'more uniform'} than Poisson)`;
  }
  return value;
}

/** A suite's collected facts as definition-list entries, each fact's values in one line. */
export function suiteFacts(collected: SuiteCollector): SetupFact[] {
  const facts: SetupFact[] = [];
  const add = (term: string, values: readonly string[]): void => {
    if (values.length > 0) facts.push({ term, value: listText(values) });
  };
  const numbers = (values: Distinct<number>): number[] => values.list().sort((a, b) => a - b);
  add('Models', collected.models.list());
  add('Prompt dataset', collected.datasets.list());
  add('Prompts', collected.prompts.list());
  add('Input length (tokens)', numbers(collected.inputLen).map(String));
  add('Output length (tokens)', numbers(collected.outputLen).map(String));
  add('QPS', numbers(collected.qps).map(formatQps));
  add('Request arrivals (burstiness)', collected.burstiness.list().map(burstinessText));
  add('Max concurrency', numbers(collected.concurrency).map(String));
  add('TP', numbers(collected.tp).map(String));
  add('PP', numbers(collected.pp).map(String));
  add('DP', numbers(collected.dp).map(String));
  add('Data type', collected.dtypes.list());
  add('Backend', collected.backends.list());
  add('Variant', collected.variants.list());
  return facts;
}

/** Reads an attributes record's keys once: its facts into the suite, its commands into groups. */
function readAttributes(
  attributes: Readonly<Record<string, string>>,
  into: SuiteCollector,
  commands: Map<string, CommandGroup>,
  commits: Set<string>,
): readonly CommandGroup[] {
  const groups: CommandGroup[] = [];
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined || value.trim() === '') continue;
    if (key === 'num_prompts') into.prompts.add(value);
    else if (key === 'dtype') into.dtypes.add(value);
    else if (key === 'backend') into.backends.add(value);
    else if (key === 'burstiness') into.burstiness.add(value);
    else if (isCommitKey(key)) commits.add(value);
    else if (isCommandKey(key)) {
      const groupKey = `${key}\u0000${value}`;
      let group = commands.get(groupKey);
      if (group === undefined) {
        group = { key, command: value, tests: new Distinct() };
        commands.set(groupKey, group);
      }
      groups.push(group);
    }
  }
  return groups;
}

/** Adds one result's facts to its suite's collector and its commands to their groups. */
export function collect(
  result: BenchmarkResult,
  into: SuiteCollector,
  commands: Map<string, CommandGroup>,
  commits: Set<string>,
): void {
  into.tests.add(result.testName);
  if (result.model !== '') into.models.add(result.model);
  if (result.tp !== null) into.tp.add(result.tp);
  if (result.pp !== null) into.pp.add(result.pp);
  if (result.dp !== null) into.dp.add(result.dp);
  if (result.dataset !== null) into.datasets.add(result.dataset);
  if (result.inputLen !== null) into.inputLen.add(result.inputLen);
  if (result.outputLen !== null) into.outputLen.add(result.outputLen);
  if (result.qps !== null) into.qps.add(result.qps);
  if (result.concurrency !== null) into.concurrency.add(result.concurrency);
  if (result.variant !== null) into.variants.add(result.variant);
  const { attributes } = result;
  let groups = into.commandsOf.get(attributes);
  if (groups === undefined) {
    groups = readAttributes(attributes, into, commands, commits);
    into.commandsOf.set(attributes, groups);
  }
  for (const group of groups) group.tests.add(result.testName);
}
