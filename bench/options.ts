// The explorer bench's command line: `npx tsx bench/run.ts --help`.
import { parseArgs } from 'node:util';
import { distDirOf } from '../test/harness/site.ts';

const USAGE =
  'usage: npx tsx bench/run.ts [--sizes 10000,100000,1000000] [--reps 6] [--load-timeout 180] [--dist dist] [--keep]\n' +
  '                            [--only explorer|charts] [--chart-reps 8] [--build]';

export interface RunOptions {
  explorer: boolean;
  charts: boolean;
  chartReps: number;
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
        build: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

/** The options, checked; prints the usage and exits on a bad one or `--help`. */
export function readOptions(): RunOptions {
  const parsed = parse();
  if (parsed.help) usage();
  const sizes = parsed.sizes.split(',').map((text) => Number(text.trim().replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 5_000_000)) {
    usage(`--sizes must be whole numbers of results (1 … 5,000,000), got ${parsed.sizes}`);
  }
  const reps = Number(parsed.reps);
  if (!Number.isInteger(reps) || reps < 1 || reps > 50)
    usage(`--reps must be 1 … 50, got ${parsed.reps}`);
  const loadTimeoutS = Number(parsed['load-timeout']);
  if (!(loadTimeoutS > 0))
    usage(`--load-timeout must be seconds > 0, got ${parsed['load-timeout']}`);
  if (parsed.only !== undefined && !['explorer', 'charts'].includes(parsed.only))
    usage(`--only must be explorer or charts, got ${parsed.only}`);
  const chartReps = Number(parsed['chart-reps']);
  if (!Number.isInteger(chartReps) || chartReps < 1 || chartReps > 50)
    usage(`--chart-reps must be 1 … 50, got ${parsed['chart-reps']}`);
  return {
    explorer: parsed.only !== 'charts',
    charts: parsed.only !== 'explorer',
    chartReps,
    sizes,
    reps,
    loadTimeoutMs: loadTimeoutS * 1000,
    keep: parsed.keep,
    build: parsed.build,
    distDir: distDirOf(parsed.dist),
  };
}
