// Holders of results made on demand: a dataset, or a reader's parsed results, whose `results`
// are the rows of one set of columns as read (`ColumnResults`), each made when it is asked for.
import { ColumnResults } from './columns-rows';
import type { ResultColumns } from './result-columns';
import type { Dataset, ParsedResults } from './result-model';

/** What a holder of results on demand has besides its other fields. */
type OnDemandFields = 'results' | 'columns' | 'onDemand';

/**
 * `fields` with `results` that are the rows of `columns` as read, made when asked for
 * (`onDemand`, not enumerable); `results` makes them all the first time it is read.
 */
function withRowsOnDemand<T extends object>(fields: T, columns: ResultColumns): T {
  const onDemand = new ColumnResults(columns);
  const holder = { ...fields };
  Object.defineProperty(holder, 'results', { get: () => onDemand.list(), enumerable: true });
  Object.defineProperty(holder, 'onDemand', { value: onDemand, enumerable: false });
  return holder;
}

/** A dataset whose results are the rows of `columns` as read, made when asked for. */
export function datasetOfColumns(
  fields: Omit<Dataset, OnDemandFields>,
  columns: ResultColumns,
): Dataset {
  return withRowsOnDemand({ ...fields, columns }, columns) as Dataset;
}

/**
 * A reader's results that are the rows of `columns` as read, made when asked for: the dataset
 * made of them is a dataset of columns (`createDataset`), and no result is made on the way.
 */
export function parsedOfColumns(
  fields: Omit<ParsedResults, OnDemandFields>,
  columns: ResultColumns,
): ParsedResults {
  return withRowsOnDemand(fields, columns) as ParsedResults;
}

/**
 * A copy of a dataset, or of parsed results, with some fields changed (a new label, more
 * warnings). Results on demand stay so: still made when asked for, and the same objects (a
 * spread would make them all).
 */
export function withFields<T extends Dataset | ParsedResults>(
  value: T,
  change: Partial<Omit<T, OnDemandFields>>,
): T {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(value)) as T;
  return Object.assign(copy, change);
}

/** A dataset's fields but its results and their columns, none of them made. */
export function fieldsOf(dataset: Dataset): Omit<Dataset, OnDemandFields> {
  const fields: Record<string, unknown> = {};
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(dataset))) {
    if (key !== 'results' && key !== 'columns' && descriptor.enumerable === true) {
      fields[key] = descriptor.value;
    }
  }
  return fields as Omit<Dataset, OnDemandFields>;
}
