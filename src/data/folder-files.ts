/**
 * Which files of a folder to read. A folder of nightlies holds more than results (logs, plots,
 * a README's images): only files whose extension a results file has are read, and the rest are
 * counted and named by extension, not each refused with a message of its own.
 */
import { lastPathSegment } from './formats/file-name';

/** Extensions of the files every reader of the dashboard takes, `.commands` sidecars included. */
export const RESULT_EXTENSIONS: readonly string[] = [
  '.json',
  '.jsonl',
  '.md',
  '.markdown',
  '.txt',
  '.yaml',
  '.yml',
  '.commands',
];

/**
 * The file picker's `accept`: the same extensions, and the media types some systems' pickers go
 * by instead. A picker that filtered more would grey out files the dashboard reads (a GuideLLM or
 * llm-d `.yaml`, a `.commands` sidecar).
 */
export const PICKER_ACCEPT = [
  ...RESULT_EXTENSIONS,
  'application/json',
  'application/yaml',
  'text/markdown',
  'text/plain',
].join(',');

/** The extensions of results files themselves (a `.commands` file only completes one). */
export const RESULTS_FILE_KINDS = RESULT_EXTENSIONS.filter(
  (extension) => extension !== '.commands',
).join(', ');

/** At most this many files of a folder are read at once; the rest are said to be left out. */
export const MAX_FOLDER_FILES = 2_000;

/** A file's extension, lower case with its dot (`.json`); '' for none. */
export function extensionOf(path: string): string {
  const name = lastPathSegment(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** True for files the system or editors leave in folders: `.DS_Store`, `._x.json`, `~$x.md`. */
function isSystemFile(path: string): boolean {
  const name = lastPathSegment(path);
  return name.startsWith('.') || name.startsWith('~$') || name === 'Thumbs.db';
}

export interface FolderChoice {
  /** Indexes of the paths to read, in their order. */
  readonly read: readonly number[];
  /** Files left out for their extension, and their extensions (sorted; '' for none). */
  readonly skipped: number;
  readonly skippedExtensions: readonly string[];
  /** Results files past MAX_FOLDER_FILES, not read. */
  readonly overLimit: number;
}

/** The files of a folder to read, by their paths. */
export function chooseFolderFiles(
  paths: readonly string[],
  limit = MAX_FOLDER_FILES,
): FolderChoice {
  const read: number[] = [];
  const skippedExtensions = new Set<string>();
  let skipped = 0;
  let overLimit = 0;
  paths.forEach((path, index) => {
    const system = isSystemFile(path);
    const extension = extensionOf(path);
    if (system || !RESULT_EXTENSIONS.includes(extension)) {
      skipped += 1;
      if (!system) skippedExtensions.add(extension);
      return;
    }
    if (read.length >= limit) overLimit += 1;
    else read.push(index);
  });
  return { read, skipped, skippedExtensions: [...skippedExtensions].sort(), overLimit };
}

/** What to tell about a folder's files that were not read; null when all were. */
export function folderNotice(folder: string, choice: FolderChoice): string | null {
  const parts: string[] = [];
  if (choice.skipped > 0) {
    const kinds = choice.skippedExtensions.map((extension) => extension || 'no extension');
    const named =
      kinds.length === 0
        ? ''
        : ` (${kinds.slice(0, 6).join(', ')}${kinds.length > 6 ? ', …' : ''})`;
    const one = choice.skipped === 1;
    parts.push(
      `${choice.skipped.toLocaleString('en-US')} ${one ? 'file was' : 'files were'} not read: ${one ? 'by its name it is not a results file' : 'by their names they are not results files'}${named}`,
    );
  }
  if (choice.overLimit > 0) {
    parts.push(
      `${choice.overLimit.toLocaleString('en-US')} more results ${choice.overLimit === 1 ? 'file was' : 'files were'} left out: a folder is read up to ${MAX_FOLDER_FILES.toLocaleString('en-US')} files at a time`,
    );
  }
  return parts.length === 0 ? null : `${folder}: ${parts.join('; ')}.`;
}
