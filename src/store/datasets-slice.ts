import type { StateCreator } from 'zustand';
import { withAssumptions, type DatasetAssumptions } from '../data/results/assumptions';
import { resultColumns, rowsOfColumns } from '../data/results/columns-rows';
import { withFields } from '../data/results/results-on-demand';
import { datasetGpuLabels } from '../data/results/dataset';
import { distinctEngines } from '../data/results/provenance';
import { buildResultIndex, type ResultIndex } from '../data/results/result-index';
import { datasetColumns, resultCount, resultsOf, type Dataset } from '../data/results/result-model';
import type { DashboardStore } from './dashboard-store';
import { buildResultIndexSliced } from './sliced-index';
import { yieldToMain } from './yield';

/** Labels are text from files or typing: trimmed, one line, at most this long. */
export const MAX_LABEL_LENGTH = 120;

/** Datasets holding at least this many results in all are indexed in slices, not in one task. */
export const SLICED_INDEX_RESULTS = 10_000;

/** The loaded datasets, in the order shown, and the result index of their content. */
export interface DatasetsSlice {
  readonly datasets: readonly Dataset[];
  /**
   * All loaded results, indexed: set together with `datasets` whenever which datasets are loaded
   * or their order changes, never for a new label (labels are not its content; selectResultIndex
   * gives it with the current labels).
   */
  readonly index: ResultIndex;
  /** Adds datasets whose content is not loaded yet, indexing at once; returns the ids already there. */
  addDatasets: (datasets: readonly Dataset[]) => string[];
  /**
   * The same for a load: a large addition is indexed in slices first, so the page keeps
   * answering, and then shown with its index in one change. `order` (ids) arranges the result.
   */
  loadDatasets: (datasets: readonly Dataset[], order?: readonly string[]) => Promise<string[]>;
  /** Removes a dataset the user loaded; bundled datasets stay. */
  removeDataset: (id: string) => void;
  /** Gives a dataset the user loaded a new label (bundled ones keep theirs). */
  renameDataset: (id: string, label: string) => void;
  /**
   * Sets what the user says a dataset's file does not (engine, GPU; an empty record takes the
   * assumptions away): applied to the results that state nothing there, then indexed again.
   */
  assumeFacts: (id: string, assumed: DatasetAssumptions) => void;
  /** Moves a dataset to another place in the list (0 is first). */
  moveDataset: (id: string, to: number) => void;
  /** Removes every dataset the user loaded, keeping the bundled runs. */
  resetToBundled: () => void;
}

const EMPTY_INDEX = buildResultIndex([]);

export const initialDatasetsState: Pick<DatasetsSlice, 'datasets' | 'index'> = {
  datasets: [],
  index: EMPTY_INDEX,
};

/**
 * Loaded datasets plus incoming ones whose content is not loaded yet (by content id), and the
 * ids that were already there.
 */
export function mergeDatasets(
  current: readonly Dataset[],
  incoming: readonly Dataset[],
): { next: readonly Dataset[]; duplicates: string[] } {
  const known = new Set(current.map((dataset) => dataset.id));
  const duplicates: string[] = [];
  const added: Dataset[] = [];
  for (const dataset of incoming) {
    if (known.has(dataset.id)) {
      duplicates.push(dataset.id);
      continue;
    }
    known.add(dataset.id);
    added.push(dataset);
  }
  return { next: added.length === 0 ? current : [...current, ...added], duplicates };
}

/**
 * Datasets arranged by a saved order of ids: the places of the datasets it names are filled with
 * them in its order; the others (new bundled runs, files from another tab) keep their places.
 */
export function arrangeDatasets(
  datasets: readonly Dataset[],
  order: readonly string[],
): readonly Dataset[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const known = datasets
    .filter((dataset) => rank.has(dataset.id))
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  let k = 0;
  const next = datasets.map((dataset) => {
    if (!rank.has(dataset.id)) return dataset;
    k += 1;
    return known[k - 1] ?? dataset;
  });
  return next.every((dataset, i) => dataset === datasets[i]) ? datasets : next;
}

/**
 * A dataset with new assumptions: its results made again from its columns as read, the
 * assumptions applied where the file states nothing. A dataset without columns (read in the
 * page) gets them from its results, which are still as read until a first assumption.
 */
export function assumingDataset(dataset: Dataset, assumed: DatasetAssumptions): Dataset {
  const columns = datasetColumns(dataset) ?? resultColumns(dataset.results);
  const kept: DatasetAssumptions = {
    ...(assumed.engine === undefined ? {} : { engine: assumed.engine }),
    ...(assumed.gpu === undefined ? {} : { gpu: assumed.gpu }),
  };
  const none = kept.engine === undefined && kept.gpu === undefined;
  const { assumed: before, ...rest } = dataset;
  const asRead = before === undefined ? dataset.results : rowsOfColumns(columns);
  return {
    ...rest,
    ...(none ? {} : { assumed: kept }),
    results: withAssumptions(asRead, columns, none ? undefined : kept),
    columns,
  };
}

/** Same datasets, same content, same order: an index of one is an index of the other. */
function sameContent(a: readonly Dataset[], b: readonly Dataset[]): boolean {
  return (
    a.length === b.length &&
    a.every((dataset, i) => {
      const other = b[i];
      return (
        other !== undefined && dataset.id === other.id && resultsOf(dataset) === resultsOf(other)
      );
    })
  );
}

function totalCount(datasets: readonly Dataset[]): number {
  return datasets.reduce((sum, dataset) => sum + resultCount(dataset), 0);
}

/**
 * The datasets slice. `warmView` derives the filtered view of a state ahead (the memoised
 * selector's own work), so the render that shows a large addition finds it done.
 */
export function createDatasetsSlice(
  warmView: (state: DashboardStore) => void,
): StateCreator<DashboardStore, [], [], DatasetsSlice> {
  return (set, get) => {
    /**
     * Sets the datasets `arrange` makes of the current ones, with their index, in one change. A
     * large set is indexed in slices; if the datasets change meanwhile (another load finished),
     * `arrange` runs again on them, so nothing is lost.
     */
    const commit = async (
      arrange: (current: readonly Dataset[]) => readonly Dataset[],
      warm: readonly Dataset[] = [],
    ): Promise<void> => {
      for (;;) {
        const current = get().datasets;
        const next = arrange(current);
        if (next === current) return;
        if (totalCount(next) < SLICED_INDEX_RESULTS) {
          set({ datasets: next, index: buildResultIndex(next) });
          return;
        }
        const index = await buildResultIndexSliced(next);
        // The panel's GPU and engine lists of each new dataset, each in a task of its own.
        for (const dataset of warm) {
          await yieldToMain();
          datasetGpuLabels(dataset);
          await yieldToMain();
          distinctEngines(dataset);
        }
        await yieldToMain();
        // The filtered view too, for the filters and search in effect now.
        warmView({ ...get(), datasets: next, index });
        await yieldToMain();
        const latest = arrange(get().datasets);
        if (sameContent(latest, next)) {
          // The list indexed, unless a label changed meanwhile (the index does not hold labels).
          const same = latest.every((dataset, i) => dataset === next[i]);
          set({ datasets: same ? next : latest, index });
          return;
        }
      }
    };

    return {
      ...initialDatasetsState,
      addDatasets: (incoming) => {
        const { next, duplicates } = mergeDatasets(get().datasets, incoming);
        if (next !== get().datasets) set({ datasets: next, index: buildResultIndex(next) });
        return duplicates;
      },
      loadDatasets: async (incoming, order = []) => {
        const { duplicates } = mergeDatasets(get().datasets, incoming);
        await commit(
          (current) => arrangeDatasets(mergeDatasets(current, incoming).next, order),
          incoming,
        );
        return duplicates;
      },
      removeDataset: (id) => {
        void commit((current) => {
          const next = current.filter(
            (dataset) => dataset.id !== id || dataset.source.kind === 'bundled',
          );
          return next.length === current.length ? current : next;
        });
      },
      renameDataset: (id, label) => {
        const clean = label.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_LENGTH);
        if (clean === '') return;
        const datasets = get().datasets;
        const next = datasets.map((dataset) =>
          dataset.id === id && dataset.source.kind !== 'bundled' && dataset.label !== clean
            ? withFields(dataset, { label: clean })
            : dataset,
        );
        // Only the labels change: the index of the content stays as it is.
        if (next.some((dataset, i) => dataset !== datasets[i])) set({ datasets: next });
      },
      assumeFacts: (id, assumed) => {
        void commit((current) => {
          const at = current.findIndex((dataset) => dataset.id === id);
          const dataset = current[at];
          if (dataset === undefined || dataset.source.kind === 'bundled') return current;
          const next = [...current];
          next[at] = assumingDataset(dataset, assumed);
          return next;
        });
      },
      moveDataset: (id, to) => {
        void commit((current) => {
          const from = current.findIndex((dataset) => dataset.id === id);
          const place = Math.max(0, Math.min(current.length - 1, to));
          if (from === -1 || from === place) return current;
          const next = current.filter((dataset) => dataset.id !== id);
          next.splice(place, 0, current[from] as Dataset);
          return next;
        });
      },
      resetToBundled: () => {
        void commit((current) => {
          const next = current.filter((dataset) => dataset.source.kind === 'bundled');
          return next.length === current.length ? current : next;
        });
      },
    };
  };
}
