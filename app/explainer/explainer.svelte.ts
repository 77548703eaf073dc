/**
 * The explainer's state: the pasted text, the version to decode as, which packet of the paste is
 * shown, and what is pointed at. Everything else (bytes, decodes, layouts) derives from these.
 */
import type { ProtocolVersion } from '$engine';
import { type HexParse, formatHex, parseHex } from '../lib/hex.ts';
import { type StreamResult, decodeStream, findBoundary } from './decode-stream.ts';
import { EXAMPLES, type ExampleId } from './examples.ts';
import { type HashRead, type Mode, readHash, writeHash } from './hash.ts';
import type { Focus, Pointing } from './span-rows.ts';

/** A problem with the link the page was opened with, to show until dismissed. */
export type LinkProblem = Exclude<HashRead, { kind: 'none' } | { kind: 'ok' }> | { kind: 'too-long' };

export class Explainer implements Pointing {
  input = $state('');
  mode = $state<Mode>('4');
  /** Which packet of the paste is shown (0-based). */
  packetIndex = $state(0);
  /** Which direction of a two-way paste (a follow dump, frames both ways) is decoded. */
  streamIndex = $state(0);
  /** Bytes skipped at the start, to the packet boundary found for a paste that begins mid-packet. */
  skip = $state(0);
  /** The search for a packet boundary found none. */
  noBoundary = $state(false);
  /** Pointed at by the mouse (transient) and chosen by click or keyboard (stays). */
  hover = $state.raw<Focus | null>(null);
  selected = $state.raw<Focus | null>(null);
  /** The flag byte the bit grid shows: the last one pointed at. */
  bitOffset = $state(0);
  linkProblem = $state.raw<LinkProblem | null>(null);
  /** A paste too long for the box (big-paste.ts) is all in the box anyway: the reader asked to edit it. */
  wholeText = $state(false);

  readonly parsed: HexParse = $derived(parseHex(this.input));

  readonly versions: ProtocolVersion[] = $derived(this.mode === 'both' ? [4, 5] : [this.mode === '5' ? 5 : 4]);

  /**
   * The last decode, kept so that a keystroke that leaves the bytes as they were (a space, a line
   * break, a comment) hands the views the very same results and redraws nothing.
   */
  #decoded: { bytes: Uint8Array; versions: ProtocolVersion[]; streams: StreamResult[] } | null = null;

  /** The bytes of the chosen direction, from the boundary found if one was asked for. */
  readonly source: Uint8Array = $derived.by(() => {
    const parsed = this.parsed;
    if (!parsed.ok) return new Uint8Array(0);
    const bytes = parsed.streams?.[this.streamIndex]?.bytes ?? parsed.bytes;
    return bytes.subarray(Math.min(this.skip, bytes.length));
  });

  readonly streams: StreamResult[] = $derived.by(() => {
    const bytes = this.source;
    if (bytes.length === 0) return [];
    const versions = this.versions;
    const last = this.#decoded;
    if (last && sameBytes(last.bytes, bytes) && last.versions.join() === versions.join()) return last.streams;
    const streams = versions.map((version) => decodeStream(bytes, version));
    this.#decoded = { bytes, versions, streams };
    return streams;
  });

  /** The most packets any column decoded. */
  readonly packetCount: number = $derived(Math.max(0, ...this.streams.map((s) => s.packets.length)));

  readonly shownIndex: number = $derived(Math.min(this.packetIndex, Math.max(0, this.packetCount - 1)));

  readonly focus: Focus | null = $derived(this.hover ?? this.selected);

  /** The first packet does not read: the paste may start inside a packet, and a boundary can be sought. */
  readonly startsMidPacket: boolean = $derived(
    this.skip === 0 && this.source.length > 1 && this.streams.some((s) => s.packets[0]?.failure !== undefined),
  );

  /**
   * The address for what is on screen (the bytes decoded: one direction, from the boundary found);
   * null while the text does not parse (leave the address).
   */
  readonly hash: string | null = $derived.by(() => {
    const parsed = this.parsed;
    if (!parsed.ok) return null;
    return writeHash(this.source, this.mode) ?? '';
  });

  readonly tooLongForLink: boolean = $derived(this.parsed.ok && writeHash(this.source, this.mode) === null);

  /**
   * New text in the box. A fresh paste (or a cleared box) starts again at the first packet of the
   * first direction; a keystroke keeps the packet shown.
   */
  setInput(text: string, fresh = false): void {
    this.input = text;
    this.skip = 0;
    this.noBoundary = false;
    if (fresh || text.trim() === '') {
      this.packetIndex = 0;
      this.streamIndex = 0;
      this.wholeText = false;
    }
    this.resetPointing();
  }

  showStream(index: number): void {
    this.streamIndex = index;
    this.packetIndex = 0;
    this.skip = 0;
    this.noBoundary = false;
    this.resetPointing();
  }

  /** Skip to the first offset from which the paste reads as whole packets. */
  findBoundary(): void {
    const found = findBoundary(this.source, this.versions[0]);
    if (found === undefined) this.noBoundary = true;
    else {
      this.skip = found;
      this.packetIndex = 0;
    }
    this.resetPointing();
  }

  /** Back to the first byte after a boundary was found. */
  unskip(): void {
    this.skip = 0;
    this.packetIndex = 0;
    this.resetPointing();
  }

  setMode(mode: Mode): void {
    this.mode = mode;
    this.resetPointing();
  }

  loadExample(id: ExampleId): void {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) return;
    this.mode = example.mode;
    this.setInput(example.hex, true);
    this.resetPointing();
  }

  showPacket(index: number): void {
    this.packetIndex = index;
    this.resetPointing();
  }

  /** Read the address. Returns whether it said anything (so the caller can fall back to a default). */
  loadHash(hash: string): boolean {
    const read = readHash(hash);
    if (read.kind === 'none') return false;
    if (read.kind !== 'ok') {
      this.linkProblem = read;
      return true;
    }
    this.linkProblem = null;
    if (read.mode) this.mode = read.mode;
    if (read.bytes) this.setInput(formatHex(read.bytes), true);
    this.packetIndex = 0;
    this.resetPointing();
    return true;
  }

  point(focus: Focus | null, flagByte?: number): void {
    this.hover = focus;
    if (flagByte !== undefined) this.bitOffset = flagByte;
  }

  select(focus: Focus | null, flagByte?: number): void {
    this.selected = focus;
    this.hover = null;
    if (flagByte !== undefined) this.bitOffset = flagByte;
  }

  private resetPointing(): void {
    this.hover = null;
    this.selected = null;
    this.bitOffset = 0;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
