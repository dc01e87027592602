// The regression engine's recall and false alarms on seeded synthetic nights, from the built
// regression worker (bench/engine-thread.ts), as the Regressions table would show them:
//   npx tsx bench/regression-quality.ts [--dist dist] [--trials 200]
// (after `npm run build`). Prints, per step size from 1σ to 10σ (σ = 1.5% night-to-night noise,
// a central metric with its 3% floor), the share of steps confirmed within 3 runs after the step
// and the share flagged (suspect or confirmed) on the step's own night; then, on pure noise, the
// suspect and confirmed rows per series per night for σ 1.5% (a mean) and σ 5% (a P99, 10% floor).
import { parseArgs } from 'node:util';
import { distDirOf, requireBuild } from '../test/harness/site.ts';
import {
  nightlySeries,
  noisyValues,
  normalDraws,
  upToNight,
} from '../test/helpers/noisy-series.ts';
import { startEngineThread } from './engine-thread.ts';
import type { EngineThread } from './engine-thread.ts';

const SIGMA = 0.015;
/** Series per synthetic night, and how many of them carry the step (no GPU has most jump). */
const NIGHT_SERIES = 100;
const STEPPED = 10;
/** Runs before the step: a full window of 20 and more. */
const STEP_AT = 40;
const GPUS = ['8×H100', '8×H200', '8×A100'];

type SeriesInput = ReturnType<typeof nightlySeries>;

/** The flagged rows of a night, by test name. */
async function flaggedOf(
  thread: EngineThread,
  inputs: readonly SeriesInput[],
): Promise<Map<string, 'confirmed' | 'suspect'>> {
  const { report } = await thread.report({ inputs, gpus: GPUS });
  if (report.events.length > 0) throw new Error('an environment event hid rows');
  return new Map(report.rows.map((row) => [row.testName, row.status]));
}

interface Recall {
  sigmas: number;
  confirmedWithin3: number;
  flaggedOnStepNight: number;
  trials: number;
}

async function recallOf(thread: EngineThread, sigmas: number, trials: number): Promise<Recall> {
  const draw = normalDraws(1000 + sigmas);
  let confirmedWithin3 = 0;
  let flaggedOnStepNight = 0;
  let done = 0;
  for (let night = 0; done < trials; night++) {
    const inputs = Array.from({ length: NIGHT_SERIES }, (_, i) => {
      const planted = i < STEPPED ? { steps: [{ at: STEP_AT, log: sigmas * SIGMA }] } : {};
      const key = {
        gpu: GPUS[i % GPUS.length] ?? '',
        testName: `n${night}_${i}`,
        metric: 'ttft_mean',
      };
      return nightlySeries(key, noisyValues(draw, STEP_AT + 3, SIGMA, planted));
    });
    const byAfter: Map<string, 'confirmed' | 'suspect'>[] = [];
    for (const after of [1, 2, 3]) {
      byAfter.push(
        await flaggedOf(
          thread,
          inputs.map((input) => upToNight(input, STEP_AT + after)),
        ),
      );
    }
    for (let i = 0; i < STEPPED && done < trials; i++, done++) {
      const name = `n${night}_${i}`;
      if (byAfter.some((rows) => rows.get(name) === 'confirmed')) confirmedWithin3 += 1;
      if (byAfter[0]?.has(name) === true) flaggedOnStepNight += 1;
    }
  }
  return { sigmas, confirmedWithin3, flaggedOnStepNight, trials };
}

interface FalseAlarms {
  metric: string;
  sigma: number;
  seriesNights: number;
  suspect: number;
  confirmed: number;
}

/** 500 series of pure noise judged on each of nights 21 … 60 (every night with a full window). */
async function falseAlarmsOf(
  thread: EngineThread,
  metric: string,
  sigma: number,
): Promise<FalseAlarms> {
  const draw = normalDraws(sigma === SIGMA ? 7 : 8);
  const inputs = Array.from({ length: 500 }, (_, i) =>
    nightlySeries(
      { gpu: GPUS[i % GPUS.length] ?? '', testName: `q${i}`, metric },
      noisyValues(draw, 60, sigma),
    ),
  );
  const result = { metric, sigma, seriesNights: 0, suspect: 0, confirmed: 0 };
  for (let nights = 21; nights <= 60; nights++) {
    const rows = await flaggedOf(
      thread,
      inputs.map((input) => upToNight(input, nights)),
    );
    result.seriesNights += inputs.length;
    for (const status of rows.values()) result[status] += 1;
  }
  return result;
}

const percent = (part: number, whole: number, digits = 1): string =>
  `${((100 * part) / whole).toFixed(digits)}%`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      trials: { type: 'string', default: '200' },
    },
  });
  const distDir = distDirOf(values.dist);
  requireBuild(distDir, 'run `npm run build` first');
  const trials = Number(values.trials);
  if (!Number.isInteger(trials) || trials < 10) throw new Error('--trials must be 10 or more');
  const thread = await startEngineThread(distDir);
  try {
    console.log(
      `Recall: ${trials} steps per size, each in a night of ${NIGHT_SERIES} series (${STEPPED} stepped), σ = ${SIGMA * 100}%, floor 3%`,
    );
    console.log('  step   confirmed within 3 runs   flagged on the step night');
    for (let sigmas = 1; sigmas <= 10; sigmas++) {
      const recall = await recallOf(thread, sigmas, trials);
      console.log(
        `  ${`${sigmas}σ`.padStart(4)}   ${`${recall.confirmedWithin3}/${trials} = ${percent(recall.confirmedWithin3, trials)}`.padEnd(24)}  ${recall.flaggedOnStepNight}/${trials} = ${percent(recall.flaggedOnStepNight, trials)}`,
      );
    }
    console.log('False alarms: 500 series of pure noise, each judged on nights 21 … 60');
    for (const [metric, sigma] of [
      ['ttft_mean', SIGMA],
      ['ttft_p99', 0.05],
    ] as const) {
      const alarms = await falseAlarmsOf(thread, metric, sigma);
      console.log(
        `  ${metric} (σ ${sigma * 100}%): suspect ${alarms.suspect}/${alarms.seriesNights} = ${percent(alarms.suspect, alarms.seriesNights, 2)}, confirmed ${alarms.confirmed}/${alarms.seriesNights} = ${percent(alarms.confirmed, alarms.seriesNights, 2)} per series per night`,
      );
    }
  } finally {
    await thread.close();
  }
}

main().catch((error: unknown) => {
  console.error(`regression-quality: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
