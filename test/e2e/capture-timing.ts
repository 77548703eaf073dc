/**
 * What opening a 200 MB capture costs the page, measured on the built app (run `npx vite build`
 * first):
 *
 *   node --import tsx test/e2e/capture-timing.ts
 *
 * Three 200 MB pcap files are written to the temporary folder: big PUBLISHes (60 KB each, about
 * 3,400 packets: it opens), small PUBLISHes (over a million: more than the lab shows, refused with
 * a message) and a capture of plain HTTP-like traffic (no MQTT: refused with a message). Each is
 * opened with the Share and save menu's picker (the path a drop takes too) on the lab showing a
 * preset. For each: the wall time until the capture is on screen or its message is; the longest
 * main-thread task in that time (PerformanceObserver 'longtask'); the longest gap between two
 * animation frames (how long the tab did not answer); and whether the preset on screen stayed when
 * the file was refused.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Packet, encode } from '$engine';
import { TCP_ACK, TCP_PSH, TCP_SYN, endpointOf, ethernetFrame } from '../../engine/capture/frame.ts';
import { startLab } from './browser.ts';

const SIZE = 200 * 1024 * 1024;

/** Write a pcap (Ethernet) of `segments` to `path` until it holds SIZE bytes. */
function writeCapture(
  path: string,
  segments: (i: number) => { fromClient: boolean; flags?: number; payload: Uint8Array },
) {
  const fd = openSync(path, 'w');
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65_535, 16);
  header.writeUInt32LE(1, 20);
  writeSync(fd, header);
  const client = endpointOf(0, 2, 50_000);
  const server = endpointOf(0, 1, 1883);
  const seq = { client: 1000, server: 5000 };
  let written = 24;
  // written in batches: a syscall per record made the file of small packets take a minute
  let batch: Buffer[] = [];
  let batched = 0;
  const flush = () => {
    writeSync(fd, Buffer.concat(batch));
    batch = [];
    batched = 0;
  };
  for (let i = 0; written < SIZE; i++) {
    const s = segments(i);
    const [from, to] = s.fromClient ? [client, server] : [server, client];
    const frame = ethernetFrame({
      from,
      to,
      ipId: i & 0xffff,
      seq: (s.fromClient ? seq.client : seq.server) >>> 0,
      ack: (s.fromClient ? seq.server : seq.client) >>> 0,
      flags: s.flags ?? TCP_ACK | TCP_PSH,
      payload: s.payload,
    });
    const grow = s.payload.length + (s.flags === TCP_SYN || s.flags === (TCP_SYN | TCP_ACK) ? 1 : 0);
    if (s.fromClient) seq.client += grow;
    else seq.server += grow;
    const record = Buffer.alloc(16);
    const timeUs = 1_700_000_000_000_000 + i * 100;
    record.writeUInt32LE(Math.floor(timeUs / 1e6), 0);
    record.writeUInt32LE(timeUs % 1e6, 4);
    record.writeUInt32LE(frame.length, 8);
    record.writeUInt32LE(frame.length, 12);
    batch.push(record, Buffer.from(frame.buffer, frame.byteOffset, frame.length));
    batched += 16 + frame.length;
    written += 16 + frame.length;
    if (batched > 4 << 20) flush();
  }
  flush();
  closeSync(fd);
}

const connect: Packet = {
  type: 'CONNECT',
  protocolName: 'MQTT',
  protocolVersion: 4,
  clean: true,
  keepAlive: 30,
  clientId: 'big',
};
const connack: Packet = { type: 'CONNACK', sessionPresent: false, reasonCode: 0 };
const publish = (size: number): Uint8Array =>
  encode({
    type: 'PUBLISH',
    topic: 'a/b',
    payload: new Uint8Array(size).fill(0x61),
    qos: 0,
    dup: false,
    retain: false,
  });

/** A connection's handshake, CONNECT and CONNACK, then `then(i)` for ever. */
const mqtt =
  (then: Uint8Array) =>
  (i: number): { fromClient: boolean; flags?: number; payload: Uint8Array } => {
    if (i === 0) return { fromClient: true, flags: TCP_SYN, payload: new Uint8Array(0) };
    if (i === 1) return { fromClient: false, flags: TCP_SYN | TCP_ACK, payload: new Uint8Array(0) };
    if (i === 2) return { fromClient: true, payload: encode(connect) };
    if (i === 3) return { fromClient: false, payload: encode(connack) };
    return { fromClient: true, payload: then };
  };

const CASES = [
  { name: 'big PUBLISHes (60 KB each)', file: 'big-publishes.pcap', segments: mqtt(publish(60_000)) },
  { name: 'small PUBLISHes (over a million)', file: 'small-publishes.pcap', segments: mqtt(publish(60)) },
  {
    name: 'no MQTT (HTTP-like traffic)',
    file: 'no-mqtt.pcap',
    segments: (i: number) => ({
      fromClient: i % 2 === 0,
      payload: new TextEncoder().encode(`GET /${i} HTTP/1.1\r\n`.repeat(60)),
    }),
  },
];

async function main(): Promise<void> {
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const lab = await startLab();
  try {
    for (const c of CASES) {
      const path = join(tmpdir(), `mqtt-lab-${c.file}`);
      writeCapture(path, c.segments);
      const page = await lab.page({ width: 1920, height: 1080 });
      await page.addInitScript(() => {
        localStorage.setItem('mqtt-lab.language', 'en');
        localStorage.setItem('mqtt-lab.presenter', '0');
      });
      await page.goto(`${lab.url}#/lab?p=retained`);
      await page.locator('[data-panel="Controls"]').waitFor();
      const eventsBefore = await page.locator('[data-panel="Controls"]').getAttribute('data-events');
      // as a string: tsx would wrap a named function in a helper the page does not have
      await page.evaluate(`(() => {
        window.__long = [];
        window.__gap = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__long.push(entry.duration);
        }).observe({ type: 'longtask' });
        let last = performance.now();
        requestAnimationFrame(function frame() {
          const now = performance.now();
          window.__gap = Math.max(window.__gap, now - last);
          last = now;
          requestAnimationFrame(frame);
        });
        window.__start = performance.now();
      })()`);
      await page.locator('input[data-run="capture-file"]').setInputFiles(path);
      const outcome = await Promise.race([
        page
          .locator('[data-capture-point]')
          .waitFor({ timeout: 300_000 })
          .then(() => 'opened'),
        page
          .locator('[data-problem]')
          .waitFor({ timeout: 300_000 })
          .then(() => 'refused'),
      ]);
      const measured = await page.evaluate(() => {
        const w = window as unknown as { __long: number[]; __gap: number; __start: number };
        return {
          wall: performance.now() - w.__start,
          longest: Math.max(0, ...w.__long),
          gap: w.__gap,
          // (no named function here: tsx would wrap it in a helper the page does not have)
          show:
            (performance.getEntriesByName('capture-shown')[0]?.startTime ?? NaN) -
            (performance.getEntriesByName('capture-read')[0]?.startTime ?? NaN),
        };
      });
      const message = outcome === 'refused' ? await page.locator('[data-problem]').innerText() : '';
      const eventsAfter = await page.locator('[data-panel="Controls"]').getAttribute('data-events');
      console.log(
        `${c.name.padEnd(36)} ${outcome.padEnd(8)} ${measured.wall.toFixed(0).padStart(6)} ms to the result; ` +
          `longest task ${measured.longest.toFixed(0)} ms; longest frame gap ${measured.gap.toFixed(0)} ms; ` +
          (outcome === 'opened' ? `loadCapture ${measured.show.toFixed(0)} ms; ` : '') +
          `events ${eventsBefore} -> ${eventsAfter}${message ? `; message: ${message.replace(/\s+/g, ' ').trim()}` : ''}`,
      );
      console.log(`  page errors: ${page.errors.length ? page.errors.join(' | ') : 'none'}`);
      await page.context().close();
      rmSync(path);
    }
  } finally {
    await lab.close();
  }
}

await main();
