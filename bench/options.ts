// The bench's command line: `npx tsx bench/run.ts --help`.
import { parseArgs } from 'node:util';
import { distDirOf } from '../test/harness/site.ts';

export const PARTS = [
  'explorer',
  'charts',
  'ingest',
  'pick',
  'first-row',
  'code',
  'regression',
  'formats',
] as const;
export type BenchPart = (typeof PARTS)[number];

const USAGE =
  'usage: npx tsx bench/run.ts [--sizes 10000,100000,1000000] [--reps 6] [--load-timeout 180] [--dist dist] [--keep]\n' +
  `                            [--only ${PARTS.join(',')}] [--chart-reps 8]\n` +
  '                            [--ingest-reps 3] [--pick-reps 1] [--first-row-reps 5]\n' +
  '                            [--regression-reps 7] [--build]';

export interface RunOptions {
  explorer: boolean;
  charts: boolean;
  /** The 100,000-result page picked: ingest ÷ JSON.parse, longest task, heap. */
  ingest: boolean;
  /** The explorer's 1,000,000 results picked at once: the longest task. */
  pick: boolean;
  firstRow: boolean;
  code: boolean;
  /** One night's regression report of 500 series × 365 nights, in Node and in the app's worker. */
  regression: boolean;
  /** Reading speed per format (MB/s) in Node, beside bare JSON.parse of the same bytes. */
  formats: boolean;
  chartReps: number;
  ingestReps: number;
  pickReps: number;
  firstRowReps: number;
  regressionReps: number;
  sizes: number[];
  reps: number;
  loadTimeoutMs: number;
  keep: boolean;
  build: boolean;
  distDir: string;
}

function usage(message?: string): never {
  if (message) console.error(`bench: ${message}`);
  (message ? console.error : console.log)(USAGE);
  process.exit(message ? 2 : 0);
}

function parse() {
  try {
    return parseArgs({
      options: {
        sizes: { type: 'string', default: '10000,100000,1000000' },
        reps: { type: 'string', default: '6' },
        'load-timeout': { type: 'string', default: '180' },
        dist: { type: 'string', default: 'dist' },
        keep: { type: 'boolean', default: false },
        only: { type: 'string' },
        'chart-reps': { type: 'string', default: '8' },
        'ingest-reps': { type: 'string', default: '3' },
        'pick-reps': { type: 'string', default: '1' },
        'first-row-reps': { type: 'string', default: '5' },
        'regression-reps': { type: 'string', default: '7' },
        build: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

/** A whole number of repetitions in 1 … 50, or the usage. */
function repsOf(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 50) usage(`--${name} must be 1 … 50, got ${text}`);
  return n;
}

/** The parts `--only` names (all of them without it). */
function partsOf(only: string | undefined): Set<BenchPart> {
  if (only === undefined) return new Set(PARTS);
  const named = only.split(',').map((part) => part.trim());
  const unknown = named.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (named.length === 0 || unknown.length > 0)
    usage(`--only takes parts among ${PARTS.join(', ')}; got ${only}`);
  return new Set(named as BenchPart[]);
}

/** The options, checked; prints the usage and exits on a bad one or `--help`. */
export function readOptions(): RunOptions {
  const parsed = parse();
  if (parsed.help) usage();
  const sizes = parsed.sizes.split(',').map((text) => Number(text.trim().replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 5_000_000)) {
    usage(`--sizes must be whole numbers of results (1 … 5,000,000), got ${parsed.sizes}`);
  }
  const loadTimeoutS = Number(parsed['load-timeout']);
  if (!(loadTimeoutS > 0))
    usage(`--load-timeout must be seconds > 0, got ${parsed['load-timeout']}`);
  const parts = partsOf(parsed.only);
  return {
    explorer: parts.has('explorer'),
    charts: parts.has('charts'),
    ingest: parts.has('ingest'),
    pick: parts.has('pick'),
    firstRow: parts.has('first-row'),
    code: parts.has('code'),
    regression: parts.has('regression'),
    formats: parts.has('formats'),
    chartReps: repsOf('chart-reps', parsed['chart-reps']),
    ingestReps: repsOf('ingest-reps', parsed['ingest-reps']),
    pickReps: repsOf('pick-reps', parsed['pick-reps']),
    firstRowReps: repsOf('first-row-reps', parsed['first-row-reps']),
    regressionReps: repsOf('regression-reps', parsed['regression-reps']),
    sizes,
    reps: repsOf('reps', parsed.reps),
    loadTimeoutMs: loadTimeoutS * 1000,
    keep: parsed.keep,
    build: parsed.build,
    distDir: distDirOf(parsed.dist),
  };
}
