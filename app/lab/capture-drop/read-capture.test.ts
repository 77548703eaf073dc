/**
 * The one path a capture file takes into the lab, from the picker or a drop (in node there is no
 * Worker: the file is read in the page, as under file://). Every way a file can fail is a phrase
 * and leaves the run on screen as it was; a file cut short opens and says so.
 */
import { type CapturedRun, MAX_CAPTURE_BYTES, simulate, toPcapng } from '$engine';
import { describe, expect, test } from 'vitest';
import { LINKTYPE } from '../../../engine/capture/headers.ts';
import { framesOf, handshake, pcap } from '../../../engine/capture/test-captures.ts';
import { Lab } from '../lab.svelte.ts';
import { presetById } from '../presets.ts';
import { detach } from './capture-reply.ts';
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

test('detach: views into the file become views into a copy of their packet, each transferred once', () => {
  const file = Uint8Array.from({ length: 40 }, (_, i) => i);
  const bytes = file.subarray(10, 20);
  const payload = file.subarray(15, 20);
  const elsewhere = Uint8Array.of(9);
  const packet = { type: 'PUBLISH', payload };
  const run = {
    trace: [
      { kind: 'send', bytes, packet },
      { kind: 'arrive', bytes, packet },
      { kind: 'error', params: { view: file.subarray(30, 32) } },
    ],
    own: elsewhere,
  } as unknown as CapturedRun;
  const transfer = detach(run, file.buffer);
  const [send, arrive, error] = run.trace as unknown as Array<Record<string, never>>;
  const copied = send.bytes as Uint8Array;
  expect(copied.buffer).not.toBe(file.buffer);
  expect([...copied]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  expect(arrive.bytes).toBe(copied);
  const moved = (send.packet as { payload: Uint8Array }).payload;
  expect(moved.buffer).toBe(copied.buffer);
  expect([...moved]).toEqual([15, 16, 17, 18, 19]);
  expect([...(error.params as { view: Uint8Array }).view]).toEqual([30, 31]);
  expect(new Set(transfer).size).toBe(transfer.length);
  expect(transfer).toContain(copied.buffer);
  expect(transfer).not.toContain(file.buffer);
  expect((run as unknown as { own: Uint8Array }).own).toBe(elsewhere);
});
