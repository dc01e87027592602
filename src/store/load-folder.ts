/**
 * Folders of results, picked (`Load folder`) or dropped: their results files are loaded as one
 * load, each named by its path in the folder, and what was not read is said once.
 */
import { RESULTS_FILE_KINDS, chooseFolderFiles, folderNotice } from '../data/folder-files';
import { unreadableInput, type LoadProblem } from '../data/load-problem';
import { compareText } from '../data/text-order';
import { useDashboardStore } from './dashboard-store';
import { fileEntriesUnder, fileOfEntry } from './folder-entries';
import { fileInput, loadInputs, type LoadInput, type LoadReport } from './load-files';

/** A file of a folder by its path, opened only if it is read. */
export interface FolderItem {
  readonly path: string;
  readonly open: () => Promise<File | null>;
}

/**
 * Loads the results files among `items` (by their paths; at most MAX_FOLDER_FILES), telling
 * about the rest and about files that could not be opened. Returns null when there was nothing
 * to load, which is told too.
 */
export async function loadFolderItems(
  folder: string,
  items: readonly FolderItem[],
  unreadableFolders = 0,
): Promise<LoadReport | null> {
  const choice = chooseFolderFiles(items.map((item) => item.path));
  const problems: LoadProblem[] = [];
  const notice = folderNotice(folder, choice);
  if (notice !== null) problems.push({ source: folder, message: notice });
  if (unreadableFolders > 0) {
    problems.push({
      source: folder,
      message: `${folder}: ${String(unreadableFolders)} ${unreadableFolders === 1 ? 'folder' : 'folders'} in it could not be read.`,
    });
  }
  const inputs: LoadInput[] = [];
  for (const index of choice.read) {
    const item = items[index];
    if (item === undefined) continue;
    const file = await item.open().catch(() => null);
    if (file === null) {
      problems.push(unreadableInput(item.path));
    } else {
      inputs.push(fileInput(file, item.path));
    }
  }
  if (inputs.length === 0) {
    problems.push({
      source: folder,
      message: `${folder} has no results files (${RESULTS_FILE_KINDS}); nothing was loaded.`,
    });
    useDashboardStore.getState().reportProblems(problems);
    return null;
  }
  return loadInputs(inputs, problems);
}

/**
 * Files picked with a folder picker: each knows its path in the folder. The picker lists them in
 * no set order; they are loaded in path order, as a drop's are, so dated folders come in date
 * order.
 */
export function pickedFolderItems(files: Iterable<File>): FolderItem[] {
  return [...files]
    .map((file) => ({
      // Empty (or, in some environments, missing) for a file picked on its own.
      path: file.webkitRelativePath || file.name,
      open: () => Promise.resolve(file),
    }))
    .sort((a, b) => compareText(a.path, b.path));
}

/** The name to tell a folder by: its path's first segment, or the names of several. */
export function folderName(paths: readonly string[]): string {
  const tops = [...new Set(paths.map((path) => path.split('/')[0] ?? path))];
  return tops.length <= 3
    ? tops.join(', ')
    : `${tops.slice(0, 3).join(', ')} and ${String(tops.length - 3)} more`;
}

/** What was dropped, when it holds folders: every file under them, walked, then loaded. */
export async function loadDroppedEntries(entries: readonly FileSystemEntry[]): Promise<void> {
  const { files, unreadable } = await fileEntriesUnder(entries);
  const items = files.map(({ entry, path }) => ({ path, open: () => fileOfEntry(entry) }));
  await loadFolderItems(folderName(entries.map((entry) => entry.name)), items, unreadable);
}
