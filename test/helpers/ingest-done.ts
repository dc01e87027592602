// The parsing worker's handler run in this thread on some files: its `done` reply.
import type { Fingerprinter } from '../../src/workers/fingerprint-protocol';
import { handleIngest } from '../../src/workers/ingest-handler';
import type { IngestDone, IngestReply } from '../../src/workers/ingest-protocol';

/** A file to hand the worker: a Blob as read from disk, or text as pasted. */
export interface FileToIngest {
  readonly name: string;
  readonly source: Blob | string;
}

/** What the handler answers last for `files`; throws unless it is `done`. */
export async function ingestDone(
  files: readonly FileToIngest[],
  fingerprinter?: Fingerprinter,
): Promise<IngestDone> {
  const posted: IngestReply[] = [];
  const inputs = files.map(({ name, source }) => ({
    name,
    kind: 'file' as const,
    size: typeof source === 'string' ? source.length : source.size,
    source,
  }));
  await handleIngest({ type: 'ingest', inputs }, (reply) => posted.push(reply), fingerprinter);
  const done = posted.at(-1);
  if (done?.type !== 'done') throw new Error('no done reply');
  return done;
}
