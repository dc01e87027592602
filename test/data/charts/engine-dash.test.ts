// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { engineDash, engineStyleText, enginesOf } from '../../../src/data/charts/engine-dash';

describe('engine line styles', () => {
  const engines = enginesOf([
    { engine: 'TensorRT-LLM' },
    { engine: null },
    { engine: 'SGLang' },
    { engine: 'vLLM' },
    { engine: 'SGLang' },
  ]);

  it('lists vLLM first, the others by name, not stated last, each once', () => {
    expect(engines).toEqual(['vLLM', 'SGLang', 'TensorRT-LLM', null]);
  });

  it('draws the first solid and the others dashed, dotted, dash-dotted', () => {
    expect(engineDash(engines, 'vLLM')).toBeUndefined();
    expect(engineDash(engines, 'SGLang')).toBe('6 4');
    expect(engineDash(engines, 'TensorRT-LLM')).toBe('2 3');
    expect(engineDash(engines, null)).toBe('8 3 2 3');
    // An engine not in the list is drawn solid rather than guessed.
    expect(engineDash(engines, 'TGI')).toBeUndefined();
    // The patterns repeat after the fourth engine.
    expect(engineDash(['a', 'b', 'c', 'd', 'e'], 'e')).toBe('6 4');
  });

  it('says which style is which, and nothing for one engine', () => {
    expect(engineStyleText(engines)).toBe(
      'Line style tells engines apart: solid vLLM, dashed SGLang, dotted TensorRT-LLM, dash-dotted engine not stated.',
    );
    expect(engineStyleText(['vLLM'])).toBe('');
  });
});
