/**
 * Opening a capture file: the one path the file picker (RunMenu) and a drop (CaptureDrop) share.
 * The file's size is checked before a byte is read; it is read off the page's thread (a worker, so
 * that a 200 MB file never freezes the tab — in the page only where there is no worker, file://);
 * every way it can fail is a phrase for the page's problem banner; and the run on screen changes
 * only once the capture has been read — a file that fails leaves it as it was.
 */
import type { CapturedRun } from '$engine';
import { ensureBundle } from '../../i18n/i18n.svelte.ts';
import type { Lab } from '../lab.svelte.ts';
import type { Timeline } from '../timeline.ts';
import { type Phrase, phrase } from '../phrase.ts';
import type { CaptureReply } from './capture-reply.ts';

/** The capture code (the reader, its limits) loads when first used: the first screen stays small. */
const captureCode = () => import('../../../engine/capture/index.ts');

/** The file being read now, for the page to say so; null when none is. */
export const reading = $state<{ file: { name: string; size: Phrase } | null }>({ file: null });

export type CaptureRead =
  | { ok: true; run: CapturedRun; name: string }
  | { ok: false; problem: Phrase }
  /** Another file was given while this one was read: this one is forgotten. */
  | { ok: false; superseded: true };

let latest = 0;

/** How big a file is, in words: "200.0 MB", "12.3 KB". */
export function sizePhrase(bytes: number): Phrase {
  return bytes >= 1e6
    ? phrase('captureDrop.megabytes', { value: (bytes / 1e6).toFixed(1) })
    : phrase('captureDrop.kilobytes', { value: (bytes / 1e3).toFixed(1) });
}

export async function readCapture(file: File): Promise<CaptureRead> {
  const name = file.name.slice(0, 80);
  const ticket = ++latest;
  reading.file = { name, size: sizePhrase(file.size) };
  try {
    const [{ MAX_CAPTURE_BYTES }] = await Promise.all([captureCode(), ensureBundle('captureDrop')]);
    let reply: CaptureReply;
    if (file.size === 0) reply = { ok: false, code: 'empty', params: {} };
    else if (file.size > MAX_CAPTURE_BYTES)
      reply = { ok: false, code: 'too-large', params: { bytes: file.size, max: MAX_CAPTURE_BYTES } };
    else reply = await parse(file);
    if (ticket !== latest) return { ok: false, superseded: true };
    if (reply.ok) return { ok: true, run: reply.run, name };
    if ('code' in reply) return { ok: false, problem: phrase(`capture.error.${reply.code}`, reply.params) };
    return { ok: false, problem: phrase('captureDrop.failed', { message: reply.message }) };
  } catch (error) {
    // the file could not be read (removed, unreadable), or the browser ran out of memory for it
    const message = error instanceof Error ? error.message : String(error);
    return ticket === latest
      ? { ok: false, problem: phrase('captureDrop.failed', { message }) }
      : { ok: false, superseded: true };
  } finally {
    if (ticket === latest) reading.file = null;
  }
}

/** Read the file in a worker, or in the page where there is none. */
async function parse(file: File): Promise<CaptureReply> {
  const inWorker = workerPossible() ? await parseInWorker(await file.arrayBuffer()) : null;
  if (inWorker) return inWorker;
  const { CaptureError, fromCapture } = await captureCode();
  try {
    return { ok: true, run: fromCapture(new Uint8Array(await file.arrayBuffer())) };
  } catch (error) {
    if (error instanceof CaptureError) return { ok: false, code: error.code, params: error.params };
    throw error;
  }
}

/**
 * No worker under file:// (Chromium refuses a worker script there, and the single-file build has
 * none beside it), nor where there is no Worker at all (node tests).
 */
const workerPossible = () => typeof Worker !== 'undefined' && globalThis.location?.protocol !== 'file:';

/**
 * The worker's answer; null when its script fails to load. The buffer is handed to the worker, not copied (a copy of 200 MB is a long pause): if the
 * worker fails, the page reads the file again.
 */
function parseInWorker(buffer: ArrayBuffer): Promise<CaptureReply | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./capture.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return resolve(null);
    }
    worker.onmessage = (event: MessageEvent<CaptureReply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(null);
    };
    worker.postMessage(buffer, [buffer]);
  });
}

/**
 * Open a capture in `lab`: the run on screen gives way to it (the lab's address makes that a step
 * in the browser's history, so Back brings the run back). Returns the file's name when it opened,
 * a problem to show when it could not, null when another file took its place.
 */
export async function openCapture(lab: Lab, file: File): Promise<{ opened: string } | { problem: Phrase } | null> {
  const read = await readCapture(file);
  if (!read.ok) return 'problem' in read ? { problem: read.problem } : null;
  // for the timing script (test/e2e/capture-timing.ts): what showing a capture costs the page
  performance.mark('capture-read');
  showCapture(lab, read.run, read.name);
  performance.mark('capture-shown');
  return { opened: read.name };
}

/** Put a capture that has been read on screen, saying so if the file was cut short. */
export function showCapture(lab: Lab, run: CapturedRun, name: string): void {
  lab.loadCapture(run, name);
  remember(lab.timeline, run, name);
  if (run.truncatedAt !== undefined)
    lab.problem = { key: 'captureDrop.truncated', params: { offset: run.truncatedAt } };
}

/**
 * The captures opened in this page, by what their address says. A capture's address cannot hold
 * the capture: it says "a run named after the file, these clients, nothing done". Forward (or
 * Back) to it opens that empty run; while the page holds the capture, it is shown again instead.
 * The last few are kept: each holds its whole trace.
 */
const REMEMBERED = 4;
// Not state: nothing is drawn from it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const opened = new Map<string, { run: CapturedRun; name: string }>();

/** What identifies a capture's timeline once it has been through the address. */
function addressKey(timeline: Timeline): string | null {
  const { scenario, actions } = timeline;
  if (scenario.steps.length > 0 || actions.length > 0 || scenario.title === undefined) return null;
  return JSON.stringify([scenario.title, scenario.clients.map((c) => c.id)]);
}

function remember(timeline: Timeline, run: CapturedRun, name: string): void {
  const key = addressKey(timeline);
  if (key === null) return;
  opened.delete(key);
  opened.set(key, { run, name });
  for (const old of opened.keys()) if (opened.size > REMEMBERED) opened.delete(old);
}

/** The capture opened before whose address this timeline came from, if the page still holds it. */
export function capturedBefore(timeline: Timeline): { run: CapturedRun; name: string } | undefined {
  const key = addressKey(timeline);
  return key === null ? undefined : opened.get(key);
}

/** A capture read on another page (the explainer), waiting for the lab to show it. */
let handedOver: { run: CapturedRun; name: string } | null = null;

export function handOver(run: CapturedRun, name: string): void {
  handedOver = { run, name };
}

export function takeHandedOver(): { run: CapturedRun; name: string } | null {
  const taken = handedOver;
  handedOver = null;
  return taken;
}
