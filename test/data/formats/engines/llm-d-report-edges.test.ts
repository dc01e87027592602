// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseResultsText } from '../../../../src/data/formats/parse-results';
import type { ParseOutcome } from '../../../../src/data/results/result-model';
import { fixture, only, parsedOrFail, refusedOrFail } from '../fixtures';

type Json = Record<string, unknown>;
interface Component {
  metadata?: Json;
  standardized?: Json;
}
interface Report extends Json {
  scenario: { stack?: Component[]; load: { standardized: Json } };
  results: { request_performance: { aggregate: { requests: Json; throughput: Json } } };
}

const NOT_READ = 'This JSON is not a benchmark results file this dashboard reads.';

let report: Report;

beforeEach(() => {
  report = parseYaml(fixture('llm-d/benchmark-report-v0.2.yaml')) as Report;
});

/**
 * The report written as JSON and read back: `.inf` as the text Python writes, a key set to
 * undefined left out.
 */
function read(value: unknown = report): ParseOutcome {
  const json = JSON.stringify(value, (_key, item: unknown) => (item === Infinity ? 'inf' : item));
  return parseResultsText(json, 'report.json');
}

/** The stack's components; the fixture's first is the vLLM engine, then a scheduler. */
function stack(): Component[] {
  const components = report.scenario.stack;
  if (components === undefined) throw new Error('no stack');
  return components;
}

function engineOf(): Json {
  const engine = stack()[0]?.standardized;
  if (engine === undefined) throw new Error('no engine');
  return engine;
}

describe('an llm-d report’s version and keys', () => {
  it('is known by a 0.2 version, with or without a patch number', () => {
    for (const version of [0.2, '0.2', '0.2.1', '0.2.10', ' 0.2.1 ']) {
      expect(parsedOrFail(read({ ...report, version })).format.id, String(version)).toBe(
        'llm-d-report',
      );
    }
  });

  it('is not read under another version', () => {
    for (const version of ['0.1', '10.2', '0.20', '0.2.1-rc1', 0.3, undefined]) {
      const error = refusedOrFail(read({ ...report, version }));
      expect(error.message, String(version)).toBe(NOT_READ);
    }
  });

  it('is not read without its run or its results', () => {
    expect(refusedOrFail(read({ ...report, run: undefined })).message).toBe(NOT_READ);
    expect(refusedOrFail(read({ ...report, results: undefined })).message).toBe(NOT_READ);
  });
});

describe('an llm-d report’s requests and throughput', () => {
  it('leaves out a rate whose units are not per second, and says so', () => {
    report.results.request_performance.aggregate.throughput.request_rate = {
      units: 'queries',
      mean: 15.93,
    };
    const parsed = parsedOrFail(read());
    expect(parsed.warnings).toEqual([
      'throughput.request_rate is in "queries", not a unit it can be: it was left out.',
    ]);
    expect(only(parsed).metrics.request_throughput).toBeUndefined();
    expect(only(parsed).metrics.output_throughput).toBe(4063.8);
  });

  it('names where the failures were read', () => {
    expect(parsedOrFail(read()).meta?.sources?.failed_requests).toBe('requests.failures');
  });

  it('counts no completed requests when the failures outnumber the total', () => {
    report.results.request_performance.aggregate.requests = { total: 10, failures: 12 };
    const { metrics } = only(parsedOrFail(read()));
    expect(metrics.failed_requests).toBe(12);
    expect(metrics.num_requests).toBeUndefined();
  });

  it('counts no completed requests without a total', () => {
    report.results.request_performance.aggregate.requests = { failures: 0, incomplete: 0 };
    const { metrics } = only(parsedOrFail(read()));
    expect(metrics.failed_requests).toBe(0);
    expect(metrics.num_requests).toBeUndefined();
  });

  it('counts zero completed requests when every request failed or was left incomplete', () => {
    report.results.request_performance.aggregate.requests = {
      total: 16,
      failures: 12,
      incomplete: 4,
    };
    expect(only(parsedOrFail(read())).metrics.num_requests).toBe(0); // 16 − 12 − 4
  });
});

describe('an llm-d report’s load', () => {
  it('reads an unbounded concurrency without a rate as all requests at once', () => {
    delete report.scenario.load.standardized.rate_qps;
    const result = only(parsedOrFail(read()));
    expect([result.qps, result.concurrency]).toEqual([Infinity, null]);
    expect(result.testName).toBe('serving_Llama-3.1-70B-Instruct_tp4_qps_inf');
  });

  it('reads a concurrency cap without a rate as the cap alone', () => {
    delete report.scenario.load.standardized.rate_qps;
    report.scenario.load.standardized.concurrency = 32;
    const result = only(parsedOrFail(read()));
    expect([result.qps, result.concurrency]).toEqual([Infinity, 32]);
  });

  it('reads a rate and a concurrency cap together', () => {
    report.scenario.load.standardized.concurrency = 32;
    const result = only(parsedOrFail(read()));
    expect([result.qps, result.concurrency]).toEqual([16, 32]);
  });
});

describe('an llm-d report’s stack', () => {
  it('finds the inference engine after other components', () => {
    stack().reverse();
    const result = only(parsedOrFail(read()));
    expect([result.engine, result.tp]).toEqual(['vLLM', 4]);
  });

  it('passes over a v0.2 component with neither kind nor GPUs before the engine', () => {
    stack().reverse();
    for (const { standardized } of stack()) delete standardized?.kind;
    const result = only(parsedOrFail(read()));
    expect([result.engine, result.tp]).toEqual(['vLLM', 4]);
  });

  it('passes over a component of another kind even when it has accelerators', () => {
    stack().reverse();
    const [scheduler] = stack();
    if (scheduler?.standardized === undefined) throw new Error('no scheduler');
    scheduler.standardized.accelerator = { model: 'NVIDIA-L4', count: 1 };
    const result = only(parsedOrFail(read()));
    expect([result.engine, result.tp, result.gpu]).toEqual(['vLLM', 4, { type: 'H100', count: 8 }]);
  });

  it('passes over a component that states nothing standardized', () => {
    stack().unshift({ metadata: { label: 'gateway' } });
    expect(only(parsedOrFail(read())).engine).toBe('vLLM');
  });

  it('takes an inference engine by its kind even without accelerators', () => {
    delete engineOf().accelerator;
    const result = only(parsedOrFail(read()));
    expect(result.engine).toBe('vLLM');
    expect(result.model).toBe('meta-llama/Llama-3.1-70B-Instruct');
    expect([result.tp, result.gpu]).toEqual([null, null]);
  });

  it('states no GPU for accelerators without a model, and no count without one', () => {
    const accelerator = engineOf().accelerator as Json;
    delete accelerator.count;
    expect(only(parsedOrFail(read())).gpu).toEqual({ type: 'H100', count: null });
    delete accelerator.model;
    expect(only(parsedOrFail(read())).gpu).toBeNull();
  });

  it('states no engine for an engine component that names no tool', () => {
    delete engineOf().tool;
    const result = only(parsedOrFail(read()));
    expect(result.engine).toBeNull();
    expect(result.tp).toBe(4);
  });

  it('reads a report without a stack, or with its engine past the first 100 components', () => {
    const fillers = Array.from({ length: 100 }, () => ({ standardized: { kind: 'generic' } }));
    report.scenario.stack = [...fillers, ...stack()];
    const late = only(parsedOrFail(read()));
    delete report.scenario.stack;
    const none = only(parsedOrFail(read()));
    for (const result of [late, none]) {
      expect([result.engine, result.model, result.tp, result.gpu]).toEqual([null, '', null, null]);
      expect(result.testName).toBe('serving_qps_16');
    }
  });
});
