/**
 * The one path a capture file takes into the lab, from the picker or a drop (in node there is no
 * Worker: the file is read in the page, as under file://). Every way a file can fail is a phrase
 * and leaves the run on screen as it was; a file cut short opens and says so.
 */
import { MAX_CAPTURE_BYTES, simulate, toPcapng } from '$engine';
import { describe, expect, test } from 'vitest';
import { LINKTYPE } from '../../../engine/capture/headers.ts';
import { framesOf, handshake, pcap } from '../../../engine/capture/test-captures.ts';
import { Lab } from '../lab.svelte.ts';
import { presetById } from '../presets.ts';
import { detached } from './capture-reply.ts';
import { capturedBefore, openCapture, readCapture, sizePhrase } from './read-capture.svelte.ts';

const retained = presetById('retained')!.scenario;
const capture = toPcapng(simulate(retained).trace, retained);
const file = (bytes: Uint8Array, name = 'run.pcapng') => new File([bytes.slice()], name);

/** The capture with its first block's length no longer a multiple of 4. */
function damaged(): Uint8Array {
  const bytes = capture.slice();
  bytes[4] = 13;
  return bytes;
}

/** A lab showing the retained preset, and what it shows. */
function labOnPreset() {
  const lab = new Lab();
  lab.load({ scenario: retained, seed: 1, actions: [] }, 'retained');
  return { lab, events: lab.trace.length };
}

describe('readCapture', () => {
  test('a capture reads as a run with its parties', async () => {
    const read = await readCapture(file(capture));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.name).toBe('run.pcapng');
    expect(read.run.parties.map((p) => p.id).sort()).toEqual(['app', 'broker', 'late', 'sensor']);
  });

  test.each([
    ['an empty file', new Uint8Array(0), 'capture.error.empty'],
    ['a text file', new TextEncoder().encode('hello, world'), 'capture.error.unknown-format'],
    [
      'a capture with no MQTT in it',
      pcap(LINKTYPE.ETHERNET, framesOf(LINKTYPE.ETHERNET, {}, handshake(1, 9))),
      'capture.error.no-mqtt',
    ],
    ['a capture cut inside its first record', capture.subarray(0, 30), 'capture.error.truncated'],
    ['a damaged capture', damaged(), 'capture.error.damaged'],
  ])('%s is a problem to show', async (_name, bytes, key) => {
    const read = await readCapture(file(bytes));
    expect(read).toMatchObject({ ok: false, problem: { key } });
  });

  test('a file too big is refused by its size, before a byte is read', async () => {
    const huge = {
      name: 'huge.pcap',
      size: MAX_CAPTURE_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('read')),
    } as unknown as File;
    const read = await readCapture(huge);
    expect(read).toMatchObject({ ok: false, problem: { key: 'capture.error.too-large' } });
  });

  test('a file given while another is read replaces it', async () => {
    const [first, second] = await Promise.all([
      readCapture(file(capture, 'a.pcapng')),
      readCapture(file(capture, 'b.pcapng')),
    ]);
    expect(first).toEqual({ ok: false, superseded: true });
    expect(second).toMatchObject({ ok: true, name: 'b.pcapng' });
  });

  test('sizes in words', () => {
    expect(sizePhrase(200 * 1024 * 1024)).toEqual({ key: 'captureDrop.megabytes', params: { value: '209.7' } });
    expect(sizePhrase(12_345)).toEqual({ key: 'captureDrop.kilobytes', params: { value: '12.3' } });
  });
});

describe('openCapture', () => {
  test('a capture replaces the run on screen, read-only', async () => {
    const { lab } = labOnPreset();
    expect(await openCapture(lab, file(capture))).toEqual({ opened: 'run.pcapng' });
    expect(lab.readOnly).toBe(true);
    expect(lab.presetId).toBeNull();
    expect(lab.problem).toBeNull();
  });

  test('a file that fails leaves the run on screen as it was', async () => {
    const { lab, events } = labOnPreset();
    const timeline = lab.timeline;
    const result = await openCapture(lab, file(new TextEncoder().encode('not a capture')));
    expect(result).toMatchObject({ problem: { key: 'capture.error.unknown-format' } });
    expect(lab.timeline).toBe(timeline);
    expect(lab.trace.length).toBe(events);
    expect(lab.readOnly).toBe(false);
  });

  test('a file cut short opens, and says where it was cut', async () => {
    const { lab } = labOnPreset();
    expect(await openCapture(lab, file(capture.subarray(0, capture.length - 10)))).toEqual({ opened: 'run.pcapng' });
    expect(lab.readOnly).toBe(true);
    expect(lab.problem).toMatchObject({ key: 'captureDrop.truncated' });
    expect(lab.problem?.params?.offset).toBeGreaterThan(0);
  });
});

test('a capture is found again from its address (Forward to it), not from another run', async () => {
  const { lab } = labOnPreset();
  await openCapture(lab, file(capture, 'again.pcapng'));
  const fromAddress = JSON.parse(JSON.stringify(lab.timeline)) as typeof lab.timeline;
  expect(capturedBefore(fromAddress)?.name).toBe('again.pcapng');
  expect(capturedBefore({ ...fromAddress, scenario: { ...fromAddress.scenario, title: 'other' } })).toBeUndefined();
  expect(capturedBefore({ scenario: retained, seed: 1, actions: [] })).toBeUndefined();
});

test('detached: views into the file are copied out, other arrays kept', () => {
  const fileBuffer = new Uint8Array([1, 2, 3, 4, 5, 6]);
  const own = Uint8Array.of(9);
  const run = { trace: [{ bytes: fileBuffer.subarray(1, 3), packet: { payload: fileBuffer.subarray(4) } }], own };
  const out = detached(run, fileBuffer.buffer);
  expect(out.trace[0].bytes.buffer).not.toBe(fileBuffer.buffer);
  expect([...out.trace[0].bytes]).toEqual([2, 3]);
  expect([...out.trace[0].packet.payload]).toEqual([5, 6]);
  expect(out.own).toBe(own);
});
