/**
 * Pasted bytes → Uint8Array. Accepts what people copy out of tools and code:
 * - plain hex, spaced or not ("30 0b 00 03", "300b0003"), separated by colons, dashes or commas;
 * - 0x-prefixed bytes or runs ("0x30, 0x0B", "0x300b") and \x escapes ("\x30\x0b");
 * - a Python bytes literal (b'0\x0b\x00\x03a/b');
 * - C / JS / Java / Go / Rust arrays ("{0x30, 0x0b}", "[48, 11]", "[]byte{0x30}", "[48u8, -128]");
 *   bare numbers in an array are decimal unless one of them has a hex letter;
 * - dumps with an offset column and an ASCII column: Wireshark ("Copy as Hex + ASCII Dump"),
 *   tshark -x, xxd, hexdump -C (including its "*" lines and final offset), tcpdump -X.
 * - `tshark -x` of whole frames: the Ethernet / cooked / loopback, IP and TCP headers are taken off
 *   (frames.ts), several frames grouped by direction;
 * - `tshark -z follow,tcp,hex`: each direction its own stream (follow.ts);
 * - a dump whose first lines were cut: its first offset is reported, not treated as an error.
 * Invalid input gets an error naming the line and column. Every pass is linear in the input (the
 * ASCII-column check looks at no more than 64 tokens per line), so nothing here can hang.
 */

import { parseFollow } from './follow.ts';
import { type LinkLayer, type NetworkLayer, type StrippedFrame, stripFrame } from './frames.ts';

/** The largest paste we read (characters). A megabyte of hex is half a megabyte of packets. */
export const MAX_HEX_INPUT_CHARS = 1_000_000;

export type HexFormat = 'empty' | 'plain' | 'prefixed' | 'escaped' | 'array' | 'decimal-array' | 'dump' | 'follow';

export type HexErrorCode = 'too-large' | 'odd-digits' | 'stray' | 'byte-range' | 'dump-offsets' | 'hexdump-words';

export interface HexError {
  code: HexErrorCode;
  /** Index in the input (UTF-16 code units) where the problem starts. */
  index: number;
  /** 1-based line and column of `index`. */
  line: number;
  column: number;
  /** The offending character or token (at most 24 characters). */
  text: string;
  /** too-large: the limit; dump-offsets: bytes the offsets promise. */
  limit?: number;
  expected?: number;
  found?: number;
}

/** One direction of a connection: the bytes one side sent. */
export interface HexStream {
  /** "10.0.0.2:40000 → 10.0.0.1:1883". */
  label: string;
  bytes: Uint8Array;
}

/** Frames whose link, IP and TCP headers were taken off. */
export interface FramesNote {
  count: number;
  link: LinkLayer;
  network: NetworkLayer;
  /** Header bytes of the first frame. */
  headerLength: number;
}

export interface HexBytes {
  ok: true;
  /** The bytes to decode: the first stream's when there are several. */
  bytes: Uint8Array;
  format: HexFormat;
  /** Two directions (a follow dump, frames both ways): each decoded on its own. */
  streams?: HexStream[];
  frames?: FramesNote;
  /** A dump whose offsets do not start at 0 (its first lines were cut): the first offset. */
  startOffset?: number;
}

export type HexParse = HexBytes | { ok: false; error: HexError };

class Fail extends Error {
  constructor(readonly error: Omit<HexError, 'line' | 'column'>) {
    super(error.code);
  }
}

function fail(code: HexErrorCode, index: number, text: string, extra?: Partial<HexError>): never {
  throw new Fail({ code, index, text: text.slice(0, 24), ...extra });
}

/** Parse pasted bytes. Never throws. */
export function parseHex(text: string): HexParse {
  if (text.length > MAX_HEX_INPUT_CHARS) {
    return {
      ok: false,
      error: { code: 'too-large', index: 0, line: 1, column: 1, text: '', limit: MAX_HEX_INPUT_CHARS },
    };
  }
  try {
    if (text.trim() === '') return { ok: true, bytes: new Uint8Array(0), format: 'empty' };
    return parseAny(text);
  } catch (error) {
    if (error instanceof Fail) {
      const { line, column } = locate(text, error.error.index);
      return { ok: false, error: { ...error.error, line, column } };
    }
    throw error;
  }
}

function parseAny(text: string): HexParse {
  const follow = parseFollow(text);
  if (follow && !Array.isArray(follow)) {
    fail('dump-offsets', follow.index, follow.text, { expected: follow.expected, found: follow.found });
  }
  if (follow) {
    const streams = follow.length > 1 ? { streams: follow } : {};
    return { ok: true, bytes: follow[0]?.bytes ?? new Uint8Array(0), format: 'follow', ...streams };
  }
  const frames = parseFrames(text);
  if (frames) return frames;
  const literal = parsePythonLiteral(text);
  if (literal) return literal;
  const dump = parseDump(text);
  if (dump) return withoutFrameHeaders(dump);
  if (/[[{]/.test(text)) {
    const array = parseArray(text);
    if (array) return array;
  }
  try {
    return parseTokens(text);
  } catch (error) {
    // A long hex stream wrapped at odd places (an e-mail, a terminal): one run per line, no spaces.
    if (error instanceof Fail && error.error.code === 'odd-digits' && isWrappedStream(text)) {
      const joined = text.replace(/\s+/g, '');
      if (joined.length % 2 === 0) return parseTokens(joined);
    }
    throw error;
  }
}

// ---------------------------------------------------------------- positions and small helpers

export function locate(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const isHexChar = (c: number) => hexValue(c) >= 0;

class Bytes {
  private buf = new Uint8Array(256);
  length = 0;
  push(b: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = b;
  }
  /** Push the bytes spelled by `digits` (even count) starting at `start` in `text`. */
  pushHex(text: string, start: number, end: number): void {
    for (let i = start; i < end; i += 2) {
      this.push((hexValue(text.charCodeAt(i)) << 4) | hexValue(text.charCodeAt(i + 1)));
    }
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

// ---------------------------------------------------------------- plain, prefixed, separated

const SEPARATORS = new Set([32, 9, 10, 13, 12, 0xa0, 44 /* , */, 58 /* : */, 45 /* - */, 59 /* ; */]);

/**
 * Tokens of hex separated by spaces, commas, colons, dashes or semicolons; each token is a run of
 * hex digits (an even number), or 0x / \x followed by hex digits.
 */
function parseTokens(text: string): HexParse {
  // Surrounding quotes from a string literal: "300b0003" or '30 0b'.
  let start = 0;
  let end = text.length;
  const trimmed = text.trim();
  const q = trimmed[0];
  if ((q === '"' || q === "'" || q === '`') && trimmed.length > 1 && trimmed[trimmed.length - 1] === q) {
    start = text.indexOf(q) + 1;
    end = text.lastIndexOf(q);
  }
  const out = new Bytes();
  let prefixed = false;
  let escaped = false;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (SEPARATORS.has(c)) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (c === 48 /* 0 */ && (next === 120 || next === 88) /* x X */ && isHexChar(text.charCodeAt(i + 2))) {
      prefixed = true;
      i = readRun(text, i, i + 2, end, out, true);
      continue;
    }
    if (c === 92 /* \ */ && (next === 120 || next === 88) && isHexChar(text.charCodeAt(i + 2))) {
      escaped = true;
      // \xHH: one or two digits, then anything may follow directly (another \x, for instance).
      let j = i + 2;
      let value = 0;
      while (j < end && j < i + 4 && isHexChar(text.charCodeAt(j))) value = value * 16 + hexValue(text.charCodeAt(j++));
      out.push(value);
      i = j;
      continue;
    }
    if (isHexChar(c)) {
      i = readRun(text, i, i, end, out, false);
      continue;
    }
    fail('stray', i, String.fromCodePoint(text.codePointAt(i)!));
  }
  return { ok: true, bytes: out.done(), format: escaped ? 'escaped' : prefixed ? 'prefixed' : 'plain' };
}

/** A run of hex digits from `digits`; the token began at `tokenStart`. Returns the index after it. */
function readRun(text: string, tokenStart: number, digits: number, end: number, out: Bytes, prefixed: boolean): number {
  let j = digits;
  while (j < end && isHexChar(text.charCodeAt(j))) j++;
  if (j < end && !SEPARATORS.has(text.charCodeAt(j)) && text.charCodeAt(j) !== 92 /* \ */) {
    fail('stray', j, String.fromCodePoint(text.codePointAt(j)!));
  }
  const count = j - digits;
  if (prefixed && count === 1) out.push(hexValue(text.charCodeAt(digits)));
  else if (count % 2 === 1) fail('odd-digits', tokenStart, text.slice(tokenStart, j));
  else out.pushHex(text, digits, j);
  return j;
}

/** Every non-empty line is a single run of hex digits (and at least one line has an odd count). */
function isWrappedStream(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.length > 1 && lines.every((l) => /^\s*[0-9a-fA-F]+\s*$/.test(l));
}

// ---------------------------------------------------------------- b'...'

function parsePythonLiteral(text: string): HexBytes | null {
  const m = /^\s*b(['"])/.exec(text);
  if (!m) return null;
  const quote = m[1];
  const out = new Bytes();
  let i = m[0].length;
  for (;;) {
    if (i >= text.length) fail('stray', text.length - 1, text.slice(-1));
    const c = text[i];
    if (c === quote) break;
    if (c === '\\') {
      const e = text[i + 1];
      if (e === 'x' && isHexChar(text.charCodeAt(i + 2)) && isHexChar(text.charCodeAt(i + 3))) {
        out.push((hexValue(text.charCodeAt(i + 2)) << 4) | hexValue(text.charCodeAt(i + 3)));
        i += 4;
        continue;
      }
      const simple: Record<string, number> = { n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34, '0': 0 };
      if (e !== undefined && e in simple) {
        out.push(simple[e]);
        i += 2;
        continue;
      }
      fail('stray', i, text.slice(i, i + 2));
    }
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) fail('stray', i, c);
    out.push(code);
    i++;
  }
  const rest = text.slice(i + 1);
  if (rest.trim() !== '') fail('stray', i + 1 + (rest.length - rest.trimStart().length), rest.trim());
  return { ok: true, bytes: out.done(), format: 'escaped' };
}

// ---------------------------------------------------------------- arrays in code

/** A character literal ('M', '\n', '\x30', ',') or a Rust byte literal (b'M'). */
const CHAR_LITERAL = String.raw`b?'(?:\\(?:x[0-9a-fA-F]{1,2}|[0-7]{1,3}|[^\n])|[^'\\\n])'`;

/**
 * Blank out comments (// … and /* … *\/ and # …) keeping every index where it was; a character
 * literal ('#', '/') is not a comment. Also xxd -i's trailing `unsigned int name_len = N;`, whose
 * number would otherwise read as text around the array.
 */
function blankComments(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text
    .replace(new RegExp(`${CHAR_LITERAL}|\\/\\*[\\s\\S]*?\\*\\/|\\/\\/[^\\n]*|#[^\\n]*`, 'g'), (m) =>
      m.endsWith("'") ? m : blank(m),
    )
    .replace(/\bunsigned\s+int\s+\w+_len\s*=\s*\d+\s*;/g, blank);
}

/** The value of a character literal's inside (without quotes), or NaN if it is not one byte. */
function charValue(inner: string): number {
  if (!inner.startsWith('\\')) return inner.length === 1 ? inner.charCodeAt(0) : NaN;
  const e = inner.slice(1);
  if (/^x[0-9a-f]{1,2}$/i.test(e)) return parseInt(e.slice(1), 16);
  if (/^[0-7]{1,3}$/.test(e)) return parseInt(e, 8);
  const simple: Record<string, number> = { n: 10, r: 13, t: 9, '0': 0, a: 7, b: 8, f: 12, v: 11, e: 27 };
  return e.length === 1 ? (simple[e] ?? e.charCodeAt(0)) : NaN;
}

/** One value of an array literal: 0x30, 0b0011_0000, 48, -128, 'M', b'M'; NaN if none of these. */
function literalValue(token: string, bareHex: boolean): number {
  const quoted = /^b?'(.*)'$/s.exec(token);
  if (quoted) return charValue(quoted[1]);
  const digits = token.replace(/(?<=[0-9a-f])_(?=[0-9a-f])/gi, '');
  if (/^0x[0-9a-f]+$/i.test(digits)) return parseInt(digits.slice(2), 16);
  if (/^0b[01]+$/i.test(digits) && digits.length > 2 && !(bareHex && digits.length === 2))
    return parseInt(digits.slice(2), 2);
  if (bareHex && /^[0-9a-f]{1,2}$/i.test(digits)) return parseInt(digits, 16);
  if (!bareHex && /^-?[0-9]+$/.test(digits)) {
    const value = Number(digits);
    return value < 0 && value >= -128 ? value + 256 : value; // Java's signed bytes
  }
  return NaN;
}

/**
 * The array literal holding the bytes: the bracketed or braced list with the most digits, not an
 * index like `buf[4]` or `pkt[]`. Null when the text outside it holds numbers too (then it is not
 * code around an array, and the plain reader reports what is wrong).
 */
function parseArray(source: string): HexParse | null {
  // Casts and suffixes that code puts on byte values: (byte)0x80, 0x30u8, 48u8, 0x30_u8.
  // Rust's array type ([u8; 4]) is no byte list either.
  const text = blankComments(source).replace(
    /\[\s*[ui]8\s*;\s*\d+\s*\]|\(\s*(?:byte|u?int8_t|char|u8|i8)\s*\)|_?[ui]8\b/g,
    (m) => ' '.repeat(m.length),
  );
  let best: { open: number; close: number; digits: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '[' && c !== '{') continue;
    if (c === '[' && i > 0 && /[\w\]]/.test(text[i - 1])) continue; // an index or a type: a[4], [][]
    const closer = c === '[' ? ']' : '}';
    const close = text.indexOf(closer, i + 1);
    if (close < 0) continue;
    const inner = text.slice(i + 1, close);
    if (/[[{]/.test(inner)) continue;
    const digits = (inner.match(/[0-9']/g) ?? []).length; // a character literal counts too
    if (digits > 0 && (!best || digits > best.digits)) best = { open: i, close, digits };
    i = close;
  }
  if (!best) return null;
  const outside = text.slice(0, best.open) + ' ' + text.slice(best.close + 1);
  const withoutIndexes = outside.replace(/\w\s*\[\s*\d*\s*\]/g, ' ');
  for (const word of withoutIndexes.match(/[A-Za-z0-9_$]+/g) ?? []) {
    if (/^(0x)?[0-9a-f]*[0-9][0-9a-f]*$/i.test(word)) return null;
  }

  const tokens: Array<{ at: number; text: string }> = [];
  const re = new RegExp(`${CHAR_LITERAL}|[^\\s,]+`, 'g');
  const inner = text.slice(best.open + 1, best.close);
  for (let m = re.exec(inner); m; m = re.exec(inner)) tokens.push({ at: best.open + 1 + m.index, text: m[0] });
  // Bare hex ("[30, 0b]") when a bare token has a hex letter and is no 0x / 0b literal.
  const bareHex = tokens.some(
    (t) =>
      !/^-?0x/i.test(t.text) && !/^0b[01_]{3,}$/i.test(t.text) && /^[0-9a-f]+$/i.test(t.text) && /[a-f]/i.test(t.text),
  );
  const out = new Bytes();
  let decimal = false;
  for (const { at, text: token } of tokens) {
    const value = literalValue(token, bareHex);
    if (Number.isNaN(value)) {
      const bad = token.search(bareHex ? /[^0-9a-fx]/i : /[^0-9xb_-]/i);
      fail('stray', at + Math.max(0, bad), bad >= 0 ? token[bad] : token);
    }
    if (!bareHex && /^-?[0-9][0-9_]*$/.test(token)) decimal = true;
    if (!(value >= 0 && value <= 255)) fail('byte-range', at, token);
    out.push(value);
  }
  return { ok: true, bytes: out.done(), format: decimal ? 'decimal-array' : 'array' };
}

// ---------------------------------------------------------------- dumps

const OFFSET = /^(\s*)(0x)?([0-9a-fA-F]{4,8})(:?)(?=\s|$)/;

interface DumpLine {
  star: boolean;
  offset: number;
  /** Index in the text where the part after the offset begins. */
  restAt: number;
  rest: string;
  lineAt: number;
  colon: boolean;
  offsetDigits: number;
}

interface Token {
  at: number; // index within `rest`
  end: number;
  text: string;
  hex: boolean; // an even run of hex digits
}

function tokensOf(rest: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    out.push({ at: m.index, end: m.index + m[0].length, text: m[0], hex: /^(?:[0-9a-fA-F]{2})+$/.test(m[0]) });
  }
  return out;
}

function pushToken(out: number[], token: string): void {
  for (let i = 0; i < token.length; i += 2) out.push(parseInt(token.slice(i, i + 2), 16));
}

/** What a dump prints in its ASCII column for these bytes. */
function render(bytes: readonly number[]): string {
  let s = '';
  for (const b of bytes) s += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.';
  return s;
}

/**
 * How many leading tokens are bytes, judged by the ASCII column: the text after them must be what
 * a dump prints for those bytes. This tells "be ef" in the ASCII column from the bytes be and ef.
 */
function splitByAscii(rest: string, tokens: Token[]): number | null {
  const bytes: number[] = [];
  for (let k = 1; k <= tokens.length && k <= 64; k++) {
    const token = tokens[k - 1];
    if (!token.hex) return null;
    pushToken(bytes, token.text);
    // od -t x1z wraps the column in > <, hexdump -C in | |.
    const remainder = rest
      .slice(token.end)
      .trim()
      .replace(/^([|>])(.*)[|<]$/, '$2');
    if (remainder.length > 0 && remainder.trim() === render(bytes).trim()) return k;
  }
  return null;
}

function parseDump(text: string): HexBytes | null {
  const lines: DumpLine[] = [];
  let lineAt = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const at = lineAt;
    lineAt += raw.length + 1;
    if (line.trim() === '') continue;
    if (line.trim() === '*') {
      lines.push({ star: true, offset: -1, restAt: at, rest: '', lineAt: at, colon: false, offsetDigits: 0 });
      continue;
    }
    const m = OFFSET.exec(line);
    if (!m) return null;
    lines.push({
      star: false,
      offset: parseInt(m[3], 16),
      restAt: at + m[0].length,
      rest: line.slice(m[0].length),
      lineAt: at,
      colon: m[4] === ':' || m[2] !== undefined,
      offsetDigits: m[3].length,
    });
  }
  const data = lines.filter((l) => !l.star);
  if (data.length === 0) return null;
  const first = data[0];
  const firstToken = tokensOf(first.rest)[0];
  // An offset column is told from a first group of bytes by its colon or by its width differing
  // from the groups after it ("0000   30 0b", "00000000  30 0b"); plain "300b 0003" is not a dump.
  // An offset alone is a dump's last line (hexdump's total), never its first: "c000" is a PINGREQ.
  if (!firstToken) return null;
  const looksLikeDump = data.some((l) => l.colon) || firstToken.text.length !== first.offsetDigits;
  if (!looksLikeDump) return null;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].star || lines[i - 1].star) continue;
    const delta = lines[i].offset - lines[i - 1].offset;
    if (delta <= 0 || delta > 4096) return null;
  }
  // A dump needs something shaped like bytes after the offset on its first line.
  if (!/^[0-9a-fA-F]{2,8}$/.test(firstToken.text)) return null;
  // hexdump without -C prints 16-bit words in the machine's byte order: refuse to guess.
  if (!first.colon && first.offsetDigits === 7 && firstToken.text.length === 4) {
    fail('hexdump-words', first.restAt + firstToken.at, firstToken.text);
  }

  const out: number[] = [];
  let hexEndColumn = -1; // where the byte columns end on full lines (column within `rest`)
  let lastLineBytes: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.star) continue;
    const tokens = tokensOf(line.rest);
    let nextIndex = i + 1;
    while (nextIndex < lines.length && lines[nextIndex].star) nextIndex++;
    const next = lines[nextIndex] as DumpLine | undefined;
    const starNext = lines[i + 1]?.star === true;
    // Bytes already repeated by a "*" before this line.
    if (i > 0 && lines[i - 1].star) {
      const expected = line.offset - first.offset;
      // A "*" can claim gigabytes of repeats: no more than a full paste's worth.
      if (expected > MAX_HEX_INPUT_CHARS / 2) fail('too-large', line.lineAt, '', { limit: MAX_HEX_INPUT_CHARS });
      while (out.length < expected && lastLineBytes.length > 0) {
        for (const b of lastLineBytes) if (out.length < expected) out.push(b);
      }
    }
    const bytes: number[] = [];
    const pipe = line.rest.indexOf('|');
    let count: number | null; // tokens that are bytes
    if (pipe >= 0) {
      count = tokens.filter((t) => t.end <= pipe).length;
    } else if (next && !starNext) {
      const want = next.offset - line.offset;
      let have = 0;
      let k = 0;
      while (k < tokens.length && have < want && tokens[k].hex) {
        have += tokens[k].text.length / 2;
        k++;
      }
      if (have !== want) {
        const at = line.restAt + (tokens[k]?.at ?? line.rest.length);
        fail('dump-offsets', at, tokens[k]?.text ?? '', { expected: want, found: have });
      }
      count = k;
    } else {
      count = splitByAscii(line.rest, tokens);
      if (count === null && hexEndColumn >= 0) count = tokens.filter((t) => t.end <= hexEndColumn && t.hex).length;
      if (count === null) {
        count = 0;
        while (count < tokens.length && tokens[count].hex) count++;
      }
    }
    for (let k = 0; k < count; k++) {
      const token = tokens[k];
      if (!token.hex) {
        const bad = /^[0-9a-fA-F]*$/.test(token.text) ? 'odd-digits' : 'stray';
        fail(bad, line.restAt + token.at, token.text);
      }
      pushToken(bytes, token.text);
    }
    if (count > 0 && pipe < 0 && next) hexEndColumn = Math.max(hexEndColumn, tokens[count - 1].end);
    for (const b of bytes) out.push(b);
    if (bytes.length > 0) lastLineBytes = bytes;
  }
  const cut = first.offset > 0 ? { startOffset: first.offset } : {};
  return { ok: true, bytes: Uint8Array.from(out), format: 'dump', ...cut };
}

// ---------------------------------------------------------------- whole frames

/** A dump of one whole frame (`tshark -x`): its TCP payload, saying which headers came off. */
function withoutFrameHeaders(dump: HexBytes): HexBytes {
  const frame = stripFrame(dump.bytes);
  if (!frame || dump.startOffset) return dump;
  return { ...dump, bytes: frame.payload, frames: noteOf([frame]) };
}

function noteOf(frames: StrippedFrame[]): FramesNote {
  const { link, network, headerLength } = frames[0].headers;
  return { count: frames.length, link, network, headerLength };
}

/**
 * Several dumps one after another, each from offset 0, as `tshark -x` prints the frames of a
 * capture: each must be a whole IP/TCP frame. Payloads are joined per direction, in order.
 */
function parseFrames(text: string): HexBytes | null {
  const blocks = text.split(/\r?\n[ \t]*\r?\n/).filter((b) => b.trim() !== '');
  if (blocks.length < 2 || !blocks.every((b) => /^\s*(0x)?0{4,8}\b/.test(b))) return null;
  const frames: StrippedFrame[] = [];
  for (const block of blocks) {
    let dump: HexParse | null;
    try {
      dump = parseDump(block);
    } catch {
      return null;
    }
    const frame = dump?.ok ? stripFrame(dump.bytes) : null;
    if (!frame) return null;
    frames.push(frame);
  }
  const byDirection = new Map<string, number[]>();
  for (const { headers, payload } of frames) {
    const label = `${headers.source} → ${headers.destination}`;
    const bytes = byDirection.get(label) ?? [];
    for (const b of payload) bytes.push(b);
    byDirection.set(label, bytes);
  }
  const streams = [...byDirection].map(([label, bytes]) => ({ label, bytes: Uint8Array.from(bytes) }));
  return {
    ok: true,
    bytes: streams[0].bytes,
    format: 'dump',
    frames: noteOf(frames),
    ...(streams.length > 1 ? { streams } : {}),
  };
}

// ---------------------------------------------------------------- output

/** "30 0b 00 03 …", 16 bytes to a line: how the explainer writes bytes back into its text box. */
export function formatHex(bytes: Uint8Array, perLine = 16): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += perLine) {
    lines.push(Array.from(bytes.subarray(i, i + perLine), (b) => b.toString(16).padStart(2, '0')).join(' '));
  }
  return lines.join('\n');
}

/** "300b0003": compact, for links. */
export function toHexString(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
