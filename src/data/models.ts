/**
 * Models by the names people use. vLLM's CI names its three models by tokens (`llama8B`); other
 * files by Hugging Face id (`meta-llama/Llama-3.1-8B-Instruct`) or by the local path the server
 * loaded (`/models/Llama-3.1-8B-Instruct/`). All of these name one model.
 */

/** Display names of the model tokens used in vLLM's CI test names. */
const MODEL_NAMES: ReadonlyMap<string, string> = new Map([
  ['llama8B', 'Llama 3.1 8B'],
  ['llama70B', 'Llama 3 70B'],
  ['mixtral8x7B', 'Mixtral 8x7B'],
]);

/** The Hugging Face names (lower case, without the organisation) CI's tokens stand for. */
const TOKENS_BY_NAME: ReadonlyMap<string, string> = new Map([
  ['meta-llama-3.1-8b-instruct', 'llama8B'],
  ['llama-3.1-8b-instruct', 'llama8B'],
  ['meta-llama-3-70b-instruct', 'llama70B'],
  ['llama-3-70b-instruct', 'llama70B'],
  ['mixtral-8x7b-instruct-v0.1', 'mixtral8x7B'],
]);

/**
 * The last segment of a model id or path: `meta-llama/Llama-3.1-8B-Instruct` →
 * `Llama-3.1-8B-Instruct`, `C:\models\Qwen2.5-7B\` → `Qwen2.5-7B`.
 */
export function modelShortName(model: string): string {
  const parts = model.split(/[/\\]/).filter((part) => part.trim() !== '');
  return parts[parts.length - 1]?.trim() ?? model;
}

/**
 * One key per model, however a file names it: CI's token for the models CI runs, otherwise the
 * name without organisation or path. What filters, comparisons and series match on.
 */
export function modelKey(model: string): string {
  // CI's tokens, the names nearly every nightly row has, are keys already: no split on the hot
  // paths (sorting, aligning and filtering every row) for them.
  if (MODEL_NAMES.has(model)) return model;
  const name = modelShortName(model);
  return TOKENS_BY_NAME.get(name.toLowerCase()) ?? name;
}

/** A model as people read it (`llama8B` → `Llama 3.1 8B`); other names without path or organisation. */
export function modelLabel(model: string): string {
  const key = modelKey(model);
  if (key === '') return 'Unknown model';
  return MODEL_NAMES.get(key) ?? key;
}
