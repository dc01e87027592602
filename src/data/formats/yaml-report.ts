/**
 * YAML reports (GuideLLM's `benchmarks.yaml`, llm-d's Benchmark Report): recognised by their
 * top-level keys before being parsed, and parsed so that a hostile file stays harmless: the core
 * schema only (no custom or language tags), few aliases, a size cap, and no merge keys.
 */
import { parseDocument } from 'yaml';

/** Larger YAML is refused: a report of a few hundred rates is well under this. */
export const MAX_YAML_LENGTH = 20_000_000;
/** Aliases a report may expand; a "billion laughs" file needs far more. */
const MAX_ALIAS_COUNT = 100;

const GUIDELLM_KEYS = /^benchmarks:/m;
const LLM_D_VERSION = /^version:[ \t]*['"]?0\.2/m;

/** True for text whose top-level keys are those of a GuideLLM or llm-d report in YAML. */
export function looksLikeYamlReport(text: string): boolean {
  if (GUIDELLM_KEYS.test(text) && text.includes('generative_benchmark')) return true;
  return LLM_D_VERSION.test(text) && /^results:/m.test(text) && /^run:/m.test(text);
}

/** A YAML report's value, or why it could not be read. */
export type YamlParse =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** The first line of what the parser reported or threw; the rest is context a refusal leaves out. */
function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'invalid';
}

/** YAML text → its value (`.inf` is Infinity), or why it could not be read. Never throws. */
export function parseYamlReport(text: string): YamlParse {
  if (text.length > MAX_YAML_LENGTH) {
    return {
      ok: false,
      message: `larger than ${MAX_YAML_LENGTH.toLocaleString('en-US')} characters`,
    };
  }
  try {
    const document = parseDocument(text, {
      schema: 'core',
      customTags: [],
      merge: false,
      uniqueKeys: true,
      prettyErrors: false,
      logLevel: 'silent',
      stringKeys: true,
    });
    const error = document.errors[0];
    if (error !== undefined) return { ok: false, message: firstLine(error) };
    const value: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, message: firstLine(error) };
  }
}
