import { createDataset } from '../data/results/dataset';
import { isJsonObject } from '../data/formats/python-json';
import type { Dataset } from '../data/results/result-model';
import { useDashboardStore, type LoadProblem } from './dashboard-store';

/** Reads a file of the site by its path relative to the page (`data/manifest.json`). */
export type FetchText = (path: string) => Promise<string>;

export const BUNDLED_DATA_DIR = 'data/';
export const MANIFEST_PATH = `${BUNDLED_DATA_DIR}manifest.json`;

const PLAIN_FILE_NAME = /^[\w.-]+$/;

/** The manifest's list of bundled result files; only plain file names inside `data/` count. */
export function readManifest(text: string): string[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  if (!isJsonObject(value) || !Array.isArray(value.datasets)) return null;
  return value.datasets.filter(
    (file): file is string =>
      typeof file === 'string' && PLAIN_FILE_NAME.test(file) && !file.startsWith('.'),
  );
}

/** Fetches a file of this site, relative to the page, so the site works under any sub-path. */
export const fetchFromSite: FetchText = async (path) => {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.text();
};

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads the bundled nightly runs listed in `data/manifest.json` into the store, through the same
 * parser as every dropped file. Files that fail are reported; the others still load.
 */
export async function loadBundledData(fetchText: FetchText = fetchFromSite): Promise<void> {
  const store = useDashboardStore.getState();
  store.startLoading();
  const problems: LoadProblem[] = [];
  let files: string[] | null = null;
  try {
    files = readManifest(await fetchText(MANIFEST_PATH));
    if (files === null)
      problems.push({
        source: MANIFEST_PATH,
        message: 'The list of bundled results is malformed.',
      });
  } catch (error) {
    problems.push({
      source: MANIFEST_PATH,
      message: `The list of bundled results could not be loaded: ${reason(error)}.`,
    });
  }

  // The readers are a chunk of their own: every format's reader and a YAML parser, which the
  // first screen (painted from the prebuilt page) does not wait for.
  const { parseResultsText } = await import('../data/formats/parse-results');
  const loaded = await Promise.all(
    (files ?? []).map(async (file): Promise<Dataset | null> => {
      let text: string;
      try {
        text = await fetchText(`${BUNDLED_DATA_DIR}${file}`);
      } catch (error) {
        problems.push({ source: file, message: `Could not load ${file}: ${reason(error)}.` });
        return null;
      }
      const outcome = parseResultsText(text);
      if (!outcome.ok) {
        problems.push({
          source: file,
          message: `${file}: ${outcome.error.message}`,
          ...(outcome.error.hint === undefined ? {} : { hint: outcome.error.hint }),
        });
        return null;
      }
      return createDataset(outcome.value, { kind: 'bundled', name: file }, text);
    }),
  );
  store.addDatasets(loaded.filter((dataset): dataset is Dataset => dataset !== null));
  store.reportProblems(problems);
  store.finishLoading();
}
