/**
 * Captures: a run out as pcapng (toPcapng), a pcap / pcapng capture in as a read-only run
 * (fromCapture). engine/index.ts re-exports all of it; the app imports this file lazily, when a
 * capture is first saved or opened, so that none of it weighs on the first screen.
 */
export { toPcapng, BROKER_PORT, CAPTURE_POINT } from './to-pcapng.ts';
export {
  fromCapture,
  MAX_CAPTURE_BYTES,
  MAX_CAPTURED_PACKETS,
  type CapturedRun,
  type CapturedParty,
  type CapturedConnection,
} from './from-capture.ts';
export { CaptureError, captureErrorMessages, type CaptureErrorCode } from './capture-error.ts';
