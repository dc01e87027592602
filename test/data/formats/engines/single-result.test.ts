// @vitest-environment node
/** What the readers of a one-result file (AIPerf, GenAI-Perf, LLMPerf) share. */
import { describe, expect, it } from 'vitest';
import { AIPERF_READER } from '../../../../src/data/formats/engines/aiperf';
import { LLMPERF_READER } from '../../../../src/data/formats/engines/llmperf';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import { rawContext } from '../../../../src/data/formats/raw-result';
import { fixture, only, parsedOrFail, refusedOrFail } from '../fixtures';

const READERS = [
  ['AIPerf', AIPERF_READER],
  ['LLMPerf', LLMPERF_READER],
] as const;

describe('a one-result reader', () => {
  it('knows no JSON value that is not an object, and refuses one it is asked to read', () => {
    for (const [name, reader] of READERS) {
      for (const value of [null, 'text', 3, [], [{ version: '2023-08-31' }]]) {
        const what = `${name} ${JSON.stringify(value)}`;
        expect(reader.looksLike(value), what).toBe(false);
        const error = refusedOrFail(reader.read(value, rawContext(null, null)));
        expect([error.kind, error.message], what).toEqual([
          'not-results',
          'This is no results file.',
        ]);
      }
    }
  });

  it('names its result after the CI test its file is named after', () => {
    const name = 'serving_llama8B_tp1_sharegpt_qps_4';
    for (const path of [
      'aiperf/profile_export_aiperf.json',
      'aiperf/profile_export_genai_perf.json',
      'llmperf/meta-llama-Llama-2-7b-chat-hf_550_150_summary.json',
    ]) {
      const parsed = parsedOrFail(parseResultsText(fixture(path), `${name}.json`));
      expect(only(parsed).testName, path).toBe(name);
    }
  });
});
