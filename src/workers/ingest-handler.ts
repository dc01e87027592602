import { StreamingFingerprint } from '../data/dataset';
import { ingestTexts, type LoadProblem, type TextInput } from '../data/ingest';
import { packResults, packTransferables } from '../data/results-pack';
import type { IngestInput, IngestReply, IngestRequest, PackedDataset } from './ingest-protocol';

export type PostReply = (reply: IngestReply, transfer?: Transferable[]) => void;

/** Progress is worth telling about this often, not for every chunk read. */
const PROGRESS_INTERVAL_MS = 50;

/** Bytes read per step: reading a slice whole is faster than a stream's small chunks. */
const READ_SLICE_BYTES = 32 * 1024 * 1024;

/**
 * Reads a file as UTF-8 text (byte-order mark dropped, bad bytes replaced), telling how far it
 * got. The bytes are gathered into one buffer a large slice at a time and decoded once (decoding
 * piece by piece and joining makes a string of pieces the parser must copy again); the content
 * fingerprint is taken from each slice while the next one is being read.
 */
export async function readBlob(
  blob: Blob,
  onBytes: (bytes: number) => void,
  sliceBytes: number = READ_SLICE_BYTES,
): Promise<{ text: string; contentId: string }> {
  const fingerprint = new StreamingFingerprint();
  const size = blob.size;
  const buffer = new Uint8Array(size);
  const readSlice = (at: number): Promise<ArrayBuffer> =>
    blob.slice(at, Math.min(size, at + sliceBytes)).arrayBuffer();
  let next = size > 0 ? readSlice(0) : null;
  let filled = 0;
  while (next !== null) {
    const slice = new Uint8Array(await next);
    // A file that changed size while it was read is not what the user chose: refuse it.
    if (slice.byteLength === 0 || filled + slice.byteLength > size) throw new Error('changed');
    const at = filled + slice.byteLength;
    next = at < size ? readSlice(at) : null;
    buffer.set(slice, filled);
    filled = at;
    fingerprint.update(slice);
    onBytes(slice.byteLength);
  }
  const text = new TextDecoder().decode(buffer);
  return { text, contentId: fingerprint.digest() };
}

/**
 * Everything the worker does for one request: read each input, parse them together (a
 * `.commands` file completes its result file), pack each dataset's results and post them back
 * with their buffers transferred. Never throws: an input that cannot be read is a problem that
 * names it, anything unexpected a `failed` reply.
 */
export async function handleIngest(request: IngestRequest, post: PostReply): Promise<void> {
  try {
    const totalBytes = request.inputs.reduce((sum, input) => sum + input.size, 0);
    let doneBytes = 0;
    let lastPost = 0;
    const progress = (stage: 'reading' | 'parsing', name: string, force: boolean): void => {
      const now = performance.now();
      if (!force && now - lastPost < PROGRESS_INTERVAL_MS) return;
      lastPost = now;
      post({ type: 'progress', stage, name, doneBytes, totalBytes });
    };

    const started = performance.now();
    const texts: TextInput[] = [];
    const problems: LoadProblem[] = [];
    for (const input of request.inputs) {
      const read = await readInput(input, (bytes) => {
        doneBytes += bytes;
        progress('reading', input.name, false);
      });
      if (read === null) {
        problems.push({
          source: input.name,
          message: `${input.name} was not loaded: it could not be read.`,
        });
        continue;
      }
      texts.push({ name: input.name, kind: input.kind, ...read });
    }
    progress('parsing', texts.map((input) => input.name).join(', '), true);

    const read = performance.now();
    const outcome = ingestTexts(texts);
    const parsed = performance.now();
    const transfer: Transferable[] = [];
    const datasets = outcome.datasets.map(({ results, ...rest }): PackedDataset => {
      const pack = packResults(results);
      transfer.push(...packTransferables(pack));
      return { ...rest, pack };
    });
    const phases = {
      readMs: read - started,
      parseMs: parsed - read,
      packMs: performance.now() - parsed,
    };
    post(
      { type: 'done', datasets, problems: [...problems, ...outcome.problems], phases },
      transfer,
    );
  } catch (error) {
    post({
      type: 'failed',
      message: error instanceof Error ? error.message : 'The files could not be read.',
    });
  }
}

async function readInput(
  input: IngestInput,
  onBytes: (bytes: number) => void,
): Promise<{ text: string; contentId?: string } | null> {
  if (typeof input.source === 'string') {
    onBytes(input.size);
    return { text: input.source };
  }
  try {
    return await readBlob(input.source, onBytes);
  } catch {
    return null;
  }
}
