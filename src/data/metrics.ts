/**
 * Metric keys, their units and directions, and how table column names map onto them.
 *
 * Keys are stable identifiers shared by every format: distribution statistics are
 * `<quantity>_<stat>` (`ttft_p99`, `latency_mean`), scalars have a name of their own
 * (`request_throughput`). Columns we do not know become `x:<column name>` so nothing is dropped.
 */

export type MetricUnit = 'ms' | 's' | 'req/s' | 'tok/s' | 'tokens' | 'requests' | '';
export type MetricDirection = 'lower' | 'higher' | 'neutral';

export interface MetricInfo {
  readonly key: string;
  /** Short label for a column header, without the unit (e.g. "Mean TTFT"). */
  readonly label: string;
  /** A known unit, or the unit an unknown column carried in its name. */
  readonly unit: string;
  readonly direction: MetricDirection;
  /** One phrase saying what the number is, without a final period. */
  readonly description: string;
}

type Quantity = 'latency' | 'ttft' | 'tpot' | 'itl' | 'e2el';

const QUANTITIES: Readonly<Record<Quantity, { label: string; description: string }>> = {
  latency: { label: 'latency', description: 'end-to-end time to run one batch' },
  ttft: { label: 'TTFT', description: 'time to first token' },
  tpot: { label: 'TPOT', description: 'time per output token, excluding the first' },
  itl: { label: 'ITL', description: 'inter-token latency' },
  e2el: { label: 'E2E latency', description: 'end-to-end request latency' },
};

interface ScalarSpec {
  readonly label: string;
  readonly unit: MetricUnit;
  readonly direction: MetricDirection;
  readonly description: string;
}

const SCALARS: Readonly<Record<string, ScalarSpec>> = {
  request_throughput: {
    label: 'Throughput',
    unit: 'req/s',
    direction: 'higher',
    description: 'Requests completed per second',
  },
  token_throughput: {
    label: 'Token throughput',
    unit: 'tok/s',
    direction: 'higher',
    description: 'Input and output tokens processed per second',
  },
  total_token_throughput: {
    label: 'Total token throughput',
    unit: 'tok/s',
    direction: 'higher',
    description: 'Input and output tokens processed per second',
  },
  output_throughput: {
    label: 'Output throughput',
    unit: 'tok/s',
    direction: 'higher',
    description: 'Output tokens generated per second',
  },
  input_throughput: {
    label: 'Input throughput',
    unit: 'tok/s',
    direction: 'higher',
    description: 'Input tokens processed per second',
  },
  request_goodput: {
    label: 'Goodput',
    unit: 'req/s',
    direction: 'higher',
    description: 'Requests per second that met the service-level objectives',
  },
  num_requests: {
    label: 'Requests',
    unit: 'requests',
    direction: 'neutral',
    description: 'Number of requests in the run',
  },
  total_tokens: {
    label: 'Total tokens',
    unit: 'tokens',
    direction: 'neutral',
    description: 'Input and output tokens in the run',
  },
  total_input_tokens: {
    label: 'Input tokens',
    unit: 'tokens',
    direction: 'neutral',
    description: 'Input tokens in the run',
  },
  total_output_tokens: {
    label: 'Output tokens',
    unit: 'tokens',
    direction: 'neutral',
    description: 'Output tokens in the run',
  },
  elapsed_time: {
    label: 'Elapsed time',
    unit: 's',
    direction: 'lower',
    description: 'Wall-clock time of the whole run',
  },
  failed_requests: {
    label: 'Failed requests',
    unit: 'requests',
    direction: 'lower',
    description: 'Requests that ended in an error',
  },
  max_output_tokens_per_s: {
    label: 'Peak output throughput',
    unit: 'tok/s',
    direction: 'higher',
    description: 'Highest output tokens generated in one second of the run',
  },
  max_concurrent_requests: {
    label: 'Peak concurrent requests',
    unit: 'requests',
    direction: 'neutral',
    description: 'Most requests in flight at once during the run',
  },
};

const DISTRIBUTION_KEY = /^(latency|ttft|tpot|itl|e2el)_(mean|median|std|p\d{1,2}(?:\.\d+)?)$/;
const EXTRA_PREFIX = 'x:';

function statLabel(stat: string): string {
  if (stat === 'mean') return 'Mean';
  if (stat === 'median') return 'Median';
  if (stat === 'std') return 'Std';
  return stat.toUpperCase();
}

function statDescription(stat: string): string {
  if (stat === 'mean') return 'Mean';
  if (stat === 'median') return 'Median';
  if (stat === 'std') return 'Standard deviation of the';
  return `${stat.slice(1)}th percentile of the`;
}

/** The key a table column's unknown metric is kept under. */
export function extraMetricKey(columnName: string): string {
  return `${EXTRA_PREFIX}${columnName}`;
}

/** Everything the UI needs to show a metric, for any key, including `x:` extras. */
export function describeMetric(key: string): MetricInfo {
  const scalar = SCALARS[key];
  if (scalar !== undefined && Object.hasOwn(SCALARS, key)) return { key, ...scalar };
  const distribution = DISTRIBUTION_KEY.exec(key);
  if (distribution !== null) {
    const quantity = QUANTITIES[distribution[1] as Quantity];
    const stat = distribution[2] ?? 'mean';
    const label =
      distribution[1] === 'latency'
        ? `${statLabel(stat)} latency`
        : `${statLabel(stat)} ${quantity.label}`;
    const description = `${statDescription(stat)} ${quantity.description}`;
    return { key, label, unit: 'ms', direction: 'lower', description };
  }
  const column = key.startsWith(EXTRA_PREFIX) ? key.slice(EXTRA_PREFIX.length) : key;
  const unit = /\(([^()]*)\)\s*$/.exec(column)?.[1]?.trim() ?? '';
  const label = column.replace(/\s*\([^()]*\)\s*$/, '');
  return {
    key,
    label,
    unit,
    direction: 'neutral',
    description: `Column "${column}" as written in the file`,
  };
}

/** "lower is better" / "higher is better" / "" for a metric direction. */
export function directionText(direction: MetricDirection): string {
  if (direction === 'lower') return 'lower is better';
  if (direction === 'higher') return 'higher is better';
  return '';
}

/** What a table column holds. Dimensions describe the test; metrics are measured values. */
export type ColumnRole =
  | { readonly kind: 'test-name' }
  | { readonly kind: 'gpu' }
  | { readonly kind: 'model' }
  | { readonly kind: 'dataset' }
  | { readonly kind: 'input-len' }
  | { readonly kind: 'output-len' }
  | { readonly kind: 'tp' }
  | { readonly kind: 'pp' }
  | { readonly kind: 'dp' }
  | { readonly kind: 'qps' }
  | { readonly kind: 'concurrency' }
  /** A measured value; multiply the cell by `scale` to get the metric's unit (seconds → ms). */
  | { readonly kind: 'metric'; readonly key: string; readonly scale: number }
  /** A column we do not know: numbers become an `x:` metric, text an attribute. */
  | { readonly kind: 'extra'; readonly name: string };

const DIMENSIONS: ReadonlyMap<string, ColumnRole> = new Map<string, ColumnRole>([
  ['test name', { kind: 'test-name' }],
  ['gpu', { kind: 'gpu' }],
  ['model', { kind: 'model' }],
  ['dataset name', { kind: 'dataset' }],
  ['dataset', { kind: 'dataset' }],
  ['input len', { kind: 'input-len' }],
  ['output len', { kind: 'output-len' }],
  ['tp size', { kind: 'tp' }],
  ['tp', { kind: 'tp' }],
  ['pp size', { kind: 'pp' }],
  ['dp size', { kind: 'dp' }],
  ['qps', { kind: 'qps' }],
  ['# of max concurrency.', { kind: 'concurrency' }],
  ['# of max concurrency', { kind: 'concurrency' }],
  ['max concurrency', { kind: 'concurrency' }],
]);

/** Scalar columns by "name|unit" (lower case, unit without parentheses). */
const SCALAR_COLUMNS: ReadonlyMap<string, string> = new Map([
  ['tput|req/s', 'request_throughput'],
  ['tput|tok/s', 'token_throughput'],
  ['total token tput|tok/s', 'total_token_throughput'],
  ['output tput|tok/s', 'output_throughput'],
  ['input tput|tok/s', 'input_throughput'],
  ['goodput|req/s', 'request_goodput'],
  ['# of req.|', 'num_requests'],
  ['# of req|', 'num_requests'],
  ['total # of tokens|', 'total_tokens'],
  ['total input tokens|', 'total_input_tokens'],
  ['total output tokens|', 'total_output_tokens'],
  ['elapsed time|s', 'elapsed_time'],
]);

const QUANTITY_WORDS: ReadonlyMap<string, Quantity> = new Map([
  ['latency', 'latency'],
  ['ttft', 'ttft'],
  ['tpot', 'tpot'],
  ['itl', 'itl'],
  ['e2el', 'e2el'],
  ['e2e latency', 'e2el'],
]);

const STAT_WORDS: ReadonlyMap<string, string> = new Map([
  ['mean', 'mean'],
  ['average', 'mean'],
  ['avg', 'mean'],
  ['median', 'median'],
  ['std', 'std'],
  ['p50', 'median'],
]);

interface MetricContext {
  readonly quantity: Quantity;
  readonly unit: string;
}

const UNIT_SUFFIX = /\s*\(([^()]*)\)\s*$/;

interface SplitHeader {
  readonly name: string;
  readonly unit: string;
}

function splitHeader(header: string): SplitHeader {
  const normalized = header.replace(/\s+/g, ' ').trim();
  const unit = UNIT_SUFFIX.exec(normalized)?.[1]?.trim().toLowerCase() ?? '';
  return { name: normalized.replace(UNIT_SUFFIX, '').toLowerCase(), unit };
}

function readStat(word: string): string | null {
  const known = STAT_WORDS.get(word);
  if (known !== undefined) return known;
  return /^p\d{1,2}(?:\.\d+)?$/.test(word) ? word : null;
}

function unitScale(unit: string): number | null {
  if (unit === 'ms' || unit === '') return 1;
  if (unit === 's' || unit === 'sec') return 1000;
  return null;
}

/**
 * Column names of one table → what each holds. Bare `Median` / `P99` columns belong to the
 * metric on their left (V2/V5 headers); a table without a quantity on its left (V1 latency's
 * `P10 (s)`) uses `defaultQuantity`. A key used twice keeps the first column; the repeat
 * becomes an extra so its values are not lost.
 */
export function resolveColumns(
  headers: readonly string[],
  defaultQuantity: Quantity | null = null,
): ColumnRole[] {
  const roles: ColumnRole[] = [];
  const taken = new Set<string>();
  let context = null as MetricContext | null;

  for (const header of headers) {
    const { name, unit } = splitHeader(header);
    const dimension = DIMENSIONS.get(name);
    if (dimension !== undefined && unit === '') {
      roles.push(dimension);
      continue;
    }
    let key: string | null = null;
    let scale = 1;
    const scalar = SCALAR_COLUMNS.get(`${name}|${unit}`);
    if (scalar !== undefined) {
      key = scalar;
      context = null;
    } else {
      const [first = '', ...others] = name.split(' ');
      const stat = readStat(first);
      const quantityWord = others.join(' ');
      const quantity: Quantity | null | undefined =
        quantityWord === ''
          ? (context?.quantity ?? defaultQuantity)
          : QUANTITY_WORDS.get(quantityWord);
      const effectiveUnit: string =
        quantityWord === '' && unit === '' ? (context?.unit ?? '') : unit;
      const factor = unitScale(effectiveUnit);
      if (stat !== null && quantity !== undefined && quantity !== null && factor !== null) {
        key = `${quantity}_${stat}`;
        scale = factor;
        context = { quantity, unit: effectiveUnit };
      }
    }
    if (key !== null && taken.has(key) && key.endsWith('_median') && name.startsWith('p50')) {
      key = key.replace(/_median$/, '_p50');
    }
    if (key === null || taken.has(key)) {
      roles.push({ kind: 'extra', name: header.trim() });
      continue;
    }
    taken.add(key);
    roles.push({ kind: 'metric', key, scale });
  }
  return roles;
}
