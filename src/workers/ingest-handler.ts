import { contentFingerprint, utf8Fingerprint } from '../data/results/dataset';
import { ingestTexts, unreadableInput, type LoadProblem, type TextInput } from '../data/ingest';
import { resultColumns } from '../data/results/columns-rows';
import { fieldsOf } from '../data/results/results-on-demand';
import { datasetColumns } from '../data/results/result-model';
import { columnTransferables } from '../data/results/result-columns';
import type { Fingerprinter } from './fingerprint-protocol';
import type { IngestInput, IngestReply, IngestRequest, PackedDataset } from './ingest-protocol';

export type PostReply = (reply: IngestReply, transfer?: Transferable[]) => void;

/** Progress is worth telling about this often, not for every chunk read. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * An input read: its text, and its content fingerprint, or the promise of one taken elsewhere
 * (none for pasted text: the dataset takes it from the text, and only if it parses).
 */
export interface ReadFile {
  readonly text: string;
  readonly contentId?: string | Promise<string>;
}

/**
 * Reads a file as UTF-8 text (byte-order mark dropped, bad bytes replaced) and its content
 * fingerprint. The file is read in one request: in Chromium, reading a 100 MB file whole takes
 * about 170 ms, in 32 MB slices 260–370 ms, as a stream about 235 ms; a 28 MB file read in slices
 * of 2–8 MB, each decoded while the next is read, took 280–420 ms against 180–210 read whole and
 * then decoded (the decoder is slower on slices). Given a fingerprint worker, the decoded bytes
 * are handed to it, and it hashes them on another core while this one parses the text; should it
 * fail, the text is fingerprinted here. Handed a copy before the decoding instead, it hashed
 * beside the decoder too, and reading and decoding a 28 MB file took 256–458 ms against 186–318.
 */
export async function readBlob(
  blob: Blob,
  onBytes: (bytes: number) => void,
  fingerprinter: Fingerprinter | null = null,
): Promise<ReadFile> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // A file that changed size while it was read is not what the user chose: refuse it.
  if (bytes.byteLength !== blob.size) throw new Error('changed');
  onBytes(bytes.byteLength);
  const text = new TextDecoder().decode(bytes);
  if (fingerprinter === null || !(await fingerprinter.ready().catch(() => false))) {
    return { text, contentId: utf8Fingerprint(bytes, text) };
  }
  return {
    text,
    contentId: fingerprinter.fingerprint(bytes).then(
      (contentId) => contentId ?? contentFingerprint(text),
      () => contentFingerprint(text),
    ),
  };
}

/** Stands in for a fingerprint still being taken, until the parse is done (never a real one). */
function pendingId(index: number): string {
  return `pending fingerprint ${String(index)}`;
}

/**
 * Everything the worker does for one request: read each input, parse them together (a
 * `.commands` file completes its result file), put each dataset's results into columns and post them back
 * with their buffers transferred. Never throws: an input that cannot be read is a problem that
 * names it, anything unexpected a `failed` reply.
 */
export async function handleIngest(
  request: IngestRequest,
  post: PostReply,
  fingerprinter: Fingerprinter | null = null,
): Promise<void> {
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
    const pendingIds = new Map<string, Promise<string>>();
    for (const input of request.inputs) {
      const read = await readInput(
        input,
        (bytes) => {
          doneBytes += bytes;
          progress('reading', input.name, false);
        },
        fingerprinter,
      );
      if (read === null) {
        problems.push(unreadableInput(input.name));
        continue;
      }
      let { contentId } = read;
      if (contentId instanceof Promise) {
        const placeholder = pendingId(pendingIds.size);
        pendingIds.set(placeholder, contentId);
        contentId = placeholder;
      }
      texts.push({
        name: input.name,
        kind: input.kind,
        text: read.text,
        ...(contentId === undefined ? {} : { contentId }),
      });
    }
    progress('parsing', texts.map((input) => input.name).join(', '), true);

    const read = performance.now();
    const outcome = ingestTexts(texts);
    const parsed = performance.now();
    // The fingerprints taken beside the parse, in place of their stand-ins.
    const ids = new Map<string, string>();
    for (const [placeholder, contentId] of pendingIds) ids.set(placeholder, await contentId);
    const fingerprinted = performance.now();
    const transfer: Transferable[] = [];
    const datasets = outcome.datasets.map((dataset): PackedDataset => {
      // A dataset of columns goes as they are, no result made; others are packed.
      const columns = datasetColumns(dataset) ?? resultColumns(dataset.results);
      transfer.push(...columnTransferables(columns));
      return { ...fieldsOf(dataset), id: ids.get(dataset.id) ?? dataset.id, columns };
    });
    const phases = {
      readMs: read - started,
      parseMs: parsed - read,
      fingerprintWaitMs: fingerprinted - parsed,
      packMs: performance.now() - fingerprinted,
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
  fingerprinter: Fingerprinter | null,
): Promise<ReadFile | null> {
  if (typeof input.source === 'string') {
    onBytes(input.size);
    return { text: input.source };
  }
  try {
    return await readBlob(input.source, onBytes, fingerprinter);
  } catch {
    return null;
  }
}
