import { splitLines } from './shared';
import { looksLikeEmbeddedJson, readEmbeddedJsonValue } from './embedded-json';
import { parsePythonJson } from './python-json';
import { parseFailure, type ParseOutcome, type Suite } from '../results/result-model';
import { columnsOutcome } from './outcome';
import { withFields } from '../results/results-on-demand';
import { readResultsTables, versionedLabel, type SuiteTable } from './table-results';

const SECTION_HEADING = /^\s*(?:#{1,6}\s*)?(latency|throughput|serving)\s+tests?\b/i;
const JSON_SECTION_HEADING = /^\s*(?:#{1,6}\s*)?json version/i;
const SEPARATOR_CELL = /^\s*:?-{1,}:?\s*$/;
const FENCE_OPEN = /^\s*```\s*json\s*$/i;
const FENCE_CLOSE = /^\s*```\s*$/;
// Lazy, so a 100 MB JSON line is matched at its first suite key, not scanned to its end first.
const EMBEDDED_JSON_LINE = /^\s*\{.*?"(?:latency|throughput|serving)"/;

/** One pipe-table line → its cells, with the optional outer pipes removed and `\|` kept as `|`. */
function splitRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}

function isSeparatorLine(line: string | undefined): boolean {
  if (line?.includes('-') !== true) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((cell) => SEPARATOR_CELL.test(cell));
}

/**
 * Every pipe table with a "Test name" column, with the suite of the section it sits in. A GPU
 * cell that tabulate split over several lines (the next lines empty but for the GPU token) is
 * joined back into one newline-separated cell.
 */
function findResultTables(lines: readonly string[]): SuiteTable[] {
  const found: SuiteTable[] = [];
  let section: Suite | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const heading = SECTION_HEADING.exec(line);
    if (heading?.[1] !== undefined) {
      section = heading[1].toLowerCase() as Suite;
      continue;
    }
    if (JSON_SECTION_HEADING.test(line)) {
      section = null;
      continue;
    }
    if (!line.includes('|') || !isSeparatorLine(lines[i + 1])) continue;

    const headers = splitRow(line);
    const lower = headers.map((header) => header.toLowerCase());
    const nameColumn = lower.indexOf('test name');
    const gpuColumn = lower.indexOf('gpu');
    const rows: string[][] = [];
    const positions: string[] = [];
    let j = i + 2;
    for (; j < lines.length; j += 1) {
      const rowLine = lines[j] ?? '';
      if (!rowLine.includes('|') || rowLine.trim() === '') break;
      const cells = splitRow(rowLine);
      while (cells.length < headers.length) cells.push('');
      const previous = rows[rows.length - 1];
      const isGpuContinuation =
        previous !== undefined &&
        gpuColumn !== -1 &&
        (cells[gpuColumn] ?? '') !== '' &&
        cells.every((cell, column) => column === gpuColumn || cell === '');
      if (isGpuContinuation) {
        previous[gpuColumn] = `${previous[gpuColumn] ?? ''}\n${cells[gpuColumn] ?? ''}`;
        continue;
      }
      rows.push(cells.slice(0, headers.length));
      positions.push(`line ${j + 1}`);
    }
    if (nameColumn !== -1) found.push({ table: { headers, rows, positions }, suite: section });
    i = j - 1;
  }
  return found;
}

/** Candidate embedded-JSON texts: fenced ```json blocks and single lines that open a suite object. */
function findEmbeddedJson(lines: readonly string[]): string[] {
  const candidates: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (FENCE_OPEN.test(line)) {
      const block: string[] = [];
      let j = i + 1;
      while (j < lines.length && !FENCE_CLOSE.test(lines[j] ?? '')) {
        block.push(lines[j] ?? '');
        j += 1;
      }
      candidates.push(block.join('\n'));
      i = j;
    } else if (EMBEDDED_JSON_LINE.test(line)) {
      candidates.push(line);
    }
  }
  return candidates;
}

/**
 * CI's benchmark page (`benchmark_results.md`), whole or any part of it → results.
 * The embedded JSON is used when present (full precision); otherwise the pipe tables are read.
 * Never throws.
 */
export function parseMarkdownPage(input: string): ParseOutcome {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lines = splitLines(text);
  const warnings: string[] = [];
  const tables = findResultTables(lines);

  // JSON keys cannot repeat: where a table repeats a header (V2's bare Median and P99), the
  // embedded JSON kept only one of those columns, so the tables hold more and are read instead.
  const repeatsHeaders = tables.some(({ table }) => {
    const names = table.headers.map((header) => header.trim().toLowerCase());
    return new Set(names).size < names.length;
  });
  const embedded = repeatsHeaders ? [] : findEmbeddedJson(lines);
  if (repeatsHeaders && findEmbeddedJson(lines).length > 0) {
    warnings.push(
      'The page’s tables repeat column names (Median, P99) that its embedded JSON could keep only once; the tables were read instead.',
    );
  }

  for (const candidate of embedded) {
    const parsed = parsePythonJson(candidate);
    if (!parsed.ok || !looksLikeEmbeddedJson(parsed.value)) {
      warnings.push(
        'The page has an embedded JSON block that could not be read; its tables were used instead.',
      );
      continue;
    }
    const outcome = readEmbeddedJsonValue(parsed.value, 'vLLM markdown');
    if (!outcome.ok) continue;
    return {
      ok: true,
      value: withFields(outcome.value, {
        format: { id: 'vllm-markdown', label: `${outcome.value.format.label} · embedded JSON` },
        warnings: [...warnings, ...outcome.value.warnings],
      }),
    };
  }

  const { columns, version } = readResultsTables(tables, warnings);
  if (columns.count === 0) {
    return parseFailure(
      tables.length === 0 ? 'not-results' : 'no-rows',
      tables.length === 0
        ? 'No vLLM results table or embedded JSON was found in this text.'
        : 'The results tables in this text have no rows that could be read.',
      'Use a whole benchmark page, one of its tables with its header row, or its JSON line.',
    );
  }
  return columnsOutcome(
    { id: 'vllm-markdown', label: `${versionedLabel('vLLM markdown', version)} · tables` },
    columns,
    warnings,
  );
}
