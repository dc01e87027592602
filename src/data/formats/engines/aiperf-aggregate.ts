/**
 * AIPerf's multi-run aggregate, `aggregate/profile_export_aiperf_aggregate.json`, written when
 * `--num-profile-runs` is above 1. Each statistic of each run's export is flattened to
 * `<metric>_<stat>` (`time_to_first_token_p50`, `request_throughput_avg`) and summarised across the
 * successful runs as `{mean, std, min, max, cv, se, ci_low, ci_high, t_critical, unit}` under
 * `metrics`, beside `metadata.{aggregation_type: "confidence", num_profile_runs,
 * num_successful_runs, failed_runs, confidence_level, …}`.
 *
 * A result's values are the `mean`s (the runs' TTFT medians averaged, and so on), mapped as the
 * one-run export is (aiperf.ts: `inter_token_latency` is TPOT, `inter_chunk_latency` ITL). The
 * file states no model, load, date or GPU (each run's own export does), so those stay unknown.
 * The confidence interval of the headline metrics is kept as extras.
 */
import { extraMetricKey } from '../../metrics';
import type { DetectedFormat } from '../../results/result-model';
import { isJsonObject } from '../python-json';
import { NOTHING_STATED, type StatedFacts } from '../raw-result';
import { countOf, finiteOf, own, ownObject, textOf, type JsonRecord } from '../shared';
import { AIPERF_GROUPS } from './aiperf';
import {
  meanLength,
  newReadMetrics,
  perSecondRate,
  readStats,
  toMilliseconds,
  unitOf,
  type ReadMetrics,
  type Scale,
} from './read-metrics';
import { singleResultReader } from './single-result';

const LABEL = 'AIPerf multi-run aggregate JSON';

/**
 * The headline metrics whose confidence interval is kept: the flattened key, what the extra is
 * called, in which unit, and how the file's unit converts to it.
 */
const INTERVALS: readonly (readonly [
  key: string,
  label: string,
  unit: string,
  scaleOf: (unit: string | null) => Scale | null,
])[] = [
  ['request_throughput_avg', 'Request throughput', 'req/s', perSecondRate],
  ['output_token_throughput_avg', 'Output throughput', 'tok/s', perSecondRate],
  ['time_to_first_token_p50', 'Median TTFT', 'ms', toMilliseconds],
  ['inter_token_latency_p50', 'Median TPOT', 'ms', toMilliseconds],
];

function looksLike(value: unknown): boolean {
  if (!isJsonObject(value) || ownObject(value, 'metrics') === null) return false;
  const metadata = ownObject(value, 'metadata');
  return metadata !== null && own(metadata, 'aggregation_type') === 'confidence';
}

function metadataOf(file: JsonRecord): JsonRecord {
  return ownObject(file, 'metadata') ?? {};
}

/** How many runs were made, and how many succeeded (the means are over those); null: unstated. */
function runsOf(file: JsonRecord): { made: number | null; used: number | null } {
  const metadata = metadataOf(file);
  return {
    made: countOf(own(metadata, 'num_profile_runs')),
    used: countOf(own(metadata, 'num_successful_runs')),
  };
}

function runsWord(count: number): string {
  return `${count} run${count === 1 ? '' : 's'}`;
}

/** The format, its label saying over how many runs each value is a mean. */
function formatOf(file: JsonRecord): { format: DetectedFormat; what: string } {
  const { used } = runsOf(file);
  const label = used === null ? LABEL : `${LABEL} (means over ${runsWord(used)})`;
  return { format: { id: 'aiperf-aggregate', label }, what: 'an AIPerf multi-run aggregate' };
}

/** Warns when runs failed (the means leave them out) or one run is all there is. */
function warnAboutRuns(file: JsonRecord, warnings: string[]): void {
  const { made, used } = runsOf(file);
  if (used === 1) {
    const of = made === null || made === 1 ? 'run' : `of ${made} runs`;
    warnings.push(
      `Only 1 ${of} succeeded: each value is that run's own, without a confidence interval.`,
    );
  } else if (used !== null && made !== null && used < made) {
    warnings.push(
      `${made - used} of ${made} runs failed: each value is the mean over the ${used} that succeeded.`,
    );
  }
}

/** The unit's conversion, or null with a warning that the metric was left out. */
function scaleOrWarn(
  summary: JsonRecord,
  key: string,
  scaleOf: (unit: string | null) => Scale | null,
  warnings: string[],
): Scale | null {
  const unit = unitOf(summary, 'unit');
  const scale = scaleOf(unit);
  if (scale === null) {
    warnings.push(`metrics.${key} is in "${unit ?? ''}", not a unit it can be: it was left out.`);
  }
  return scale;
}

function readMetrics(file: JsonRecord, warnings: string[]): ReadMetrics {
  const into = newReadMetrics();
  const metrics = ownObject(file, 'metrics') ?? {};
  const { used } = runsOf(file);
  const overRuns = used === null ? ' (mean over the runs)' : ` (mean over ${runsWord(used)})`;
  for (const group of AIPERF_GROUPS) {
    for (const [name, keyOf, meaning = ''] of group.entries) {
      for (const [stat, dashboardStat] of group.paths) {
        const key = `${name}_${stat}`;
        const summary = ownObject(metrics, key);
        if (summary === null) continue;
        const scale = scaleOrWarn(summary, key, group.scaleOf, warnings);
        if (scale === null) continue;
        const note = `${meaning}${overRuns}`;
        readStats(into, keyOf, summary, [['mean', dashboardStat]], scale, `metrics.${key}.`, note);
      }
    }
  }
  readIntervals(into, metrics, file);
  warnAboutRuns(file, warnings);
  return into;
}

/**
 * The confidence interval of each headline metric, as extras in the metric's unit. Left out when
 * `t_critical` is missing: one successful run has no interval (AIPerf writes it as the mean).
 */
function readIntervals(into: ReadMetrics, metrics: JsonRecord, file: JsonRecord): void {
  const level = finiteOf(own(metadataOf(file), 'confidence_level'));
  const percent = level !== null && level > 0 && level < 1 ? `${+(level * 100).toFixed(2)}% ` : '';
  const { used } = runsOf(file);
  const runs = used === null ? 'the runs' : runsWord(used);
  const note = ` (${percent}confidence interval of the mean over ${runs})`;
  for (const [key, label, unit, scaleOf] of INTERVALS) {
    const summary = ownObject(metrics, key);
    if (summary === null || finiteOf(own(summary, 't_critical')) === null) continue;
    // A unit it cannot be was warned about with the mean.
    const scale = scaleOf(unitOf(summary, 'unit'));
    if (scale === null) continue;
    for (const bound of ['low', 'high'] as const) {
      const extra = extraMetricKey(`${label} CI ${bound} (${unit})`);
      readStats(
        into,
        () => extra,
        summary,
        [[`ci_${bound}`, bound]],
        scale,
        `metrics.${key}.`,
        note,
      );
    }
  }
}

/** The mean length of `<metric>_avg` in whole tokens, or null. */
function lengthOf(metrics: JsonRecord, key: string): number | null {
  const summary = ownObject(metrics, key);
  return summary === null ? null : meanLength(own(summary, 'mean'));
}

function stated(file: JsonRecord): StatedFacts {
  const metrics = ownObject(file, 'metrics') ?? {};
  // A public dataset's provenance: `{source_type: "public_dataset", loader: "sharegpt", …}`.
  const dataset = ownObject(metadataOf(file), 'dataset');
  return {
    ...NOTHING_STATED,
    dataset: dataset === null ? null : textOf(own(dataset, 'loader')),
    inputLen: lengthOf(metrics, 'input_sequence_length_avg'),
    outputLen: lengthOf(metrics, 'output_sequence_length_avg'),
  };
}

/** An AIPerf multi-run aggregate → one serving result of the runs' means; engine null. */
export const AIPERF_AGGREGATE_READER = singleResultReader({
  suite: 'serving',
  looksLike,
  formatOf,
  missing: 'any latency or throughput metric',
  hint: 'Expected metrics.time_to_first_token_avg, metrics.request_latency_p50 or metrics.request_throughput_avg as {mean, unit, …}.',
  metrics: readMetrics,
  stated,
  date: () => null,
});
