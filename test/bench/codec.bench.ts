/**
 * `npm run bench:codec`: our codec against mqtt-packet 9 (generate() and its streaming Parser),
 * in one process, on two PUBLISH packets:
 *   (a) MQTT 3.1.1, QoS 1, a 25-byte topic, a 100-byte payload;
 *   (b) MQTT 5.0, the same with four properties.
 * Rows: encode, decode, encode + decode. Each row is measured in rounds (default 7 × 300 ms per
 * side, after a warm-up), alternating which side goes first; the table gives ops/s (median) for
 * both and the ratio ours / theirs of each round as min / median / max. Time is the process's CPU
 * time (process.cpuUsage), so other load on the machine does not count against either side.
 *
 *   npm run bench:codec -- --rounds 9 --ms 500
 */
import { parseArgs } from 'node:util';
import { decode, encode, type Packet, type ProtocolVersion } from '../../engine/codec/index.ts';
import { type MqttPacketObject, mqttPacket, mqttPacketParse, toMqttPacket } from '../support/mqtt-packet-shape.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    ms: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '500' },
  },
});
const ROUNDS = Number(values.rounds);
const ROUND_MS = Number(values.ms);
const WARMUP_MS = Number(values.warmup);

// ---------------------------------------------------------------- the packets

const topic = 'factory/line-4/press/temp'; // 25 bytes
const payload = Uint8Array.from({ length: 100 }, (_, i) => 0x20 + ((i * 7) % 95));

const cases: Array<{ name: string; version: ProtocolVersion; packet: Packet }> = [
  {
    name: '3.1.1 PUBLISH QoS 1',
    version: 4,
    packet: { type: 'PUBLISH', dup: false, qos: 1, retain: false, topic, packetId: 4321, payload },
  },
  {
    name: '5.0 PUBLISH + 4 props',
    version: 5,
    packet: {
      type: 'PUBLISH',
      dup: false,
      qos: 1,
      retain: false,
      topic,
      packetId: 4321,
      payload,
      properties: {
        payloadFormatIndicator: 1,
        messageExpiryInterval: 3600,
        contentType: 'application/json',
        userProperties: [['trace-id', '4bf92f3577b34da6']],
      },
    },
  },
];

// ---------------------------------------------------------------- the work

/** Results go here, so no measured call is dead code. */
let sink: unknown;

interface Side {
  encode: () => void;
  decode: () => void;
  encodeDecode: () => void;
}

function ours(version: ProtocolVersion, packet: Packet, bytes: Uint8Array): Side {
  return {
    encode: () => (sink = encode(packet, version)),
    decode: () => (sink = decode(bytes, version).packet),
    encodeDecode: () => (sink = decode(encode(packet, version), version).packet),
  };
}

function theirs(version: ProtocolVersion, packet: MqttPacketObject, bytes: Buffer): Side {
  // One parser per case, as a connection would have; it emits each packet as a 'packet' event.
  const parser = mqttPacket.parser({ protocolVersion: version });
  parser.on('packet', (p) => (sink = p));
  parser.on('error', (error) => {
    throw error;
  });
  const options = { protocolVersion: version };
  return {
    encode: () => (sink = mqttPacket.generate(packet, options)),
    decode: () => parser.parse(bytes),
    encodeDecode: () => parser.parse(mqttPacket.generate(packet, options)),
  };
}

/**
 * Milliseconds of CPU time this process has used. The clock for the measurements: this machine is
 * shared, and CPU time does not count the time another process had the core.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Operations per second (of CPU time) of `fn`, run for about `ms` ms in calibrated batches. */
function measure(fn: () => void, ms: number): number {
  let batch = 1;
  for (;;) {
    const t0 = cpuMs();
    for (let i = 0; i < batch; i++) fn();
    if (cpuMs() - t0 > 2) break;
    batch *= 2;
  }
  let ops = 0;
  const start = cpuMs();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) fn();
    ops += batch;
    now = cpuMs();
  }
  return ops / ((now - start) / 1000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------- run

interface Row {
  name: string;
  ours: () => void;
  theirs: () => void;
  oursOps: number[];
  theirsOps: number[];
}

const rows: Row[] = [];
for (const c of cases) {
  const bytes = encode(c.packet, c.version);
  const mqttObject = toMqttPacket(c.packet, c.version);
  const theirBytes = mqttPacket.generate(mqttObject, { protocolVersion: c.version });
  // Both sides do the same job: the same bytes out, the same packet back.
  if (Buffer.compare(bytes, theirBytes) !== 0) throw new Error(`${c.name}: the encoders disagree`);
  const parsed = mqttPacketParse(bytes, c.version);
  if (parsed.error || parsed.packets.length !== 1) throw new Error(`${c.name}: mqtt-packet cannot parse our bytes`);

  const o = ours(c.version, c.packet, bytes);
  const t = theirs(c.version, mqttObject, theirBytes);
  for (const op of ['encode', 'decode', 'encodeDecode'] as const) {
    const label = op === 'encodeDecode' ? 'encode+decode' : op;
    rows.push({ name: `${c.name}: ${label}`, ours: o[op], theirs: t[op], oursOps: [], theirsOps: [] });
  }
}

console.log(
  `codec benchmark: ${ROUNDS} rounds × ${ROUND_MS} ms of CPU time per side, after ${WARMUP_MS} ms of warm-up; node ${process.version}`,
);
for (const row of rows) {
  measure(row.ours, WARMUP_MS / 2);
  measure(row.theirs, WARMUP_MS / 2);
}
for (let round = 0; round < ROUNDS; round++) {
  for (const row of rows) {
    if (round % 2 === 0) {
      row.oursOps.push(measure(row.ours, ROUND_MS));
      row.theirsOps.push(measure(row.theirs, ROUND_MS));
    } else {
      row.theirsOps.push(measure(row.theirs, ROUND_MS));
      row.oursOps.push(measure(row.ours, ROUND_MS));
    }
  }
  process.stdout.write(`  round ${round + 1}/${ROUNDS} done\r`);
}
process.stdout.write('\n');
if (sink === undefined) throw new Error('nothing was measured');

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const table = rows.map((row) => {
  const ratios = row.oursOps.map((o, i) => o / row.theirsOps[i]);
  return {
    row: row.name,
    'ours ops/s': fmt(median(row.oursOps)),
    'mqtt-packet ops/s': fmt(median(row.theirsOps)),
    'ours/theirs min': Math.min(...ratios).toFixed(2),
    median: median(ratios).toFixed(2),
    max: Math.max(...ratios).toFixed(2),
  };
});

const headers = Object.keys(table[0]) as Array<keyof (typeof table)[number]>;
const widths = headers.map((h) => Math.max(h.length, ...table.map((r) => r[h].length)));
const line = (cells: string[]) =>
  '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
console.log(line(headers));
console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const r of table) console.log(line(headers.map((h) => r[h])));

const below = table.filter((r) => Number(r.median) < 2);
console.log(
  below.length === 0 ? '\n✓ median ratio ≥ 2 in every row' : `\n✗ median ratio < 2 in ${below.length} row(s)`,
);
