/** Display names of the model tokens used in vLLM's CI test names. */
const MODEL_NAMES: ReadonlyMap<string, string> = new Map([
  ['llama8B', 'Llama 3.1 8B'],
  ['llama70B', 'Llama 3 70B'],
  ['mixtral8x7B', 'Mixtral 8x7B'],
]);

/** Model token → the name people use (`llama8B` → `Llama 3.1 8B`); unknown tokens as written. */
export function modelLabel(model: string): string {
  if (model === '') return 'Unknown model';
  return MODEL_NAMES.get(model) ?? model;
}
