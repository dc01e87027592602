/**
 * "How were these numbers measured": the workload each nightly suite runs, as CI's benchmark page
 * describes it, and everything one dataset's file recorded about its run (commands, vLLM version,
 * date, platform) with the workload facts its results state, each said once per suite.
 */
import { splitCommandLine } from '../formats/commands';
import { MAX_LONG_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../formats/shared';
import { formatQps } from '../format';
import { distinctGpuLabels } from '../results/dataset';
import { gpuLabel } from '../gpu';
import { SUITES, type BenchmarkResult, type Dataset, type Suite } from '../results/result-model';

/** The workload of one nightly suite, field by field as CI's page lists it. */
export interface SuiteWorkload {
  readonly suite: Suite;
  /** The section title on CI's page (`Latency tests`). */
  readonly title: string;
  /** The workload in one line (`32 input / 128 output tokens, batch 8`). */
  readonly summary: string;
  readonly input: string;
  readonly output: string;
  readonly batch: string;
  /** How requests arrive; null for suites that send them all at once. */
  readonly arrivals: string | null;
  readonly models: string;
  readonly metrics: string;
  /** Further bullets of the page (the speculative decoding test). */
  readonly notes: readonly string[];
}

/** Where SUITE_WORKLOADS comes from, to say beside it. */
export const SUITE_WORKLOAD_SOURCE =
  'The descriptions at the top of the benchmark page vLLM’s nightly CI posts (benchmark_results.md).';

const MODELS = 'llama-3.1 8B, llama-3 70B, mixtral 8x7B';
const SHAREGPT_INPUT = 'randomly sample 200 prompts from ShareGPT dataset (with fixed random seed)';
const SHAREGPT_OUTPUT = 'the corresponding output length of these 200 prompts';

/**
 * The nightly suites' workloads, as the bullet lists at the top of CI's benchmark page say them
 * (test/fixtures/nightly/*.md), without their final periods.
 */
export const SUITE_WORKLOADS: Readonly<Record<Suite, SuiteWorkload>> = {
  latency: {
    suite: 'latency',
    title: 'Latency tests',
    summary: '32 input / 128 output tokens, batch 8',
    input: '32 tokens',
    output: '128 tokens',
    batch: 'fixed (8)',
    arrivals: null,
    models: MODELS,
    metrics: 'end-to-end latency (mean, median, p99)',
    notes: [],
  },
  throughput: {
    suite: 'throughput',
    title: 'Throughput tests',
    summary: '200 ShareGPT prompts (fixed random seed)',
    input: SHAREGPT_INPUT,
    output: SHAREGPT_OUTPUT,
    batch: 'dynamically determined by vllm to achieve maximum throughput',
    arrivals: null,
    models: MODELS,
    metrics: 'throughput',
    notes: [],
  },
  serving: {
    suite: 'serving',
    title: 'Serving tests',
    summary: '200 ShareGPT prompts at QPS 1, 4, 16 and inf, Poisson arrivals (fixed seed)',
    input: SHAREGPT_INPUT,
    output: SHAREGPT_OUTPUT,
    batch: 'dynamically determined by vllm and the arrival pattern of the requests',
    arrivals:
      'Average QPS (query per second): 1, 4, 16 and inf. QPS = inf means all requests come at ' +
      'once. For other QPS values, the arrival time of each query is determined using a random ' +
      'Poisson process (with fixed random seed)',
    models: MODELS,
    metrics:
      'throughput, TTFT (time to the first token, with mean, median and p99), ITL (inter-token ' +
      'latency, with mean, median and p99)',
    notes: ['We also added a speculative decoding test for llama-3 70B, under QPS 2'],
  },
};

/** One line of a definition list: a term and what it is. */
export interface SetupFact {
  readonly term: string;
  readonly value: string;
}

/** A suite's workload as definition-list entries, in the page's order. */
export function workloadFacts(workload: SuiteWorkload): SetupFact[] {
  const facts: SetupFact[] = [
    { term: 'Input', value: workload.input },
    { term: 'Output', value: workload.output },
    { term: 'Batch size', value: workload.batch },
  ];
  if (workload.arrivals !== null)
    facts.push({ term: 'Request arrivals', value: workload.arrivals });
  facts.push({ term: 'Models', value: workload.models });
  facts.push({ term: 'Metrics', value: workload.metrics });
  for (const note of workload.notes) facts.push({ term: 'Also', value: note });
  return facts;
}

/** A command the file recorded, ready to show and copy. */
export interface RecordedCommand {
  /** Unique within the dataset: a React key. */
  readonly id: string;
  /** What it is, e.g. `server command of serving_llama8B_tp1_sharegpt_qps_1`. */
  readonly name: string;
  /** Its key as the file wrote it (`server_command`, or a table column's name). */
  readonly key: string;
  /** The tests that ran it (several when their rows record the same text); empty when unknown. */
  readonly tests: readonly string[];
  /** Exactly as recorded. */
  readonly command: string;
  /**
   * True when the reader cut it because it was enormous: what is recorded here is not the
   * whole command.
   */
  readonly cut: boolean;
}

/** Workload facts the results of one suite state, each distinct value said once. */
export interface SuiteSetup {
  readonly suite: Suite;
  /** Distinct test names. */
  readonly tests: number;
  readonly facts: readonly SetupFact[];
}

/** Everything a dataset's file recorded about how it was measured. */
export interface DatasetSetup {
  /** vLLM version and commit, when the run was made, the GPUs. */
  readonly run: readonly SetupFact[];
  /** The Platform Information table, in its order. */
  readonly platform: readonly SetupFact[];
  readonly commands: readonly RecordedCommand[];
  /** Distinct commands beyond the ones listed (a file of thousands of tests). */
  readonly moreCommands: number;
  readonly suites: readonly SuiteSetup[];
  /**
   * True when the file recorded nothing about the run beyond its results: no commands, vLLM
   * version or commit, date or platform.
   */
  readonly recordedNothing: boolean;
}

/** At most this many commands are listed per dataset. */
export const MAX_COMMANDS = 50;
/** At most this many distinct values are named per fact; the rest are counted. */
const MAX_VALUES = 12;

/** `server_command` → `server command`; `Client Command` → `client command`. */
function commandLabel(key: string): string {
  const words = key
    .replace(/[_\s-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? 'command' : words;
}

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

/**
 * True when a reader cut the text: it ends in the `…` they put at the cut and has exactly the
 * length they cut to (recorded commands to MAX_LONG_TEXT_LENGTH, table cells to MAX_TEXT_LENGTH).
 */
function wasCut(text: string): boolean {
  if (!text.endsWith('…')) return false;
  // The readers cut by code points.
  const length = Array.from(text).length;
  return length === MAX_TEXT_LENGTH || length === MAX_LONG_TEXT_LENGTH;
}

/** `2025-03-12T10:15:02` → `2025-03-12 10:15:02`; other texts as written. */
function dateText(date: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(date) ? date.replace('T', ' ') : date;
}

/** Distinct values in first-seen order, named up to MAX_VALUES. */
function listText(values: readonly string[]): string {
  if (values.length <= MAX_VALUES) return values.join(', ');
  return `${values.slice(0, MAX_VALUES).join(', ')} and ${values.length - MAX_VALUES} more`;
}

/** `--num-prompts 200` / `--num-prompts=200` in a command; null when it does not say. */
function optionValue(command: string, option: string): string | null {
  const words = splitCommandLine(command);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (word === `--${option}`) {
      const next = words[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : null;
    }
    if (word.startsWith(`--${option}=`)) return word.slice(option.length + 3);
  }
  return null;
}

/** Distinct values in first-seen order; a value equal to the last one added costs no lookup. */
class Distinct<T> {
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
interface CommandGroup {
  readonly key: string;
  readonly command: string;
  readonly tests: Distinct<string>;
}

/** What the results of one suite say, collected in one pass. */
interface SuiteCollector {
  readonly tests: Distinct<string>;
  readonly models: Distinct<string>;
  readonly tp: Distinct<number>;
  readonly pp: Distinct<number>;
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

function newCollector(): SuiteCollector {
  return {
    tests: new Distinct(),
    models: new Distinct(),
    tp: new Distinct(),
    pp: new Distinct(),
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

function suiteFacts(collected: SuiteCollector): SetupFact[] {
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

function collect(
  result: BenchmarkResult,
  into: SuiteCollector,
  commands: Map<string, CommandGroup>,
  commits: Set<string>,
): void {
  into.tests.add(result.testName);
  if (result.model !== '') into.models.add(result.model);
  if (result.tp !== null) into.tp.add(result.tp);
  if (result.pp !== null) into.pp.add(result.pp);
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

/** `server command of a`, `… of a and 3 more tests`, or `… of <dataset>` when no test is known. */
function commandName(key: string, tests: readonly string[], fallback: string): string {
  const label = commandLabel(key);
  const [first] = tests;
  if (first === undefined) return `${label} of ${fallback}`;
  if (tests.length === 1) return `${label} of ${first}`;
  const others = tests.length - 1;
  return `${label} of ${first} and ${others} more ${others === 1 ? 'test' : 'tests'}`;
}

/** What results without a GPU are labelled. */
const NO_GPU = gpuLabel(null);

const setups = new WeakMap<Dataset, DatasetSetup>();

/**
 * Everything a dataset's file recorded about its run: the vLLM version (or commit), date, GPUs
 * and Platform Information table; its commands, the `.commands` file's and per-test ones kept
 * from table columns (`server_command`, …); and per suite, the workload its results state
 * (models, prompt dataset, lengths, QPS, concurrency, TP, …), each distinct value once.
 * Remembered per dataset: datasets never change.
 */
export function datasetSetup(dataset: Dataset): DatasetSetup {
  const known = setups.get(dataset);
  if (known !== undefined) return known;

  const collectors = new Map<Suite, SuiteCollector>();
  const attributeCommands = new Map<string, CommandGroup>();
  const commits = new Set<string>();
  for (const result of dataset.results) {
    let collector = collectors.get(result.suite);
    if (collector === undefined) {
      collector = newCollector();
      collectors.set(result.suite, collector);
    }
    collect(result, collector, attributeCommands, commits);
  }
  // The one test of the dataset, when it has one (a raw result file with its `.commands`).
  let onlyTest: string | undefined;
  for (const collector of collectors.values()) {
    const [name] = collector.tests.size === 1 ? collector.tests.list() : [];
    if (name === undefined || (onlyTest !== undefined && onlyTest !== name)) {
      onlyTest = undefined;
      break;
    }
    onlyTest = name;
  }

  // The `.commands` file's commands belong to the test of its result file, when there is one.
  const meta = dataset.meta;
  const commands: RecordedCommand[] = [];
  let moreCommands = 0;
  const push = (key: string, command: string, tests: readonly string[]): void => {
    if (commands.length >= MAX_COMMANDS) {
      moreCommands += 1;
      return;
    }
    commands.push({
      id: `${commands.length}:${key}`,
      name: commandName(key, tests, dataset.label),
      key,
      tests,
      command,
      cut: wasCut(command),
    });
  };
  for (const [key, command] of Object.entries(meta?.commands ?? {})) {
    if (command.trim() !== '') push(key, command, onlyTest === undefined ? [] : [onlyTest]);
  }
  for (const group of attributeCommands.values())
    push(group.key, group.command, group.tests.list());

  // The number of prompts a recorded command asked for, for results that do not say.
  for (const [key, command] of Object.entries(meta?.commands ?? {})) {
    const suite: Suite | null = key.startsWith('latency')
      ? 'latency'
      : key.startsWith('throughput')
        ? 'throughput'
        : key.startsWith('client') || key.startsWith('serving')
          ? 'serving'
          : null;
    const collector = suite === null ? undefined : collectors.get(suite);
    const prompts = optionValue(command, 'num-prompts');
    if (collector !== undefined && prompts !== null && collector.prompts.size === 0) {
      collector.prompts.add(prompts);
    }
  }

  const run: SetupFact[] = [];
  if (meta?.vllmVersion !== undefined) run.push({ term: 'vLLM version', value: meta.vllmVersion });
  if (commits.size > 0) run.push({ term: 'vLLM commit', value: listText([...commits]) });
  if (meta?.date !== undefined) run.push({ term: 'Run date', value: dateText(meta.date) });
  const gpuLabels = distinctGpuLabels(dataset.results).filter((label) => label !== NO_GPU);
  if (gpuLabels.length > 0) run.push({ term: 'GPU', value: listText(gpuLabels) });

  const platform = Object.entries(meta?.platform ?? {}).map(([term, value]) => ({ term, value }));

  const suites = SUITES.flatMap((suite) => {
    const collector = collectors.get(suite);
    return collector === undefined
      ? []
      : [{ suite, tests: collector.tests.size, facts: suiteFacts(collector) }];
  });

  const setup: DatasetSetup = {
    run,
    platform,
    commands,
    moreCommands,
    suites,
    recordedNothing:
      commands.length === 0 &&
      moreCommands === 0 &&
      platform.length === 0 &&
      commits.size === 0 &&
      meta?.vllmVersion === undefined &&
      meta?.date === undefined,
  };
  setups.set(dataset, setup);
  return setup;
}

/** A command as it is copied and as it is shown. */
export interface CommandText {
  /** Exactly the recorded command: what Copy puts on the clipboard. */
  readonly copy: string;
  /**
   * The command to show as text: ends trimmed, line ends made `\n`, runs of spaces outside
   * quotes made one (CI's scripts pad their commands), and characters that would not show or
   * would reorder what is shown (controls, bidirectional overrides, zero-width spaces) written
   * as `\u{…}`. It is text, never markup: render it as a text node, in a box that wraps.
   */
  readonly display: string;
  /** How many characters were written as `\u{…}` because they would not show. */
  readonly escaped: number;
}

/** Controls (but tab and line end), bidirectional controls, invisible and zero-width characters. */
const HIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;

function escapeHidden(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** A recorded command → the text to copy (unchanged) and the text to show. */
export function commandText(command: string): CommandText {
  const text = command.replace(/\r\n?/g, '\n').trim();
  let display = '';
  let escaped = 0;
  let quote: '"' | "'" | null = null;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (HIDDEN_CHARACTER.test(char)) {
      if (pendingSpace) display += ' ';
      pendingSpace = false;
      display += escapeHidden(char);
      escaped += 1;
      continue;
    }
    if (quote === null && (char === ' ' || char === '\t')) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && char !== '\n') display += ' ';
    pendingSpace = false;
    if (char === '\\' && quote !== "'") {
      // An escaped character is taken as it is: `\"` opens no quote, `\ ` is no space.
      display += char;
      const next = text[i + 1];
      if (next !== undefined && !HIDDEN_CHARACTER.test(next)) {
        display += next;
        i += 1;
      }
      continue;
    }
    if (quote === null && (char === '"' || char === "'")) quote = char;
    else if (char === quote) quote = null;
    display += char;
  }
  return { copy: command, display, escaped };
}
