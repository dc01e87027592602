/**
 * CI's `<test_name>.commands` files: the commands a test ran and the GPU it ran on,
 * `{"server_command", "client_command", "gpu_type"}`, `{"latency_command", "gpu_type"}` or
 * `{"throughput_command", "gpu_type"}`. They hold no results; they complete the result file of
 * the same name.
 */
import { normalizeGpu } from '../gpu';
import { isJsonObject } from './python-json';
import type { GpuSpec } from '../results/result-model';
import {
  MAX_LONG_TEXT_LENGTH,
  capText,
  countOf,
  emptyRecord,
  numberOf,
  type JsonRecord,
} from './shared';

const COMMAND_KEYS = ['server_command', 'client_command', 'latency_command', 'throughput_command'];
/** Longer commands are cut before they are read: no real command is near this. */
const MAX_COMMAND_LENGTH = 20_000;

/** What the recorded commands say about the test; null where they do not say. */
export interface CommandFacts {
  readonly model: string | null;
  readonly tp: number | null;
  readonly pp: number | null;
  readonly dp: number | null;
  readonly dataset: string | null;
  readonly inputLen: number | null;
  readonly outputLen: number | null;
  readonly qps: number | null;
  readonly concurrency: number | null;
  readonly dtype: string | null;
}

/** A `.commands` file read. */
export interface CommandsFile {
  /** The `*_command` strings by key, as written (cut when enormous). */
  readonly commands: Readonly<Record<string, string>>;
  readonly gpu: GpuSpec | null;
  readonly facts: CommandFacts;
}

const NO_FACTS: CommandFacts = {
  model: null,
  tp: null,
  pp: null,
  dp: null,
  dataset: null,
  inputLen: null,
  outputLen: null,
  qps: null,
  concurrency: null,
  dtype: null,
};

/** True for a JSON object that records commands (and no results). */
export function looksLikeCommands(value: unknown): value is JsonRecord {
  return (
    isJsonObject(value) &&
    COMMAND_KEYS.some((key) => Object.hasOwn(value, key) && typeof value[key] === 'string')
  );
}

/**
 * A command line → its words, as a POSIX shell splits them: whitespace separates, single quotes
 * keep everything, double quotes keep all but `\"` and `\\`, a backslash escapes one character.
 */
export function splitCommandLine(command: string): string[] {
  const text = command.length > MAX_COMMAND_LENGTH ? command.slice(0, MAX_COMMAND_LENGTH) : command;
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
        word += text[i + 1] ?? '';
        i += 1;
      } else word += char;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\') {
      const next = text[i + 1];
      // A backslash before a line end continues the line.
      if (next !== '\n' && next !== undefined) {
        word += next;
        inWord = true;
      }
      i += 1;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

type MutableFacts = { -readonly [K in keyof CommandFacts]: CommandFacts[K] };

const OPTION_NAMES: ReadonlyMap<string, keyof CommandFacts> = new Map([
  ['tensor-parallel-size', 'tp'],
  ['tp', 'tp'],
  ['pipeline-parallel-size', 'pp'],
  ['pp', 'pp'],
  ['data-parallel-size', 'dp'],
  ['dp', 'dp'],
  ['model', 'model'],
  ['dataset-name', 'dataset'],
  ['random-input-len', 'inputLen'],
  ['input-len', 'inputLen'],
  ['random-output-len', 'outputLen'],
  ['output-len', 'outputLen'],
  ['request-rate', 'qps'],
  ['max-concurrency', 'concurrency'],
  ['dtype', 'dtype'],
]);

function setFact(facts: MutableFacts, key: keyof CommandFacts, raw: string): void {
  if (facts[key] !== null) return;
  switch (key) {
    case 'model':
    case 'dataset':
    case 'dtype':
      if (raw !== '' && raw.length <= 500) facts[key] = raw;
      return;
    case 'qps':
      facts.qps = numberOf(raw);
      return;
    default:
      facts[key] = countOf(raw);
  }
}

/** What one command line says: its options, `--metadata` pairs and `vllm serve <model>`. */
export function readCommandLine(command: string): CommandFacts {
  const words = splitCommandLine(command);
  const facts: MutableFacts = { ...NO_FACTS };
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (word === 'serve' && words[i - 1] === 'vllm') {
      const model = words[i + 1];
      if (model !== undefined && !model.startsWith('-')) setFact(facts, 'model', model);
      continue;
    }
    if (word === '--metadata') {
      for (let j = i + 1; j < words.length && !(words[j] ?? '').startsWith('-'); j += 1) {
        const [name = '', value = ''] = (words[j] ?? '').split('=', 2);
        if (name === 'tensor_parallel_size' || name === 'tp') setFact(facts, 'tp', value);
        if (name === 'pipeline_parallel_size' || name === 'pp') setFact(facts, 'pp', value);
        if (name === 'data_parallel_size' || name === 'dp') setFact(facts, 'dp', value);
        i = j;
      }
      continue;
    }
    const option = /^--?([A-Za-z][\w.-]*)(?:=(.*))?$/s.exec(word);
    if (option === null) continue;
    const name = (option[1] ?? '').replace(/_/g, '-').toLowerCase();
    // Short options: only `-tp`, `-pp` and `-dp` are read (vLLM's aliases for the parallel sizes).
    if (!word.startsWith('--') && name !== 'tp' && name !== 'pp' && name !== 'dp') continue;
    const key = OPTION_NAMES.get(name);
    if (key === undefined) continue;
    const inline = option[2];
    if (inline !== undefined) {
      setFact(facts, key, inline);
    } else {
      const next = words[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        setFact(facts, key, next);
        i += 1;
      }
    }
  }
  return facts;
}

/** Facts of several commands, the first that says a thing winning. */
function mergeFacts(list: readonly CommandFacts[]): CommandFacts {
  const merged: MutableFacts = { ...NO_FACTS };
  for (const facts of list) {
    for (const key of Object.keys(NO_FACTS) as (keyof CommandFacts)[]) {
      if (merged[key] === null && facts[key] !== null) {
        (merged as Record<keyof CommandFacts, unknown>)[key] = facts[key];
      }
    }
  }
  return merged;
}

/**
 * A parsed `.commands` value → its commands, GPU and facts; null when the value is not one.
 * The server command speaks first for TP and model, the client command for dataset and rate.
 */
export function readCommandsValue(
  value: unknown,
  fileLabel: string,
  warnings: string[],
): CommandsFile | null {
  if (!looksLikeCommands(value)) return null;
  const commands = emptyRecord();
  const factsByKey = new Map<string, CommandFacts>();
  for (const [key, raw] of Object.entries(value)) {
    if (typeof raw !== 'string' || !key.endsWith('_command') || key.length > 100) continue;
    const text = capText(raw, `${fileLabel}: ${key}`, warnings, MAX_LONG_TEXT_LENGTH);
    commands[key] = text;
    factsByKey.set(key, readCommandLine(raw));
  }
  Object.freeze(commands);
  const ordered = COMMAND_KEYS.flatMap((key) => {
    const facts = factsByKey.get(key);
    return facts === undefined ? [] : [facts];
  });
  const gpuType = Object.hasOwn(value, 'gpu_type') ? value.gpu_type : undefined;
  const gpu =
    typeof gpuType === 'string' && gpuType.length <= MAX_LONG_TEXT_LENGTH
      ? normalizeGpu(gpuType)
      : null;
  return { commands, gpu, facts: mergeFacts(ordered) };
}
