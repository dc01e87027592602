// The fingerprint worker, started by the parsing worker: it takes a file's content fingerprint
// (a byte loop, about 135 ms for 100 MB) from the bytes the parsing worker has decoded, on another
// core, while the parsing worker parses the text.
import { utf8Fingerprint } from '../data/results/dataset';
import { READY_ID, type FingerprintReply, type FingerprintRequest } from './fingerprint-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<FingerprintRequest>) => void) | null;
  postMessage: (message: FingerprintReply) => void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, bytes } = event.data;
  let contentId: string | null = null;
  try {
    contentId = utf8Fingerprint(bytes);
  } catch {
    // Answered with null: the parsing worker takes the fingerprint itself.
  }
  scope.postMessage({ id, contentId });
};

scope.postMessage({ id: READY_ID, contentId: null });
