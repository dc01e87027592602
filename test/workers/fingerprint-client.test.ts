// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { utf8Fingerprint } from '../../src/data/results/dataset';
import { fingerprintWorker } from '../../src/workers/fingerprint-client';
import type { FingerprintReply, FingerprintRequest } from '../../src/workers/fingerprint-protocol';

/**
 * A stand-in for the fingerprint worker: it says it is ready (unless told not to), answers each
 * request with the real fingerprint, and can be made to fail.
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  static sayReady = true;
  onmessage: ((event: { data: FingerprintReply }) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  readonly transfers: Transferable[][] = [];
  readonly held: FingerprintRequest[] = [];
  hold = false;

  constructor() {
    FakeWorker.made.push(this);
    if (FakeWorker.sayReady) {
      queueMicrotask(() => this.onmessage?.({ data: { id: -1, contentId: null } }));
    }
  }

  postMessage(request: FingerprintRequest, transfer: Transferable[]): void {
    this.transfers.push(transfer);
    if (this.hold) {
      this.held.push(request);
      return;
    }
    const contentId = utf8Fingerprint(request.bytes);
    queueMicrotask(() => this.onmessage?.({ data: { id: request.id, contentId } }));
  }

  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakeWorker.made = [];
  FakeWorker.sayReady = true;
});

describe('fingerprintWorker', () => {
  it('starts its worker at once, says when it is ready, and hands over the bytes', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const fingerprinter = fingerprintWorker();
    expect(FakeWorker.made).toHaveLength(1);
    await expect(fingerprinter?.ready()).resolves.toBe(true);
    const bytes = new TextEncoder().encode('latency_llama8B_tp1');
    const expected = utf8Fingerprint(bytes);
    const answer = fingerprinter?.fingerprint(bytes);
    // Transferred, not copied: the buffer is in the transfer list.
    expect(FakeWorker.made[0]?.transfers[0]).toEqual([bytes.buffer]);
    await expect(answer).resolves.toBe(expected);
  });

  it('is not ready if the worker does not say so within a quarter of a second', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.sayReady = false;
    const ready = fingerprintWorker()?.ready();
    await vi.advanceTimersByTimeAsync(249);
    let settled = false;
    void ready?.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(ready).resolves.toBe(false);
  });

  it('answers null for what a failed worker owed, and starts a new one for the next file', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const fingerprinter = fingerprintWorker();
    await fingerprinter?.ready();
    const first = FakeWorker.made[0];
    if (first === undefined || fingerprinter === null) throw new Error('no worker');
    first.hold = true;
    const owed = fingerprinter.fingerprint(new Uint8Array([1, 2, 3]));
    first.onerror?.();
    await expect(owed).resolves.toBeNull();
    expect(first.terminated).toBe(true);
    await expect(fingerprinter.ready()).resolves.toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    await expect(fingerprinter.fingerprint(new TextEncoder().encode('a'))).resolves.toBe(
      'e40c292c-1',
    );
  });

  it('is null where no worker can be started', () => {
    vi.stubGlobal('Worker', undefined);
    expect(fingerprintWorker()).toBeNull();
  });
});
