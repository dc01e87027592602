/**
 * The passes over rows that building the result index makes after the first (first-pass.ts):
 * ranks, radix-sort passes and placing rows in reading order, each over typed arrays.
 *
 * The build's loops over rows live in plain functions, called a few thousand rows at a time
 * (each takes the rows `from` … `to` − 1, all of them by default): the engine optimizes a function
 * it sees called again and again, while a loop inside the generator body ran unoptimized through
 * a whole first build (about 3× slower for 94,000 rows). A whole pass at once over a million rows
 * was 10-35 ms, and a few of them in one slice made the page's longest task of a large pick.
 */
import { NOT_APPLICABLE } from './filter-groups';
import type { RowRange } from './steps';

/** Every row of an array, as one range. */
function everyRow(rows: ArrayLike<unknown>): RowRange {
  return { from: 0, to: rows.length };
}

function compareNullableNumbers(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/**
 * Codes for the distinct values of one number field (TP, QPS, concurrency) ranked by size,
 * missing last, as the comparator `compareNullableNumbers` orders them.
 */
export class NumberRanks {
  private readonly firstSeen = new Map<number | null, number>();
  readonly codes: Uint32Array;

  constructor(total: number) {
    this.codes = new Uint32Array(total);
  }

  // Neighbouring rows mostly share a value (a table's TP, a run's QPS): the last is checked first.
  private lastValue: number | null | undefined = undefined;
  private lastCode = 0;

  /** Records a row's value; returns its first-seen code (the same for the same value). */
  set(row: number, value: number | null): number {
    let code = this.lastCode;
    if (value !== this.lastValue) {
      const known = this.firstSeen.get(value);
      if (known === undefined) {
        code = this.firstSeen.size;
        this.firstSeen.set(value, code);
      } else {
        code = known;
      }
      this.lastValue = value;
      this.lastCode = code;
    }
    this.codes[row] = code;
    return code;
  }

  private ranks: Uint32Array | null = null;

  /**
   * Each first-seen code's rank, worked out (once) when the last row is set: its length is how
   * many distinct values there are.
   */
  rankOfCode(): Uint32Array {
    if (this.ranks === null) {
      const values = [...this.firstSeen.keys()].sort(compareNullableNumbers);
      const ranks = new Uint32Array(values.length);
      values.forEach((value, rank) => {
        ranks[this.firstSeen.get(value) ?? 0] = rank;
      });
      this.ranks = ranks;
    }
    return this.ranks;
  }

  /** Turns the first-seen codes of some rows into ranks. */
  rankRows({ from, to }: RowRange = everyRow(this.codes)): void {
    const ranks = this.rankOfCode();
    const { codes } = this;
    for (let i = from; i < to; i += 1) codes[i] = ranks[codes[i] ?? 0] ?? 0;
  }

  /** Turns every first-seen code into a rank; returns how many distinct values there are. */
  rank(): number {
    this.rankRows();
    return this.rankOfCode().length;
  }
}

/**
 * One stable counting-sort pass: `order` reordered by each row's key (0 … keyCount − 1) into
 * `out`. Passes from the least to the most significant key sort by all of them (LSD radix).
 */
export function countingPass(
  order: Uint32Array,
  keys: ArrayLike<number>,
  keyCount: number,
  out: Uint32Array,
): void {
  const pass = new CountingPass(keys, keyCount);
  pass.count(order, everyRow(order));
  pass.place(order, out, everyRow(order));
}

/**
 * A counting-sort pass a range of rows at a time: every row of `order` counted by its key first,
 * then every row placed, in order.
 */
export class CountingPass {
  /** Rows per key (at key + 1) while counting; then where each key's next row goes. */
  private readonly starts: Uint32Array;
  private counted = false;

  constructor(
    private readonly keys: ArrayLike<number>,
    keyCount: number,
  ) {
    this.starts = new Uint32Array(keyCount + 1);
  }

  count(order: Uint32Array, { from, to }: RowRange): void {
    const { keys, starts } = this;
    for (let i = from; i < to; i += 1) {
      const key = keys[order[i] ?? 0] ?? 0;
      starts[key + 1] = (starts[key + 1] ?? 0) + 1;
    }
  }

  place(order: Uint32Array, out: Uint32Array, { from, to }: RowRange): void {
    const { keys, starts } = this;
    if (!this.counted) {
      for (let k = 1; k < starts.length; k += 1)
        starts[k] = (starts[k] ?? 0) + (starts[k - 1] ?? 0);
      this.counted = true;
    }
    for (let i = from; i < to; i += 1) {
      const row = order[i] ?? 0;
      const key = keys[row] ?? 0;
      const at = starts[key] ?? 0;
      out[at] = row;
      starts[key] = at + 1;
    }
  }
}

/** First-seen codes → ranks, leaving NOT_APPLICABLE as it is. */
export function remapCodes(codes: Uint16Array, remap: Uint16Array, rows = everyRow(codes)): void {
  const { from, to } = rows;
  for (let i = from; i < to; i += 1) {
    const code = codes[i] ?? NOT_APPLICABLE;
    codes[i] = code === NOT_APPLICABLE ? NOT_APPLICABLE : (remap[code] ?? 0);
  }
}

/** `out[i] = table[values[i]]` for every i (of `rows`); `out` returned. */
export function mapped(
  values: Uint32Array,
  table: Uint32Array,
  out = new Uint32Array(values.length),
  { from, to } = everyRow(values),
): Uint32Array {
  for (let i = from; i < to; i += 1) out[i] = table[values[i] ?? 0] ?? 0;
  return out;
}

/** 0, 1, …, total − 1: rows in the order they were loaded (`rows` of `order` filled). */
export function identityOrder(
  total: number,
  order: Uint32Array<ArrayBuffer> = new Uint32Array(total),
  { from, to } = everyRow(order),
): Uint32Array<ArrayBuffer> {
  for (let i = from; i < to; i += 1) order[i] = i;
  return order;
}

/**
 * `into[position] = from[order[position]]`: a row-indexed array of group codes put in reading
 * order, counting in `counts` how many rows have each code (NOT_APPLICABLE is not counted).
 */
export function gather(
  from: Uint16Array,
  order: Uint32Array,
  into: Uint16Array,
  counts: Uint32Array,
  { from: start, to: end } = everyRow(order),
): void {
  for (let position = start; position < end; position += 1) {
    const code = from[order[position] ?? 0] ?? NOT_APPLICABLE;
    into[position] = code;
    if (code !== NOT_APPLICABLE) counts[code] = (counts[code] ?? 0) + 1;
  }
}

/**
 * Each suite's positions, ascending, from each position's suite code; `fill` says how many of
 * each suite are in so far, so positions can be given a range at a time, in order.
 */
export function fillBySuite(
  suiteAt: Uint8Array,
  suiteArrays: readonly Uint32Array[],
  fill = [0, 0, 0],
  { from, to } = everyRow(suiteAt),
): void {
  for (let position = from; position < to; position += 1) {
    const suite = suiteAt[position] ?? 0;
    const at = fill[suite] ?? 0;
    const into = suiteArrays[suite];
    if (into !== undefined) into[at] = position;
    fill[suite] = at + 1;
  }
}

/** What placing rows in reading order reads and fills in. */
export interface ReadingPass {
  readonly order: Uint32Array;
  readonly unorderedDataset: Uint32Array;
  readonly unorderedRow: Uint32Array;
  readonly suiteOf: Uint8Array;
  readonly nameOf: Uint32Array;
  readonly names: readonly string[];
  readonly datasetOf: Uint32Array;
  readonly rowOf: Uint32Array;
  readonly suiteAt: Uint8Array;
  readonly suiteCounts: number[];
  /** Test names numbered again in reading order of first appearance. */
  readonly testNames: string[];
  readonly readingCode: Int32Array;
  readonly testNameOf: Uint32Array;
}

/** Positions `from` … `to` − 1 of the reading order: datasets and rows, suites, test names. */
export function placeRows(pass: ReadingPass, from: number, to: number): void {
  const { order, unorderedDataset, unorderedRow, suiteOf, nameOf, names } = pass;
  const { datasetOf, rowOf, suiteAt, suiteCounts, testNames, readingCode, testNameOf } = pass;
  for (let position = from; position < to; position += 1) {
    const row = order[position] ?? 0;
    datasetOf[position] = unorderedDataset[row] ?? 0;
    rowOf[position] = unorderedRow[row] ?? 0;
    const suite = suiteOf[row] ?? 0;
    suiteAt[position] = suite;
    suiteCounts[suite] = (suiteCounts[suite] ?? 0) + 1;
    const loadCode = nameOf[row] ?? 0;
    let nameCode = readingCode[loadCode] ?? -1;
    if (nameCode === -1) {
      nameCode = testNames.length;
      readingCode[loadCode] = nameCode;
      testNames.push(names[loadCode] ?? '');
    }
    testNameOf[position] = nameCode;
  }
}
