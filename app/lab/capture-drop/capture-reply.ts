/** What the capture worker answers, and how a run is made fit to post (no view into the file). */
import type { CaptureErrorCode, CapturedRun } from '$engine';

export type CaptureReply =
  | { ok: true; run: CapturedRun }
  | { ok: false; code: CaptureErrorCode; params: Record<string, string | number> }
  | { ok: false; message: string };

/**
 * The run with every byte array that is a view into `file` copied out. The reader hands out views
 * into the file it read (a packet's bytes, a payload); posted as they are, each would take the whole
 * file with it — a 200 MB copy for a few KB of packets.
 */
export function detached<T>(value: T, file: ArrayBufferLike): T {
  if (ArrayBuffer.isView(value)) {
    return (value.buffer === file ? (value as unknown as Uint8Array).slice() : value) as T;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detached(value[i], file);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = detached(record[key], file);
  }
  return value;
}
