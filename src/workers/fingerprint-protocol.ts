/**
 * Messages between the parsing worker and its fingerprint worker. Once the parsing worker has
 * decoded a file's bytes it hands them over (transferred, not copied); the fingerprint worker
 * takes their content fingerprint on another core while the parsing worker parses the text.
 */

export interface FingerprintRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
}

/** An answer to a request, or (id −1, sent once when the worker has started) that it is ready. */
export interface FingerprintReply {
  readonly id: number;
  /** `contentFingerprint` of the bytes' text; null when it could not be taken. */
  readonly contentId: string | null;
}

/** The id of the message a fingerprint worker sends once it has started. */
export const READY_ID = -1;

export interface Fingerprinter {
  /**
   * Resolves true once the fingerprint worker can take bytes, false if it cannot (or is not up
   * soon enough): then the caller takes the fingerprint itself. A worker's nested worker starts
   * only while its parent is idle, so the parent asks before a long parse, not after.
   */
  readonly ready: () => Promise<boolean>;
  /**
   * A file's bytes → its content fingerprint, or null when that could not be had. The bytes are
   * handed over: the caller must not use them afterwards.
   */
  readonly fingerprint: (bytes: Uint8Array) => Promise<string | null>;
}
