/**
 * Every preset and every lesson run, exported with toPcapng and read back by tshark (Wireshark's
 * dissector, an independent implementation): every MQTT packet dissected, nothing malformed, no
 * expert info above "note" (except Wireshark's "Connection reset (RST)" warning, where the run
 * resets a connection), the MQTT packets the run has at the capture point — the broker's
 * interface — in the same order, with the same field values as our decoder, and the broker's TCP
 * retransmissions marked as such.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ProtocolVersion,
  type Scenario,
  type SendEvent,
  type TraceEvent,
  defineScenario,
  simulate,
  toPcapng,
} from '$engine';
import { PRESETS } from '../../app/lab/presets.ts';
import type { Lesson } from '../../lessons/lesson.ts';
import { expectedFields, shown } from './mqtt-fields.ts';
import { type DissectedFrame, SEVERITY, dissect, tsharkInstalled } from './tshark.ts';

const lessons = import.meta.glob<{ default: Lesson }>('../../lessons/*/scenario.ts', { eager: true });

/** Runs the presets and lessons do not have: the broker's retransmissions, packets longer than a segment. */
const EXTRA: Record<string, Scenario> = {
  'broker retransmits': defineScenario({
    title: 'The broker retransmits',
    clients: [{ id: 'sensor' }, { id: 'app' }],
    steps: [
      { atMs: 0, do: 'connect', client: 'sensor' },
      { atMs: 0, do: 'connect', client: 'app' },
      { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
      { atMs: 400, do: 'fault', fault: 'drop', from: 'broker', to: 'app', packet: 'PUBLISH' },
      { atMs: 500, do: 'set-link', client: 'app', direction: 'down', lossRatio: 0.5 },
      ...[0, 1, 2, 3, 4].map((i) => ({
        atMs: 500 + i * 100,
        do: 'publish' as const,
        client: 'sensor',
        topic: `home/t${i}`,
        payload: `${i}`,
        qos: 1 as const,
      })),
      { atMs: 5_000, do: 'disconnect', client: 'app' },
    ],
  }),
  'long packets': defineScenario({
    title: 'Packets longer than a TCP segment',
    version: 5,
    clients: [{ id: 'camera' }, { id: 'viewer' }],
    steps: [
      { atMs: 0, do: 'connect', client: 'camera' },
      { atMs: 0, do: 'connect', client: 'viewer' },
      { atMs: 200, do: 'subscribe', client: 'viewer', filter: 'cam/+', qos: 2 },
      { atMs: 400, do: 'publish', client: 'camera', topic: 'cam/1', payload: 'x'.repeat(4_000), qos: 2 },
      { atMs: 800, do: 'publish', client: 'camera', topic: 'cam/2', payload: 'y'.repeat(1_460), qos: 0 },
    ],
  }),
};

const runs: Array<{ name: string; scenario: Scenario }> = [
  ...PRESETS.map((p) => ({ name: `preset ${p.id}`, scenario: p.scenario })),
  ...Object.values(lessons)
    .sort((a, b) => a.default.id.localeCompare(b.default.id))
    .flatMap(({ default: lesson }) =>
      Object.entries(lesson.scenarios).map(([name, scenario]) => ({ name: `lesson ${lesson.id} ${name}`, scenario })),
    ),
  ...Object.entries(EXTRA).map(([name, scenario]) => ({ name, scenario })),
];

interface AtCapturePoint {
  send: SendEvent;
  version: ProtocolVersion;
}

/**
 * The MQTT packets the broker's interface sees, first transmissions only, in order: what the
 * broker sends when it sends it; what reaches the broker (each copy, under the lossy model), also
 * when its end has closed.
 */
function atCapturePoint(trace: readonly TraceEvent[]): AtCapturePoint[] {
  const versions = new Map<number, ProtocolVersion>();
  const brokerClosed = new Set<number>();
  const seen: AtCapturePoint[] = [];
  const add = (send: TraceEvent) => {
    if (send.kind !== 'send') throw new Error('not a send');
    seen.push({ send, version: versions.get(send.conn) ?? 4 });
  };
  for (const e of trace) {
    if (e.kind === 'send' && e.packet.type === 'CONNECT' && !versions.has(e.conn))
      versions.set(e.conn, e.packet.protocolVersion === 5 ? 5 : 4);
    if (e.kind === 'close' && e.side === 'broker') brokerClosed.add(e.conn);
    if (e.kind === 'send' && e.from === 'broker') add(e);
    if (e.kind === 'arrive' && e.to === 'broker') add(trace[e.send]);
    if (e.kind === 'drop' && e.to === 'broker' && e.reason === 'closed' && brokerClosed.has(e.conn)) add(trace[e.send]);
  }
  return seen;
}

const isRetransmission = (frame: DissectedFrame) => frame.tcp.has('tcp.analysis.retransmission');

describe.skipIf(!tsharkInstalled())('toPcapng, read back by tshark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-lab-pcapng-'));
  const results = new Map<string, { trace: TraceEvent[]; frames: DissectedFrame[] }>();

  // All runs go into one file, a pcapng section each, run i in network 10.(i+1).0.0/16: tshark's
  // start-up (~0.5 s of CPU, seconds on a busy machine) then counts once instead of ~45 times.
  // The dissection itself takes about 1 s; 60 s leaves room for a machine shared by eight.
  beforeAll(async () => {
    const traces = runs.map(({ scenario }) => simulate(scenario).trace);
    const file = join(dir, 'runs.pcapng');
    writeFileSync(file, Buffer.concat(traces.map((trace, i) => toPcapng(trace, runs[i].scenario, { network: i + 1 }))));
    const frames = await dissect(file);
    runs.forEach(({ name }, i) => {
      const inRun = frames.filter((f) => f.ip.get('ip.src')?.[0].split('.')[1] === String(i + 1));
      results.set(name, { trace: traces[i], frames: inRun });
    });
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('one file, every run in it', () => {
    expect(runs.length).toBeLessThan(255);
    expect([...results.values()].every((r) => r.frames.length > 0)).toBe(true);
  });

  test.each(runs)('$name', ({ name, scenario }) => {
    const { trace, frames } = results.get(name)!;
    const tcp = (scenario.transport ?? 'tcp') === 'tcp';
    expect(
      frames.filter((f) => f.malformed).map((f) => f.number),
      'malformed frames',
    ).toEqual([]);
    const loud = frames.flatMap((f) =>
      f.expert
        .filter((e) => (SEVERITY[e.severity as keyof typeof SEVERITY] ?? 99) > SEVERITY.note)
        .map((e) => ({ frame: f.number, ...e })),
    );
    // Wireshark warns on every RST; the run's resets are the only ones allowed, one per connection
    const resets = frames.filter((f) => f.tcp.get('tcp.flags.reset')?.[0] === '1');
    expect(loud.filter((e) => e.message !== 'Connection reset (RST)')).toEqual([]);
    expect(loud.length).toBe(resets.length);
    expect(resets.length).toBeLessThanOrEqual(trace.filter((e) => e.kind === 'open').length);

    const expected = atCapturePoint(trace);
    expect(expected.length).toBeGreaterThan(0);
    const firstTransmissions = frames.filter((f) => !isRetransmission(f)).flatMap((f) => f.mqtt);
    expect(firstTransmissions.length, 'MQTT packets at the broker').toBe(expected.length);
    expected.forEach(({ send, version }, i) => {
      const want = send.corrupted
        ? { 'mqtt.hdrflags': [`0x${send.bytes[0].toString(16).padStart(2, '0')}`] }
        : expectedFields(send.bytes, version);
      expect(shown(firstTransmissions[i], want), `MQTT packet ${i + 1}: ${send.packet.type} from ${send.from}`).toEqual(
        want,
      );
    });

    // tshark does not dissect a retransmission's MQTT again: it marks the frame, once per segment
    const retransmitted = frames.filter(isRetransmission).length;
    // a send's retransmissions are known from its later plan and arrive events
    const retransmitsOf = new Map<number, number>();
    for (const e of trace)
      if ((e.kind === 'plan' || e.kind === 'arrive') && e.retransmits)
        retransmitsOf.set(e.send, Math.max(retransmitsOf.get(e.send) ?? 0, e.retransmits));
    const brokerRetransmits = trace
      .filter((e): e is SendEvent => e.kind === 'send' && e.from === 'broker')
      .reduce((n, e) => n + (retransmitsOf.get(e.seq) ?? 0) * Math.ceil(e.bytes.length / 1460), 0);
    expect(retransmitted, 'the broker retransmissions tshark marks').toBe(tcp ? brokerRetransmits : 0);
    expect(frames.filter(isRetransmission).flatMap((f) => f.mqtt)).toEqual([]);
  });

  test('the extra runs show what they are for', () => {
    const retransmits = results.get('broker retransmits')!.frames.filter(isRetransmission);
    expect(retransmits.length).toBeGreaterThan(1);
    // each long PUBLISH crosses the broker's interface twice (in, and out to the viewer), in 3 or 2 segments
    const long = results.get('long packets')!;
    const reassembled = long.frames.flatMap((f) => f.reassembled.get('tcp.reassembled.length') ?? []);
    const longer = atCapturePoint(long.trace).filter(({ send }) => send.bytes.length > 1460);
    expect(longer.length).toBe(4);
    expect(reassembled).toEqual(longer.map(({ send }) => String(send.bytes.length)));
  });
});
