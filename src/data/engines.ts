/**
 * Serving engines by the names people use. Files name them in many spellings: a `backend` or
 * `framework` key (`vllm`, `sgl`, `trt`), a tool's config (`tensorrt_llm`), a test-name prefix.
 */

/** Spellings (lower case, separators dropped) → the engine's name. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['vllm', 'vLLM'],
  ['sglang', 'SGLang'],
  ['sgl', 'SGLang'],
  ['sglangoai', 'SGLang'],
  ['sglangnative', 'SGLang'],
  ['tensorrtllm', 'TensorRT-LLM'],
  ['trtllm', 'TensorRT-LLM'],
  ['trt', 'TensorRT-LLM'],
  ['tgi', 'TGI'],
  ['textgenerationinference', 'TGI'],
  ['lmdeploy', 'LMDeploy'],
  ['dynamo', 'Dynamo'],
  ['llmd', 'llm-d'],
  ['deepspeedmii', 'DeepSpeed-MII'],
  ['mii', 'DeepSpeed-MII'],
]);

/** vLLM's own benchmark tools measure vLLM unless a file says otherwise. */
export const VLLM = 'vLLM';

/**
 * The engine a hint names (`sgl` → `SGLang`, `TensorRT_LLM` → `TensorRT-LLM`), or null when it
 * names none: a client protocol such as `openai` or `openai-chat` says nothing about the server.
 */
export function engineName(hint: string): string | null {
  if (hint.length > 64) return null;
  return ALIASES.get(hint.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? null;
}
