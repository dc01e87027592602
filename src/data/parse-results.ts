import { readEmbeddedJsonValue } from './embedded-json';
import { parseMarkdownPage } from './markdown-page';
import { parsePythonJson } from './python-json';
import { parseFailure, type ParseOutcome } from './result-model';

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

/**
 * Any results text → results, choosing the reader by content, not by file name: JSON for text
 * that opens with `{` or `[`, the markdown page reader for everything else. Never throws.
 */
export function parseResultsText(input: string): ParseOutcome {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') return parseFailure('empty', 'The file is empty.');
  if (looksBinary(text)) {
    return parseFailure(
      'binary',
      'This is a binary file, not a text results file.',
      'Use the .json or .md file the benchmark wrote.',
    );
  }
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    const parsed = parsePythonJson(text);
    if (parsed.ok) return readEmbeddedJsonValue(parsed.value);
    // A page that happens to open with a brace is still worth reading as markdown.
    const asMarkdown = parseMarkdownPage(text);
    if (asMarkdown.ok) return asMarkdown;
    return parseFailure(
      'invalid-json',
      `The file is ${parsed.message}.`,
      'Check that the file was saved completely.',
    );
  }
  return parseMarkdownPage(text);
}
