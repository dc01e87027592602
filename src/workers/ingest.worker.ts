// The parsing worker: files are read, parsed and normalized here, off the page's main thread,
// and come back as transferred typed arrays (see ingest-handler.ts).
import { fingerprintWorker } from './fingerprint-client';
import { handleIngest } from './ingest-handler';
import type { IngestReply, IngestRequest } from './ingest-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<IngestRequest>) => void) | null;
  postMessage: (message: IngestReply, transfer: Transferable[]) => void;
}

const scope = self as unknown as WorkerScope;
// Files' fingerprints are taken by a worker of this worker's own, on another core, as they parse.
const fingerprinter = fingerprintWorker();

scope.onmessage = (event) => {
  void handleIngest(
    event.data,
    (reply, transfer = []) => {
      scope.postMessage(reply, transfer);
    },
    fingerprinter,
  );
};
