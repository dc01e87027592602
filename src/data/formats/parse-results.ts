import { withFields } from '../results/results-on-demand';
import { parseFailure, type ParseOutcome } from '../results/result-model';
import { looksLikeCommands, readCommandsValue, type CommandsFile } from './commands';
import { looksLikeEmbeddedJson, readEmbeddedJsonValue } from './embedded-json';
import { engineReaderOf } from './engine-readers';
import { fileBaseName, isCommandsFileName, readFileName, withoutExtension } from './file-name';
import { finish, type FileContext } from './finish-outcome';
import { looksLikeLatencyResult, parseLatencyJsonValue } from './latency-json';
import { readPlatformTable } from './markdown-meta';
import { parseMarkdownPage } from './markdown-page';
import { buildMeta, notResults } from './outcome';
import { isJsonObject, parsePythonJson } from './python-json';
import { looksLikePytorchList, parsePytorchList } from './pytorch-json';
import { rawContext, type RawContext } from './raw-result';
import { looksLikeRecords, parseRecordsList, unwrapList } from './records-json';
import { looksLikeServeResult, readServeObjects } from './serve-json';
import { parseServeJsonLines } from './serve-json-lines';
import { MAX_TEXT_LENGTH, capText, preview } from './shared';
import { looksLikeThroughputResult, parseThroughputJsonValue } from './throughput-json';
import { looksLikeYamlReport, parseYamlReport } from './yaml-report';

/** Text that is mostly control characters or has NUL bytes is a binary file read as text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) odd += 1;
  }
  return odd > sample.length * 0.1;
}

/** The message for a recorded-commands file read without its results. */
function loneCommands(fileName: string | undefined): ParseOutcome {
  const base = fileName === undefined ? '' : fileBaseName(fileName);
  const resultFile =
    base === '' ? 'its result file' : `its result file (${preview(base, 80)}.json)`;
  return parseFailure(
    'not-results',
    `This is a .commands file: it records how a benchmark was run, not its results. Drop it together with ${resultFile}.`,
    'CI writes <test name>.json and <test name>.commands side by side; load both at once.',
  );
}

const SERVE_FORMAT = { id: 'vllm-serve-json', label: 'vllm bench serve JSON' } as const;
const SNIFF = 50;

/** A JSON list of any kind we read → results. */
function readJsonList(list: readonly unknown[], context: RawContext): ParseOutcome {
  if (looksLikePytorchList(list)) return parsePytorchList(list, context);
  if (looksLikeRecords(list)) return parseRecordsList(list);
  if (list.slice(0, SNIFF).some(looksLikeServeResult)) {
    return readServeObjects(
      list.map((value, index) => ({ where: `item ${index + 1}`, value })),
      context,
      SERVE_FORMAT,
    );
  }
  return notResults();
}

/**
 * An embedded-JSON value whose column names are enormous gets them cut before it is read: they
 * become metric keys and labels. Only the suites' column objects are rebuilt; cells are kept.
 */
function withCappedColumns(value: Readonly<Record<string, unknown>>, warnings: string[]): unknown {
  let changed = false;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [suite, columns] of Object.entries(value)) {
    copy[suite] = columns;
    if (!isJsonObject(columns)) continue;
    if (!Object.keys(columns).some((name) => name.length > MAX_TEXT_LENGTH)) continue;
    changed = true;
    const cut = Object.create(null) as Record<string, unknown>;
    for (const [name, cells] of Object.entries(columns)) {
      cut[capText(name, `A column name of ${suite}`, warnings)] = cells;
    }
    copy[suite] = cut;
  }
  return changed ? copy : value;
}

/** A parsed JSON value → results, choosing the reader by the value's shape. */
function readJsonValue(
  value: unknown,
  context: RawContext,
  fileName: string | undefined,
): ParseOutcome {
  const engineReader = engineReaderOf(value);
  if (engineReader !== null) return engineReader.read(value, context);
  if (isJsonObject(value)) {
    if (looksLikeEmbeddedJson(value)) {
      const outcome = readEmbeddedJsonValue(withCappedColumns(value, context.warnings));
      return withLeadingWarnings(outcome, context.warnings);
    }
    if (looksLikeServeResult(value)) {
      return readServeObjects([{ where: 'the result', value }], context, SERVE_FORMAT);
    }
    if (looksLikeLatencyResult(value)) return parseLatencyJsonValue(value, context);
    if (looksLikeThroughputResult(value)) return parseThroughputJsonValue(value, context);
    if (looksLikeCommands(value)) return loneCommands(fileName);
    // One row of a records file, pasted alone.
    if (looksLikeRecords([value])) return parseRecordsList([value]);
    const list = unwrapList(value);
    return list === null ? notResults() : readJsonList(list, context);
  }
  if (Array.isArray(value)) return readJsonList(value, context);
  return notResults();
}

function withLeadingWarnings(outcome: ParseOutcome, warnings: readonly string[]): ParseOutcome {
  if (!outcome.ok || warnings.length === 0) return outcome;
  return {
    ok: true,
    value: withFields(outcome.value, { warnings: [...warnings, ...outcome.value.warnings] }),
  };
}

/** A markdown page with its Platform Information table as meta. */
function readMarkdown(text: string): ParseOutcome {
  const outcome = parseMarkdownPage(text);
  if (!outcome.ok) return outcome;
  const warnings: string[] = [];
  const platform = readPlatformTable(text, warnings);
  if (platform === null && warnings.length === 0) return outcome;
  return {
    ok: true,
    value: withFields(outcome.value, {
      warnings: [...outcome.value.warnings, ...warnings],
      ...(platform === null ? {} : { meta: buildMeta({ platform }) }),
    }),
  };
}

/** Reads text by content; the file name only helps name raw results. */
function readText(input: string, context: FileContext): ParseOutcome {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') return parseFailure('empty', 'The file is empty.');
  if (looksBinary(text)) {
    return parseFailure(
      'binary',
      'This is a binary file, not a text results file.',
      'Use the .json or .md file the benchmark wrote.',
    );
  }
  const raw = rawContext(readFileName(context.fileName), context.commands);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    const parsed = parsePythonJson(text);
    if (parsed.ok) return readJsonValue(parsed.value, raw, context.fileName);
    // `--append-result` writes one serve object per line: not JSON as a whole.
    const lines = parseServeJsonLines(text, raw);
    if (lines !== null) return lines;
    // A page that happens to open with a brace is still worth reading as markdown.
    const asMarkdown = readMarkdown(text);
    if (asMarkdown.ok) return asMarkdown;
    return parseFailure(
      'invalid-json',
      `The file is ${parsed.message}.`,
      'Check that the file was saved completely.',
    );
  }
  if (looksLikeYamlReport(text)) return readYaml(text, raw, context.fileName);
  return readMarkdown(text);
}

/** A GuideLLM or llm-d report written as YAML → read like the same report in JSON. */
function readYaml(text: string, context: RawContext, fileName: string | undefined): ParseOutcome {
  const parsed = parseYamlReport(text);
  if (parsed.ok) return readJsonValue(parsed.value, context, fileName);
  return parseFailure(
    'invalid-json',
    `The file looks like a YAML benchmark report but could not be read: ${preview(parsed.message, 120)}.`,
    'Check that the file was saved completely.',
  );
}

function parseWithContext(input: string, context: FileContext): ParseOutcome {
  try {
    const outcome = finish(readText(input, context), context);
    // A `.commands` file on its own (broken or not) is refused with what to do about it.
    const named = context.fileName !== undefined && isCommandsFileName(context.fileName);
    if (!outcome.ok && named && outcome.error.kind !== 'empty' && outcome.error.kind !== 'binary') {
      return loneCommands(context.fileName);
    }
    return outcome;
  } catch {
    // Not expected: every reader is written not to throw. A typed error beats a crash.
    return parseFailure(
      'not-results',
      'This file could not be read as benchmark results.',
      'If it is a vLLM results file, please report it.',
    );
  }
}

/**
 * Any results text → results, choosing the reader by content, not by file name: CI's embedded
 * JSON, its markdown page, the `benchmark_results.json` records list, `vllm bench serve` /
 * `latency` / `throughput` output (also as JSON lines), or the PyTorch benchmark list. The file
 * name, when given, only helps: CI names raw files after their test. Never throws.
 */
export function parseResultsText(input: string, fileName?: string): ParseOutcome {
  return parseWithContext(input, { fileName, commands: null, commandWarnings: [] });
}

/** A file to parse: its name (path allowed) and its text. */
export interface ResultFile {
  readonly name: string;
  readonly text: string;
}

/** One file's outcome, by name. */
export interface ParsedFile {
  readonly name: string;
  readonly outcome: ParseOutcome;
}

/**
 * Several files dropped together → one outcome per file, in their order. Each file is read on
 * its own, except that a `<test name>.commands` file completes the result file of the same name
 * (`<test name>.json`, or `.pytorch.json`) and has no entry of its own; one without its result
 * file gets an error saying to drop the two together. Never throws.
 */
export function parseResultFiles(files: readonly ResultFile[]): ParsedFile[] {
  const resultKeys = new Set(
    files
      .filter((file) => !isCommandsFileName(file.name))
      .map((file) => withoutExtension(file.name)),
  );
  const commandsByKey = new Map<string, { commands: CommandsFile | null; warnings: string[] }>();
  for (const file of files) {
    if (!isCommandsFileName(file.name)) continue;
    const key = withoutExtension(file.name);
    if (!resultKeys.has(key) || commandsByKey.has(key)) continue;
    const warnings: string[] = [];
    const label = fileBaseName(file.name);
    const parsed = parsePythonJson(file.text);
    const commands = parsed.ok
      ? readCommandsValue(parsed.value, `${label}.commands`, warnings)
      : null;
    if (commands === null) {
      warnings.push(
        `${preview(label, 80)}.commands could not be read: ${parsed.ok ? 'it records no commands' : parsed.message}. The results were read without it.`,
      );
    }
    commandsByKey.set(key, { commands, warnings });
  }

  const parsedFiles: ParsedFile[] = [];
  for (const file of files) {
    const key = withoutExtension(file.name);
    if (isCommandsFileName(file.name)) {
      // Merged into its result file; alone, it is read and refused with a message saying so.
      if (resultKeys.has(key)) continue;
      parsedFiles.push({
        name: file.name,
        outcome: parseWithContext(file.text, {
          fileName: file.name,
          commands: null,
          commandWarnings: [],
        }),
      });
      continue;
    }
    const paired = commandsByKey.get(key);
    parsedFiles.push({
      name: file.name,
      outcome: parseWithContext(file.text, {
        fileName: file.name,
        commands: paired?.commands ?? null,
        commandWarnings: paired?.warnings ?? [],
      }),
    });
  }
  return parsedFiles;
}
