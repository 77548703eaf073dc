/**
 * The capture worker: reads one capture file (fromCapture) off the page's thread, so that a big
 * file never freezes the tab. Started by read-capture.svelte.ts, one per file, and ended after.
 */
import { CaptureError, fromCapture } from '../../../engine/capture/index.ts';
import { type CaptureReply, detached } from './capture-reply.ts';

const scope = self as unknown as {
  postMessage: (message: CaptureReply) => void;
  onmessage: ((event: MessageEvent<ArrayBuffer>) => void) | null;
};

scope.onmessage = (event) => {
  const file = event.data;
  try {
    scope.postMessage({ ok: true, run: detached(fromCapture(new Uint8Array(file)), file) });
  } catch (error) {
    if (error instanceof CaptureError) scope.postMessage({ ok: false, code: error.code, params: error.params });
    else scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
