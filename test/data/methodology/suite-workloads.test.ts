// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SUITE_WORKLOADS, workloadFacts } from '../../../src/data/methodology/suite-workloads';
import { readFixture } from '../../helpers/seed';
import { factsOf } from './methodology-fixtures';

/** The bullet lines under one section title of a nightly page, up to its table. */
function bulletsOf(page: string, title: string): string[] {
  const lines = page.split('\n');
  const start = lines.indexOf(title);
  const bullets: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('- ')) break;
    bullets.push(line.slice(2));
  }
  return bullets;
}

describe('SUITE_WORKLOADS', () => {
  it('says what the top of every nightly page says, bullet by bullet', () => {
    for (const gpu of ['8xH100', '8xH200', '8xA100-SXM4-80GB']) {
      const page = readFixture(`nightly/nightly-${gpu}.md`);
      const { latency, throughput, serving } = SUITE_WORKLOADS;
      expect(bulletsOf(page, 'Latency tests')).toEqual([
        `Input length: ${latency.input}.`,
        `Output length: ${latency.output}.`,
        `Batch size: ${latency.batch}.`,
        `Models: ${latency.models}.`,
        `Evaluation metrics: ${latency.metrics}.`,
      ]);
      expect(bulletsOf(page, 'Throughput tests')).toEqual([
        `Input length: ${throughput.input}.`,
        `Output length: ${throughput.output}.`,
        `Batch size: ${throughput.batch}.`,
        `Models: ${throughput.models}.`,
        `Evaluation metrics: ${throughput.metrics}.`,
      ]);
      expect(bulletsOf(page, 'Serving tests')).toEqual([
        `Input length: ${serving.input}.`,
        `Output length: ${serving.output}.`,
        `Batch size: ${serving.batch}.`,
        `${serving.arrivals ?? ''}.`,
        `Models: ${serving.models}.`,
        ...serving.notes,
        `Evaluation metrics: ${serving.metrics}.`,
      ]);
    }
  });

  it('has the workload in the words people ask with', () => {
    expect(factsOf(workloadFacts(SUITE_WORKLOADS.latency))).toEqual({
      Input: '32 tokens',
      Output: '128 tokens',
      'Batch size': 'fixed (8)',
      Models: 'llama-3.1 8B, llama-3 70B, mixtral 8x7B',
      Metrics: 'end-to-end latency (mean, median, p99)',
    });
    expect(SUITE_WORKLOADS.latency.summary).toBe('32 input / 128 output tokens, batch 8');
    expect(SUITE_WORKLOADS.throughput.input).toBe(
      'randomly sample 200 prompts from ShareGPT dataset (with fixed random seed)',
    );
    const serving = workloadFacts(SUITE_WORKLOADS.serving);
    expect(serving.map((fact) => fact.term)).toEqual([
      'Input',
      'Output',
      'Batch size',
      'Request arrivals',
      'Models',
      'Metrics',
      'Also',
    ]);
    expect(factsOf(serving)['Request arrivals']).toMatch(
      /^Average QPS \(query per second\): 1, 4, 16 and inf\. .*random Poisson process \(with fixed random seed\)$/,
    );
    expect(SUITE_WORKLOADS.serving.summary).toBe(
      '200 ShareGPT prompts at QPS 1, 4, 16 and inf, Poisson arrivals (fixed seed)',
    );
  });
});
