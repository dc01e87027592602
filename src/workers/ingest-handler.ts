import { StreamingFingerprint } from '../data/dataset';
import { ingestTexts, type LoadProblem, type TextInput } from '../data/ingest';
import { packResults, packTransferables } from '../data/results-pack';
import type { IngestInput, IngestReply, IngestRequest, PackedDataset } from './ingest-protocol';

export type PostReply = (reply: IngestReply, transfer?: Transferable[]) => void;

/** Progress is worth telling about this often, not for every chunk read. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * Reads a file as UTF-8 text (byte-order mark dropped, bad bytes replaced), telling how far it
 * got. The bytes are gathered into one buffer and decoded once (decoding chunk by chunk and
 * joining makes a string of pieces that the parser must copy again), and the content
 * fingerprint is taken from each chunk as it arrives.
 */
async function readBlob(
  blob: Blob,
  onBytes: (bytes: number) => void,
): Promise<{ text: string; contentId: string }> {
  const reader = blob.stream().getReader();
  const fingerprint = new StreamingFingerprint();
  let buffer = new Uint8Array(blob.size);
  let filled = 0;
  // The next chunk is asked for before this one is copied and fingerprinted, so reading goes on
  // while the worker computes.
  let next = reader.read();
  for (;;) {
    const { done, value } = await next;
    if (done) break;
    next = reader.read();
    if (filled + value.byteLength > buffer.length) {
      // The file grew while it was read: make room.
      const larger = new Uint8Array(Math.max(buffer.length * 2, filled + value.byteLength));
      larger.set(buffer.subarray(0, filled));
      buffer = larger;
    }
    buffer.set(value, filled);
    filled += value.byteLength;
    fingerprint.update(value);
    onBytes(value.byteLength);
  }
  const text = new TextDecoder().decode(buffer.subarray(0, filled));
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
