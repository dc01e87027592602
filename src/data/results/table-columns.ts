import { MISSING, formatMetricValue, formatQps, metricHeader } from '../format';
import { ENGINE_NOT_STATED } from './filter-groups';
import { gpuLabel } from '../gpu';
import { describeMetric, directionText, type MetricDirection } from '../metrics';
import { modelLabel } from '../models';
import type { BenchmarkResult, Suite } from './result-model';

/** Columns that describe the test rather than measure it, in the order tables show them. */
export type DescribingColumn =
  'model' | 'tp' | 'gpu' | 'engine' | 'dataset' | 'qps' | 'concurrency';

export interface ColumnInfo {
  readonly id: string;
  readonly header: string;
  readonly numeric: boolean;
  /** True for a metric's column (a measured number), false for one that describes the test. */
  readonly metric: boolean;
  /** What the column holds and, for metrics, whether lower or higher is better. */
  readonly description: string;
  readonly direction: MetricDirection;
}

const DESCRIBING: Readonly<Record<DescribingColumn, Omit<ColumnInfo, 'id' | 'metric'>>> = {
  model: {
    header: 'Model',
    numeric: false,
    description: 'Model under test; the raw test name is shown below it',
    direction: 'neutral',
  },
  tp: {
    header: 'TP',
    numeric: true,
    description: 'Tensor-parallel size: how many GPUs one model instance runs on',
    direction: 'neutral',
  },
  gpu: {
    header: 'GPU',
    numeric: false,
    description: 'GPUs of the machine the benchmark ran on',
    direction: 'neutral',
  },
  engine: {
    header: 'Engine',
    numeric: false,
    description: 'The serving engine measured, as the file names it',
    direction: 'neutral',
  },
  dataset: {
    header: 'Dataset',
    numeric: false,
    description: 'The loaded results this row comes from',
    direction: 'neutral',
  },
  qps: {
    header: 'QPS',
    numeric: true,
    description: 'Offered request rate; inf sends all requests at once',
    direction: 'neutral',
  },
  concurrency: {
    header: 'Concurrency',
    numeric: true,
    description: 'Most requests in flight at once; — is no cap',
    direction: 'neutral',
  },
};

/** Describing columns shown only when the loaded results differ in them. */
export interface OptionalColumns {
  /** More than one engine (or a file that does not name its engine) is loaded. */
  readonly engine: boolean;
  /** Serving results differ in their concurrency cap. */
  readonly concurrency: boolean;
}

const NO_OPTIONAL_COLUMNS: OptionalColumns = { engine: false, concurrency: false };

/** The columns of a suite's table, describing columns first, then the metrics present. */
export function suiteColumnIds(
  suite: Suite,
  metricKeys: readonly string[],
  optional: OptionalColumns = NO_OPTIONAL_COLUMNS,
): string[] {
  const describing: DescribingColumn[] = ['model', 'tp', 'gpu'];
  if (optional.engine) describing.push('engine');
  describing.push('dataset');
  if (suite === 'serving') {
    describing.push('qps');
    if (optional.concurrency) describing.push('concurrency');
  }
  return [...describing, ...metricKeys];
}

function isDescribing(id: string): id is DescribingColumn {
  return Object.hasOwn(DESCRIBING, id);
}

/** Header, alignment and tooltip text of any column id. */
export function describeColumn(id: string): ColumnInfo {
  if (isDescribing(id)) return { id, ...DESCRIBING[id], metric: false };
  const metric = describeMetric(id);
  const direction = directionText(metric.direction);
  return {
    id,
    header: metricHeader(id),
    numeric: true,
    metric: true,
    description: direction === '' ? metric.description : `${metric.description} (${direction})`,
    direction: metric.direction,
  };
}

/** A cell as a table shows it (numbers to two decimals, `—` when missing). */
export function cellText(id: string, result: BenchmarkResult, datasetLabel: string): string {
  switch (id) {
    case 'model':
      return modelLabel(result.model);
    case 'tp':
      return result.tp === null ? '—' : String(result.tp);
    case 'gpu':
      return gpuLabel(result.gpu);
    case 'dataset':
      return datasetLabel;
    case 'engine':
      return result.engine ?? ENGINE_NOT_STATED;
    case 'qps':
      return formatQps(result.qps);
    case 'concurrency':
      return result.concurrency === null ? MISSING : String(result.concurrency);
    default:
      return formatMetricValue(id, result.metrics[id]);
  }
}
