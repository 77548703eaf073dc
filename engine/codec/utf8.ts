/**
 * Strict UTF-8 for MQTT strings [MQTT-1.5.3-1/2] (5.0: [MQTT-1.5.4-1/2]): well-formed per RFC 3629,
 * no surrogates, no U+0000. Hand-written for short strings, which is nearly every MQTT string: a
 * TextDecoder call costs more than decoding a 25-byte topic by hand. Long strings go to the platform.
 */
import { malformed } from './errors.ts';
import { type ProtocolVersion, rule } from './version.ts';

const LONG = 64;
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }); // a BOM is kept, not stripped [MQTT-1.5.3-3];
const encoder = new TextEncoder();

/** Decode `buf[start, end)`; throws MqttError naming the offending byte (offset from `base`). */
export function decodeUtf8(buf: Uint8Array, start: number, end: number, version: ProtocolVersion, base = 0): string {
  if (end - start > LONG) {
    let text: string | undefined;
    try {
      text = fatalDecoder.decode(buf.subarray(start, end));
    } catch {
      text = undefined; // find and name the bad byte below
    }
    if (text !== undefined) {
      const nul = text.indexOf('\0');
      if (nul < 0) return text;
    }
  }
  if (end - start === 1 && buf[start] > 0 && buf[start] < 0x80) return ASCII[buf[start]];
  // Code units go to an array and become a string in one call at the end: concatenating character
  // by character builds a rope that has to be flattened again on first use. There are at most as
  // many code units as bytes (exactly as many for ASCII).
  const units: number[] = new Array(end - start);
  let n = 0;
  let i = start;
  while (i < end) {
    const b0 = buf[i];
    if (b0 < 0x80) {
      if (b0 === 0) throw malformed(i - base, 'utf8-null', rule(version, 'MQTT-1.5.3-2', 'MQTT-1.5.4-2'));
      units[n++] = b0;
      i++;
      continue;
    }
    let cp: number;
    let need: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      need = 1;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      need = 2;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      need = 3;
      min = 0x10000;
    } else {
      throw illFormed(buf, i, base, version);
    }
    if (i + need >= end) throw illFormed(buf, i, base, version);
    for (let k = 1; k <= need; k++) {
      const b = buf[i + k];
      if ((b & 0xc0) !== 0x80) throw illFormed(buf, i + k, base, version);
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff) throw illFormed(buf, i, base, version);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw malformed(i - base, 'utf8-surrogate', rule(version, 'MQTT-1.5.3-1', 'MQTT-1.5.4-1'));
    }
    if (cp < 0x10000) {
      units[n++] = cp;
    } else {
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
    i += need + 1;
  }
  if (n < units.length) units.length = n;
  if (n <= 2) return n === 0 ? '' : n === 1 ? String.fromCharCode(units[0]) : String.fromCharCode(units[0], units[1]);
  return n <= LONG ? String.fromCharCode.apply(null, units) : fromCodeUnits(units);
}

/** One-character strings of ASCII, ready made. */
const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** A long run of code units as a string, in slices (apply() has an argument limit). */
function fromCodeUnits(units: number[]): string {
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode.apply(null, units.slice(i, i + 4096));
  return out;
}

function illFormed(buf: Uint8Array, at: number, base: number, version: ProtocolVersion) {
  const byte = at < buf.length ? buf[at].toString(16).padStart(2, '0') : '--';
  return malformed(at - base, 'utf8-ill-formed', rule(version, 'MQTT-1.5.3-1', 'MQTT-1.5.4-1'), { byte });
}

/**
 * Byte length of `text` in UTF-8, or -1 if the text cannot be sent: a lone surrogate or U+0000.
 *
 * Encoding asks this twice of every string (measure, then write its length prefix), so the last
 * few answers are kept: `===` on the same string is a pointer compare, and a different string of
 * a different length fails at once.
 */
export function utf8Length(text: string): number {
  for (let k = 0; k < MEMO_SIZE; k++) if (memoText[k] === text) return memoLength[k];
  const n = measureUtf8(text);
  memoText[memoNext] = text;
  memoLength[memoNext] = n;
  memoNext = (memoNext + 1) % MEMO_SIZE;
  return n;
}

const MEMO_SIZE = 4;
const memoText: string[] = Array.from({ length: MEMO_SIZE }, () => '');
const memoLength: number[] = Array.from({ length: MEMO_SIZE }, () => 0);
let memoNext = 0;

function measureUtf8(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0) return -1;
      n += 1;
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return -1;
      n += 4;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return -1;
    else n += 3;
  }
  return n;
}

/** Write `text` (already checked by utf8Length) at `pos`; returns the position after it. */
export function writeUtf8(buf: Uint8Array, pos: number, text: string): number {
  if (text.length > LONG) return pos + encoder.encodeInto(text, buf.subarray(pos)).written;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) buf[pos++] = c;
    else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      buf[pos++] = 0xf0 | (c >> 18);
      buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos;
}
