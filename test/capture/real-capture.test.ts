/**
 * A real capture read by fromCapture: mosquitto on a free 127.0.0.1 port, dumpcap recording the
 * loopback, a scripted set of MQTT.js clients (3.1.1 and 5.0: will, credentials, user properties,
 * QoS 0/1/2, two subscriptions, an unsubscribe, pings). Every MQTT packet fromCapture finds must
 * be one tshark dissects, in the same order, with the same field values as our decoder's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, describe, expect, test } from 'vitest';
import { type CapturedRun, type SendEvent, fromCapture } from '$engine';
import { type Mosquitto, mosquittoInstalled, startMosquitto } from '../mosquitto/mosquitto.ts';
import { type LoopbackCapture, canCapture, captureLoopback } from './dumpcap.ts';
import { expectedFields, shown } from './mqtt-fields.ts';
import { type DissectedFrame, dissect, tsharkInstalled } from './tshark.ts';

const ready = mosquittoInstalled() && tsharkInstalled() && canCapture();

/** Resolves when `client` has received `n` messages. */
const messages = (client: MqttClient, n: number) =>
  new Promise<void>((resolve) => {
    let count = 0;
    client.on('message', () => {
      if (++count === n) resolve();
    });
  });

/** Resolves when `client` receives its first PINGRESP. */
const pingAnswered = (client: MqttClient) =>
  new Promise<void>((resolve) => client.on('packetreceive', (packet) => packet.cmd === 'pingresp' && resolve()));

/** The scripted clients, against the broker at `url`. */
async function script(url: string): Promise<void> {
  const subscriber = await mqtt.connectAsync(url, {
    protocolVersion: 4,
    clientId: 'lab-sub-311',
    username: 'ops',
    password: 'secret',
    will: { topic: 'lab/status', payload: Buffer.from('gone'), qos: 1, retain: false },
    keepalive: 1, // a PINGREQ after a second of silence
    reconnectPeriod: 0,
  });
  const pinged = pingAnswered(subscriber);
  await subscriber.subscribeAsync({ 'lab/#': { qos: 2 }, 'other/+': { qos: 1 } });
  const publisher = await mqtt.connectAsync(url, {
    protocolVersion: 5,
    clientId: 'lab-pub-5',
    reconnectPeriod: 0,
    properties: { userProperties: { site: 'lab' }, sessionExpiryInterval: 0 },
  });
  const received = messages(subscriber, 3);
  await publisher.publishAsync('lab/q0', 'zero', { qos: 0, properties: { userProperties: { n: '0' } } });
  await publisher.publishAsync('lab/q1', 'one', { qos: 1 });
  await publisher.publishAsync('lab/q2', 'two', { qos: 2 });
  await received;
  await pinged;
  await subscriber.unsubscribeAsync('other/+');
  await publisher.endAsync();
  await subscriber.endAsync();
}

const FILE_WAIT_MS = 15_000;

/** Wait until the capture file, read so far, satisfies `done`. */
async function fileHolds(file: string, done: (run: CapturedRun) => boolean): Promise<void> {
  const deadline = performance.now() + FILE_WAIT_MS;
  for (;;) {
    try {
      if (done(fromCapture(readFileSync(file)))) return;
    } catch {
      // not written yet, or no MQTT in it yet
    }
    if (performance.now() > deadline) throw new Error(`the capture never held the script's last packets`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!ready)('fromCapture on a real capture (mosquitto, MQTT.js, dumpcap)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-lab-capture-'));
  const file = join(dir, 'real.pcapng');
  let broker: Mosquitto | undefined;
  let capture: LoopbackCapture | undefined;

  afterAll(async () => {
    await capture?.stop();
    await broker?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // mosquitto and dumpcap start in well under a second each, the script waits ~1 s for its ping,
  // tshark starts in ~1 s: about 4 s on a quiet machine; 30 s for a machine shared by eight.
  test('every packet as tshark and our decoder read it', { timeout: 30_000 }, async () => {
    broker = await startMosquitto();
    capture = await captureLoopback(broker.port, file);
    await script(`mqtt://${broker.host}:${broker.port}`);
    // the kernel hands dumpcap packets in blocks, and what it holds when dumpcap stops is lost:
    // stop once the file has the last packets the script sent
    await fileHolds(
      file,
      (run) => run.trace.filter((e) => e.kind === 'send' && e.packet.type === 'DISCONNECT').length === 2,
    );
    await capture.stop();

    const run: CapturedRun = fromCapture(readFileSync(file));
    // tshark knows MQTT by port 1883 only; fromCapture found it by its CONNECTs
    const frames: DissectedFrame[] = await dissect(file, ['-d', `tcp.port==${broker.port},mqtt`]);
    const dissected = frames.flatMap((f) => f.mqtt);
    const ours = run.trace.filter((e): e is SendEvent => e.kind === 'send');
    const versions = new Map(run.connections.map((c) => [c.conn, c.version]));

    expect(ours.length).toBe(dissected.length);
    ours.forEach((send, i) => {
      const want = expectedFields(send.bytes, versions.get(send.conn)!);
      expect(shown(dissected[i], want), `packet ${i + 1}: ${send.packet.type}`).toEqual(want);
    });

    // what the script did is all there
    expect(run.parties.map((p) => p.id).sort()).toEqual(['broker', 'lab-pub-5', 'lab-sub-311']);
    expect(run.connections.map((c) => [c.client, c.version])).toEqual([
      ['lab-sub-311', 4],
      ['lab-pub-5', 5],
    ]);
    const of = (from: string, type: string) => ours.filter((e) => e.from === from && e.packet.type === type);
    expect(of('lab-sub-311', 'CONNECT')[0].packet).toMatchObject({
      username: 'ops',
      will: { topic: 'lab/status', qos: 1 },
    });
    expect(of('lab-pub-5', 'CONNECT')[0].packet).toMatchObject({ properties: { userProperties: [['site', 'lab']] } });
    expect(of('lab-sub-311', 'SUBSCRIBE')[0].packet).toMatchObject({
      subscriptions: [
        { topicFilter: 'lab/#', qos: 2 },
        { topicFilter: 'other/+', qos: 1 },
      ],
    });
    expect(of('lab-pub-5', 'PUBLISH').map((e) => e.packet.type === 'PUBLISH' && e.packet.qos)).toEqual([0, 1, 2]);
    for (const [from, type] of [
      ['broker', 'PUBACK'],
      ['broker', 'PUBREC'],
      ['lab-pub-5', 'PUBREL'],
      ['broker', 'PUBCOMP'],
      ['lab-sub-311', 'UNSUBSCRIBE'],
      ['broker', 'UNSUBACK'],
      ['lab-sub-311', 'PINGREQ'],
      ['broker', 'PINGRESP'],
      ['lab-pub-5', 'DISCONNECT'],
      ['lab-sub-311', 'DISCONNECT'],
    ])
      expect(of(from, type).length, `${type} from ${from}`).toBeGreaterThan(0);
  });
});
