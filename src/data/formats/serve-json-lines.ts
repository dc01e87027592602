/**
 * `vllm bench serve --append-result`: each run appends its result object to the same file, one
 * per line, so the file as a whole is not JSON. Every line is read on its own;
 * a line that cannot be read is skipped and named in a warning, the rest load. SGLang's
 * `bench_serving` appends its runs the same way.
 */
import { parsePythonJson } from './python-json';
import type { ParseOutcome } from '../results/result-model';
import type { RawContext } from './raw-result';
import { looksLikeServeResult, readServeObjects, type ServeEntry } from './serve-json';
import {
  SGLANG_LINES_FORMAT,
  looksLikeSglangRun,
  readSglangEntries,
  withSglangRuns,
} from './sglang-serving';
import { emptyRecord } from './shared';

/** A single line longer than this is not read as a line of serve results. */
const MAX_LINE_LENGTH = 64 * 1024 * 1024;

/**
 * Text that is not JSON as a whole → results, when its lines are serve result objects; null when
 * no line is one (the text is something else). Never throws.
 */
export function parseServeJsonLines(text: string, context: RawContext): ParseOutcome | null {
  const lines = text.split('\n');
  const candidates = lines.filter((line) => line.trim() !== '');
  if (candidates.length < 2) return null;
  const first = candidates[0]?.trim() ?? '';
  if (!first.startsWith('{') || !first.endsWith('}')) return null;

  const entries: ServeEntry[] = [];
  let serveLines = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `line ${index + 1}`;
    if (line.length > MAX_LINE_LENGTH) {
      entries.push({ where, problem: 'it is too long to be one result' });
      return;
    }
    const parsed = parsePythonJson(line);
    if (!parsed.ok) {
      const endsEarly = parsed.message.includes('ends too early');
      entries.push({
        where,
        problem: endsEarly ? 'not valid JSON (it is cut off)' : 'not valid JSON',
      });
      return;
    }
    if (looksLikeServeResult(parsed.value) || looksLikeSglangRun(parsed.value)) serveLines += 1;
    entries.push({ where, value: parsed.value });
  });
  if (serveLines === 0) return null;
  const sources = emptyRecord();
  const translated = withSglangRuns(entries, sources);
  // A file of SGLang runs only is SGLang's; runs of both tools (a `framework` key tells their
  // engines apart) are read as vLLM's lines, each run by its own keys.
  if (translated.runs === serveLines) {
    return readSglangEntries(entries, context, SGLANG_LINES_FORMAT);
  }
  return readServeObjects(
    translated.entries,
    context,
    {
      id: 'vllm-serve-json-lines',
      label: 'vllm bench serve JSON lines',
    },
    sources,
  );
}
