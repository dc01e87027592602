// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { VLLM, engineName } from '../../src/data/engines';

describe('engineName', () => {
  it('names an engine from any spelling files use', () => {
    expect(engineName('vllm')).toBe('vLLM');
    expect(VLLM).toBe('vLLM');
    // SGLang's `framework` key says `sgl`; its bench_serving backends `sglang`, `sglang-oai`.
    expect(engineName('sgl')).toBe('SGLang');
    expect(engineName('sglang-oai')).toBe('SGLang');
    expect(engineName('SGLang')).toBe('SGLang');
    // trtllm-bench's backend, vLLM's old nightly backends, and the spellings of TensorRT-LLM.
    expect(engineName('TensorRT_LLM')).toBe('TensorRT-LLM');
    expect(engineName('trt')).toBe('TensorRT-LLM');
    expect(engineName('trtllm')).toBe('TensorRT-LLM');
    expect(engineName('tgi')).toBe('TGI');
    expect(engineName('lmdeploy')).toBe('LMDeploy');
    expect(engineName('llm-d')).toBe('llm-d');
  });

  it('names none for a protocol, an unknown word or a huge string', () => {
    expect(engineName('openai')).toBeNull();
    expect(engineName('openai-chat')).toBeNull();
    expect(engineName('')).toBeNull();
    expect(engineName('__proto__')).toBeNull();
    expect(engineName('constructor')).toBeNull();
    expect(engineName(`vllm${' '.repeat(70)}`)).toBeNull();
    expect(engineName(`vllm${' '.repeat(60)}`)).toBe('vLLM');
  });
});
