/**
 * Everything one dataset's file recorded about how it was measured: commands, vLLM version, date,
 * platform, and per suite the workload facts its results state.
 */
import { splitCommandLine } from '../formats/commands';
import { MAX_LONG_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../formats/shared';
import { gpuLabel } from '../gpu';
import { datasetGpuLabels } from '../results/dataset';
import { SUITES, type BenchmarkResult, type Dataset, type Suite } from '../results/result-model';
import {
  collect,
  listText,
  newCollector,
  suiteFacts,
  type CommandGroup,
  type SuiteCollector,
} from './suite-facts';
import type { SetupFact } from './suite-workloads';

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

/** `server_command` → `server command`; `Client Command` → `client command`. */
function commandLabel(key: string): string {
  const words = key
    .replace(/[_\s-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? 'command' : words;
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
  const { results } = dataset;
  for (let i = 0; i < results.length; i += 1) {
    const result = results[i] as BenchmarkResult;
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
  // A commit only the file's path names is said to be from there, as is a date.
  if (commits.size > 0) run.push({ term: 'vLLM commit', value: listText([...commits]) });
  else if (meta?.commit !== undefined)
    run.push({ term: 'vLLM commit', value: `${meta.commit} (from its path)` });
  if (meta?.date !== undefined) {
    const from = meta.dateFrom === undefined ? '' : ` (from its ${meta.dateFrom})`;
    run.push({ term: 'Run date', value: `${dateText(meta.date)}${from}` });
  }
  const gpuLabels = datasetGpuLabels(dataset).filter((label) => label !== NO_GPU);
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
      meta?.commit === undefined &&
      meta?.date === undefined,
  };
  setups.set(dataset, setup);
  return setup;
}
