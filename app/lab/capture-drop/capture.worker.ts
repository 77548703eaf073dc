/**
 * The capture worker: reads one capture file (fromCapture) off the page's thread, so that a big
 * file never freezes the tab. Started by read-capture.svelte.ts, one per file, and ended after.
 */
import { CaptureError, fromCapture } from '../../../engine/capture/index.ts';
import { type CaptureReply, detach } from './capture-reply.ts';

const scope = self as unknown as {
  postMessage: (message: CaptureReply, transfer?: Transferable[]) => void;
  onmessage: ((event: MessageEvent<ArrayBuffer>) => void) | null;
};

scope.onmessage = (event) => {
  const file = event.data;
  try {
    const run = fromCapture(new Uint8Array(file));
    const transfer = detach(run, file);
    scope.postMessage({ ok: true, run }, transfer);
  } catch (error) {
    if (error instanceof CaptureError) scope.postMessage({ ok: false, code: error.code, params: error.params });
    else scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
