/** What the capture worker answers, and how a run is made fit to post (no view into the file). */
import type { CaptureErrorCode, CapturedRun } from '$engine';

export type CaptureReply =
  | { ok: true; run: CapturedRun }
  | { ok: false; code: CaptureErrorCode; params: Record<string, string | number> }
  | { ok: false; message: string };

/**
 * Make a run fit to post from the worker: every byte array that is a view into `file` becomes a view
 * into a copy of its packet's bytes, and the buffers to transfer (not copy) are returned. The reader
 * hands out views into the file (a packet's bytes, its payload); posted as they are, each would take
 * the whole file with it, and cloning what is posted costs the page as much as the worker: a capture
 * of 200 MB of PUBLISHes held the page for seconds.
 */
export function detach(run: CapturedRun, file: ArrayBufferLike): ArrayBuffer[] {
  // each packet's bytes copied once (a send and its arrival share them), sorted by where they were
  const copies = new Map<Uint8Array, Uint8Array>();
  for (const event of run.trace) {
    const bytes = (event as { bytes?: unknown }).bytes;
    if (bytes instanceof Uint8Array && bytes.buffer === file && !copies.has(bytes)) copies.set(bytes, bytes.slice());
  }
  const regions = [...copies].sort(([a], [b]) => a.byteOffset - b.byteOffset);
  /** The copy of the packet that holds a view, as a view into that copy; a copy of its own if none does. */
  const moved = (view: Uint8Array): Uint8Array => {
    const known = copies.get(view);
    if (known) return known;
    let low = 0;
    let high = regions.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [original, copy] = regions[mid];
      if (view.byteOffset < original.byteOffset) high = mid - 1;
      else if (view.byteOffset >= original.byteOffset + original.length) low = mid + 1;
      else if (view.byteOffset + view.length <= original.byteOffset + original.length)
        return new Uint8Array(copy.buffer, copy.byteOffset + view.byteOffset - original.byteOffset, view.length);
      else break;
    }
    return view.slice();
  };
  const transfer = new Set<ArrayBuffer>();
  const visit = (value: unknown): unknown => {
    if (value instanceof Uint8Array) {
      const out = value.buffer === file ? moved(value) : value;
      if (out.buffer instanceof ArrayBuffer) transfer.add(out.buffer);
      return out;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i]);
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = visit(record[key]);
    }
    return value;
  };
  visit(run);
  return [...transfer];
}
