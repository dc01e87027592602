/**
 * The files of what was dropped, folders walked: a drop of a folder hands the page directory
 * entries, not files. Each file keeps its path inside the drop (`2026-09-30/results.md`), which
 * names its run when its content does not. Paths are listed first and only the files chosen by
 * them are opened, so a folder of logs and plots costs a listing, not a read of each.
 */

import { compareText } from '../data/text-order';

/** A file with its path among what was dropped or picked. */
export interface PathedFile {
  readonly file: File;
  readonly path: string;
}

/** A file entry with its path (no leading `/`). */
export interface PathedEntry {
  readonly entry: FileSystemFileEntry;
  readonly path: string;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

/** Every entry of a directory: a reader hands them out a batch at a time until an empty one. */
async function entriesOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => {
      reader.readEntries(resolve, reject);
    });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const byName = (a: FileSystemEntry, b: FileSystemEntry): number => compareText(a.name, b.name);

/**
 * The file entries under `entries`, depth first in name order, with their paths. A directory
 * that cannot be listed is counted in `unreadable` and the walk goes on.
 */
export async function fileEntriesUnder(
  entries: readonly FileSystemEntry[],
): Promise<{ files: PathedEntry[]; unreadable: number }> {
  const files: PathedEntry[] = [];
  let unreadable = 0;
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (isFile(entry)) {
      files.push({ entry, path: entry.fullPath.replace(/^\/+/, '') });
      return;
    }
    if (!isDirectory(entry)) return;
    let children: FileSystemEntry[];
    try {
      children = await entriesOf(entry);
    } catch {
      unreadable += 1;
      return;
    }
    for (const child of children.sort(byName)) await walk(child);
  };
  for (const entry of entries) await walk(entry);
  return { files, unreadable };
}

/** The file of an entry; null when it cannot be opened. */
export function fileOfEntry(entry: FileSystemFileEntry): Promise<File | null> {
  return new Promise((resolve) => {
    entry.file(resolve, () => {
      resolve(null);
    });
  });
}
