/**
 * The codec fuzzer: feeds the decoder random and mutated bytes and checks what must hold for any
 * input at all. Used by fuzz.test.ts (CI: fixed seed, bounded) and run.ts (`npm run fuzz`: longer,
 * random seed, replayable with `--seed N`).
 *
 * Every run is a pure function of its seed: one seeded integer PRNG (below) picks every buffer,
 * mutation and chunking; the corpus of valid packets comes from the arbitraries, sampled with the
 * same seed. No clocks, no Math.random.
 *
 * Properties, for each buffer and both versions (3.1.1, 5.0):
 * 1. decode() returns or throws an MqttError, nothing else; an error points inside the bytes.
 * 2. decode() with spans behaves exactly as without (same packet, or the same error).
 * 3. When it returns: the spans tile [0, length) and every span's children tile it (bit fields of
 *    one byte share it and their masks partition it); encode(packet) succeeds, decodes to the same
 *    packet, and re-encodes to the same bytes.
 * And for streams of several packets (valid ones, some followed by garbage): the streaming decoder
 * (createDecoder), fed in random chunks, yields what one-shot decoding yields, packet by packet,
 * and ends in the same state (the same error, or the same number of bytes waiting).
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import {
  MqttError,
  createDecoder,
  decode,
  encode,
  type Decoded,
  type Packet,
  type ProtocolVersion,
} from '../../engine/codec/index.ts';
import { arbitraryPacket } from '../support/arbitraries.ts';
import { checkTiling } from '../support/span-tiling.ts';

// ---------------------------------------------------------------- PRNG

/**
 * A seeded 32-bit PRNG (mulberry32): small, fast, and good enough to pick bytes and mutations.
 * The same seed gives the same sequence on every platform.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform integer in [0, 2^32). */
  u32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 0x1_0000_0000) * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.u32() < p * 0x1_0000_0000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }
}

// ---------------------------------------------------------------- buffers

export interface CorpusEntry {
  version: ProtocolVersion;
  bytes: Uint8Array;
}

/** Valid packets of both versions, encoded: what the mutations start from. */
export function buildCorpus(seed: number, perVersion: number): CorpusEntry[] {
  const corpus: CorpusEntry[] = [];
  for (const version of [4, 5] as const) {
    for (const packet of fc.sample(arbitraryPacket(version), { seed: seed + version, numRuns: perVersion })) {
      corpus.push({ version, bytes: encode(packet, version) });
    }
  }
  return corpus;
}

/** Bytes that sit on edges: 0, the varint continuation bit, the wildcards, U+0000's byte, … */
const INTERESTING = [0x00, 0x01, 0x02, 0x7f, 0x80, 0x81, 0xc0, 0xff, 0x23, 0x2b, 0x2f, 0xed, 0xf4];

function varint(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** Where the remaining length ends (index of the first body byte), or -1 if it does not. */
function bodyStart(bytes: Uint8Array): number {
  for (let i = 1; i < bytes.length && i <= 4; i++) if ((bytes[i] & 0x80) === 0) return i + 1;
  return -1;
}

/** Replace the remaining length field with `field`. */
function withRemainingLength(bytes: Uint8Array, field: number[]): Uint8Array {
  const start = bodyStart(bytes);
  const body = start < 0 ? bytes.subarray(Math.min(bytes.length, 2)) : bytes.subarray(start);
  return Uint8Array.from([bytes[0] ?? 0, ...field, ...body]);
}

/** Make the remaining length say the truth, so the decoder gets past it to the fields. */
function fixRemainingLength(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) return bytes;
  const start = bodyStart(bytes);
  const body = start < 0 ? bytes.subarray(Math.min(bytes.length, 2)) : bytes.subarray(start);
  return withRemainingLength(bytes, varint(body.length));
}

function randomBytes(prng: Prng): Uint8Array {
  const length = prng.pick([0, 1, 2, 3, 4, 5, 8, 12, 16, 32, 64, prng.range(0, 300)]);
  const bytes = prng.bytes(length);
  if (length > 0 && prng.chance(0.6)) {
    // A real packet type, usually with the flags it must have, so the body gets read.
    const code = prng.range(1, 15);
    const flags = code === 3 ? prng.int(16) : code === 6 || code === 8 || code === 10 ? 2 : 0;
    bytes[0] = (code << 4) | (prng.chance(0.9) ? flags : prng.int(16));
    if (prng.chance(0.7)) return fixRemainingLength(bytes);
  }
  return bytes;
}

/** Apply one to four mutations to a copy of `source`. */
function mutate(prng: Prng, source: Uint8Array, corpus: readonly CorpusEntry[]): Uint8Array {
  let bytes: Uint8Array = Uint8Array.from(source);
  const count = prng.pick([1, 1, 1, 2, 2, 3, 4]);
  for (let m = 0; m < count; m++) {
    const at = bytes.length > 0 ? prng.int(bytes.length) : 0;
    switch (prng.int(10)) {
      case 0: // flip one bit
        if (bytes.length) bytes[at] ^= 1 << prng.int(8);
        break;
      case 1: // set a byte to anything
        if (bytes.length) bytes[at] = prng.int(256);
        break;
      case 2: // set a byte to an edge value
        if (bytes.length) bytes[at] = prng.pick(INTERESTING);
        break;
      case 3: // truncate
        bytes = bytes.slice(0, prng.int(bytes.length + 1));
        break;
      case 4: // extend
        bytes = Uint8Array.from([...bytes, ...prng.bytes(prng.range(1, 8))]);
        break;
      case 5: // insert a byte
        bytes = Uint8Array.from([...bytes.subarray(0, at), prng.int(256), ...bytes.subarray(at)]);
        break;
      case 6: // delete a run of bytes
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + prng.range(1, 4))]);
        break;
      case 7: {
        // splice in a piece of another valid packet
        const other = prng.pick(corpus).bytes;
        const from = prng.int(other.length);
        const piece = other.subarray(from, from + prng.range(1, 16));
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...piece, ...bytes.subarray(at)]);
        break;
      }
      default: {
        // edit the remaining length: off by a little, anything, non-minimal, too long
        if (bytes.length === 0) break;
        const start = bodyStart(bytes);
        const actual = start < 0 ? 0 : bytes.length - start;
        const kind = prng.int(5);
        const field =
          kind === 0
            ? varint(Math.max(0, actual + prng.range(-3, 3)))
            : kind === 1
              ? varint(prng.chance(0.5) ? prng.int(300) : prng.int(268_435_456))
              : kind === 2
                ? [...varint(actual).map((b) => b | 0x80), 0x00] // one byte longer than needed
                : kind === 3
                  ? [0xff, 0xff, 0xff, 0xff, 0x7f] // five bytes
                  : varint(actual);
        bytes = withRemainingLength(bytes, field);
      }
    }
  }
  return prng.chance(0.5) ? fixRemainingLength(bytes) : bytes;
}

// ---------------------------------------------------------------- checks

export interface FuzzFailure {
  /** Which property broke. */
  property: string;
  /** Index of the buffer (or stream) in the run: with the seed, enough to replay it. */
  iteration: number;
  version: ProtocolVersion;
  /** The input, in hex (a stream: its bytes; `chunks` says how it was cut). */
  input: string;
  chunks?: number[];
  message: string;
}

export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

type Outcome = { ok: true; decoded: Decoded } | { ok: false; error: MqttError };

class PropertyBroken extends Error {
  constructor(
    readonly property: string,
    message: string,
  ) {
    super(message);
  }
}

function broken(property: string, message: string): never {
  throw new PropertyBroken(property, message);
}

/** decode(), with anything but an MqttError turned into a broken property. */
function attempt(bytes: Uint8Array, version: ProtocolVersion, spans: boolean): Outcome {
  try {
    return { ok: true, decoded: decode(bytes, version, spans ? { spans: true } : undefined) };
  } catch (error) {
    if (error instanceof MqttError) return { ok: false, error };
    return broken(
      'decode throws only MqttError',
      `${spans ? 'decode with spans' : 'decode'} threw ${describeError(error)}`,
    );
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}

const summary = (o: Outcome) =>
  o.ok ? `${o.decoded.packet.type} (${o.decoded.length} bytes)` : `${o.error.code} at ${o.error.offset}`;

function checkBuffer(bytes: Uint8Array, version: ProtocolVersion): 'accepted' | 'rejected' {
  const plain = attempt(bytes, version, false);
  const spanned = attempt(bytes, version, true);

  // 1. Errors point inside the bytes.
  if (!plain.ok) {
    const { offset } = plain.error;
    if (!Number.isInteger(offset) || offset < 0 || offset > bytes.length)
      broken('an error points inside the bytes', `${plain.error.code} at offset ${offset} of ${bytes.length} bytes`);
  }

  // 2. Spans change nothing but the spans.
  const same = plain.ok
    ? spanned.ok &&
      spanned.decoded.length === plain.decoded.length &&
      isDeepStrictEqual(spanned.decoded.packet, plain.decoded.packet)
    : !spanned.ok && spanned.error.code === plain.error.code && spanned.error.offset === plain.error.offset;
  if (!same) broken('spans change nothing else', `without spans: ${summary(plain)}; with: ${summary(spanned)}`);
  if (!plain.ok || !spanned.ok) return 'rejected';

  // 3. Spans tile the packet.
  const { packet, length } = plain.decoded;
  const tiling = checkTiling(spanned.decoded.spans ?? [], 0, length);
  if (tiling) broken('spans tile the packet', tiling);

  // 3. What decodes, encodes, and comes back the same.
  let encoded: Uint8Array;
  try {
    encoded = encode(packet, version);
  } catch (error) {
    return broken(
      'a decoded packet encodes',
      `encode(${JSON.stringify(summaryOf(packet))}) threw ${describeError(error)}`,
    );
  }
  const again = attempt(encoded, version, false);
  if (!again.ok)
    broken('a decoded packet encodes', `its encoding ${hex(encoded)} does not decode: ${again.error.message}`);
  if (!isDeepStrictEqual(again.decoded.packet, packet))
    broken('encode then decode gives the same packet', `re-encoded as ${hex(encoded)}`);
  const reencoded = encode(again.decoded.packet, version);
  if (Buffer.compare(reencoded, encoded) !== 0)
    broken('encoding is a fixed point', `${hex(encoded)} re-encodes as ${hex(reencoded)}`);
  return 'accepted';
}

function summaryOf(packet: Packet): Record<string, unknown> {
  return JSON.parse(JSON.stringify(packet, (_, v) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v))) as Record<
    string,
    unknown
  >;
}

// ---------------------------------------------------------------- streams

type StreamEnd =
  { kind: 'done' } | { kind: 'waiting'; buffered: number } | { kind: 'error'; code: string; offset: number };

/** One-shot decoding of a stream, packet after packet, following the version a CONNECT sets. */
function decodeOneShot(stream: Uint8Array, version: ProtocolVersion): { packets: Decoded[]; end: StreamEnd } {
  const packets: Decoded[] = [];
  let at = 0;
  let v = version;
  while (at < stream.length) {
    try {
      const decoded = decode(stream.subarray(at), v);
      packets.push(decoded);
      if (decoded.packet.type === 'CONNECT') v = decoded.packet.protocolVersion === 5 ? 5 : 4;
      at += decoded.length;
    } catch (error) {
      if (!(error instanceof MqttError)) broken('decode throws only MqttError', `decode threw ${describeError(error)}`);
      if (error.incomplete) return { packets, end: { kind: 'waiting', buffered: stream.length - at } };
      return { packets, end: { kind: 'error', code: error.code, offset: error.offset } };
    }
  }
  return { packets, end: { kind: 'done' } };
}

/** Cut `length` bytes into random chunk sizes: single bytes, empty chunks, big runs. */
function chunking(prng: Prng, length: number): number[] {
  const sizes: number[] = [];
  let left = length;
  const style = prng.int(4);
  while (left > 0) {
    const size =
      style === 0 ? 1 : style === 1 ? prng.range(0, 4) : style === 2 ? prng.range(1, 64) : prng.range(0, left);
    sizes.push(Math.min(size, left));
    left -= Math.min(size, left);
  }
  return sizes;
}

/** A stream of valid packets, sometimes ending in garbage or a packet cut short, and its chunking. */
function drawStream(prng: Prng, corpus: readonly CorpusEntry[], version: ProtocolVersion) {
  const parts: Uint8Array[] = [];
  const count = prng.range(1, 6);
  const sameVersion = corpus.filter((c) => c.version === version);
  // Mostly packets of the stream's version; now and then one of the other (a CONNECT of the
  // other version switches the stream to it).
  for (let i = 0; i < count; i++) parts.push(prng.pick(prng.chance(0.9) ? sameVersion : corpus).bytes);
  const tail = prng.int(4);
  if (tail === 1) parts.push(mutate(prng, prng.pick(corpus).bytes, corpus));
  else if (tail === 2) parts.push(randomBytes(prng));
  else if (tail === 3) parts.push(prng.pick(corpus).bytes.subarray(0, prng.range(1, 6))); // a packet cut short
  const stream = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    stream.set(p, at);
    at += p.length;
  }
  return { stream, chunks: chunking(prng, stream.length) };
}

/** Feed `stream` to a streaming decoder in `chunks`; it must agree with one-shot decoding. */
function checkStream(stream: Uint8Array, chunks: readonly number[], version: ProtocolVersion): void {
  const expected = decodeOneShot(stream, version);
  const decoder = createDecoder(version);
  const got: Decoded[] = [];
  let end: StreamEnd | undefined;
  let at = 0;
  for (const size of chunks) {
    // A view into a larger buffer, as a socket would hand it over.
    const chunk = stream.subarray(at, at + size);
    at += size;
    try {
      got.push(...decoder.push(chunk));
    } catch (error) {
      if (!(error instanceof MqttError)) broken('the stream decoder throws only MqttError', describeError(error));
      got.push(...((error as MqttError & { packets?: Decoded[] }).packets ?? []));
      end = { kind: 'error', code: error.code, offset: error.offset };
      break;
    }
  }
  end ??= decoder.buffered === 0 ? { kind: 'done' } : { kind: 'waiting', buffered: decoder.buffered };

  const types = (list: Decoded[]) => list.map((d) => d.packet.type).join(' ');
  if (got.length !== expected.packets.length)
    broken(
      'streaming agrees with one-shot decoding',
      `one-shot: [${types(expected.packets)}]; streaming: [${types(got)}]`,
    );
  for (let i = 0; i < got.length; i++) {
    if (got[i].length !== expected.packets[i].length || !isDeepStrictEqual(got[i].packet, expected.packets[i].packet))
      broken('streaming agrees with one-shot decoding', `packet ${i} (${expected.packets[i].packet.type}) differs`);
  }
  if (!isDeepStrictEqual(end, expected.end))
    broken(
      'streaming agrees with one-shot decoding',
      `one-shot ends ${JSON.stringify(expected.end)}; streaming ${JSON.stringify(end)}`,
    );
}

// ---------------------------------------------------------------- the run

export interface FuzzOptions {
  seed: number;
  /** How many buffers to check (each under both versions). */
  buffers: number;
  /** One stream check per this many buffers. */
  streamEvery?: number;
  /** Valid packets per version to mutate. */
  corpusSize?: number;
  /** Stop after this many failures. */
  maxFailures?: number;
  /** Called every `progressEvery` buffers. */
  onProgress?: (report: FuzzReport) => void;
  progressEvery?: number;
  /** Asked every 1,000 buffers; true ends the run early (run.ts's time budget). */
  shouldStop?: () => boolean;
}

export interface FuzzReport {
  seed: number;
  buffers: number;
  /** Buffer × version checks where decode returned a packet. */
  accepted: number;
  /** … and where it threw an MqttError. */
  rejected: number;
  streams: number;
  failures: FuzzFailure[];
}

export function fuzz(options: FuzzOptions): FuzzReport {
  const { seed, buffers, streamEvery = 8, corpusSize = 400, maxFailures = 1, progressEvery = 10_000 } = options;
  const prng = new Prng(seed);
  const corpus = buildCorpus(seed, corpusSize);
  const report: FuzzReport = { seed, buffers: 0, accepted: 0, rejected: 0, streams: 0, failures: [] };

  // Most buffers are rejected, and capturing each MqttError's stack trace is most of the cost of
  // rejecting: capture none while fuzzing, and re-run a failing check with stacks to report it.
  const stackTraceLimit = Error.stackTraceLimit;
  const withStacks = (check: () => void) => {
    Error.stackTraceLimit = stackTraceLimit;
    try {
      check();
      return new Error('the check failed once and then passed: it depends on state it should not');
    } catch (error) {
      return error;
    } finally {
      Error.stackTraceLimit = 0;
    }
  };
  Error.stackTraceLimit = 0;
  try {
    run();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return report;

  function run() {
    for (let i = 0; i < buffers && report.failures.length < maxFailures; i++) {
      const source = prng.chance(0.2) ? undefined : prng.pick(corpus);
      const bytes = source ? mutate(prng, source.bytes, corpus) : randomBytes(prng);
      for (const version of [4, 5] as const) {
        try {
          if (checkBuffer(bytes, version) === 'accepted') report.accepted++;
          else report.rejected++;
        } catch {
          report.failures.push(
            failure(
              withStacks(() => checkBuffer(bytes, version)),
              i,
              version,
              bytes,
            ),
          );
          break;
        }
      }
      report.buffers++;

      if (i % streamEvery === 0 && report.failures.length < maxFailures) {
        const version = prng.chance(0.5) ? 4 : 5;
        const { stream, chunks } = drawStream(prng, corpus, version);
        try {
          checkStream(stream, chunks, version);
        } catch {
          const error = withStacks(() => checkStream(stream, chunks, version));
          report.failures.push({ ...failure(error, i, version, stream), chunks });
        }
        report.streams++;
      }
      if (options.onProgress && report.buffers % progressEvery === 0) options.onProgress(report);
      if (report.buffers % 1000 === 0 && options.shouldStop?.()) break;
    }
  }
}

function failure(error: unknown, iteration: number, version: ProtocolVersion, bytes: Uint8Array): FuzzFailure {
  const property = error instanceof PropertyBroken ? error.property : 'the fuzzer itself runs';
  return {
    property,
    iteration,
    version,
    input: hex(bytes),
    message: error instanceof Error ? error.message : String(error),
  };
}
