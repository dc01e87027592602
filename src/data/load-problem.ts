/** Problems of loading, in words a person can act on: what every loader reports. */

/** Something that could not be loaded, said so a person can act on it. */
export interface LoadProblem {
  /** The file or source the problem is about. */
  readonly source: string;
  readonly message: string;
  readonly hint?: string;
}

/** The problem of an input that could not be read at all (a file gone, a folder locked). */
export function unreadableInput(name: string): LoadProblem {
  return { source: name, message: `${name} was not loaded: it could not be read.` };
}
