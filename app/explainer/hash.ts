/**
 * The address carries what is on screen, so a link reproduces it: `#x=<hex>&v=<4|5|both>`.
 * Reading a hash never throws: a damaged one comes back as a problem to show.
 */
import { type HexError, parseHex, toHexString } from '../lib/hex.ts';

export type Mode = '4' | '5' | 'both';
export const MODES: readonly Mode[] = ['4', '5', 'both'];

/** Links carry at most this many bytes; longer pastes stay on the page only. */
export const MAX_LINK_BYTES = 32_768;

export type HashRead =
  | { kind: 'none' }
  | { kind: 'ok'; bytes: Uint8Array | null; mode: Mode | null }
  | { kind: 'bad-encoding' }
  | { kind: 'bad-hex'; error: HexError }
  | { kind: 'bad-version'; value: string };

export function readHash(hash: string): HashRead {
  const body = hash.replace(/^#/, '');
  if (body.trim() === '') return { kind: 'none' };
  const fields = new Map<string, string>();
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    try {
      fields.set(decodeURIComponent(key), decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1)));
    } catch {
      return { kind: 'bad-encoding' };
    }
  }
  let mode: Mode | null = null;
  const v = fields.get('v');
  if (v !== undefined) {
    const wanted = v === '3.1.1' ? '4' : v === '5.0' ? '5' : v;
    if (!(MODES as readonly string[]).includes(wanted)) return { kind: 'bad-version', value: v.slice(0, 24) };
    mode = wanted as Mode;
  }
  let bytes: Uint8Array | null = null;
  const x = fields.get('x');
  if (x !== undefined) {
    const parsed = parseHex(x);
    if (!parsed.ok) return { kind: 'bad-hex', error: parsed.error };
    bytes = parsed.bytes;
  }
  if (bytes === null && mode === null) return { kind: 'none' };
  return { kind: 'ok', bytes, mode };
}

/** The hash for these bytes and mode ('' for nothing to keep); null if the bytes are too long. */
export function writeHash(bytes: Uint8Array, mode: Mode): string | null {
  if (bytes.length > MAX_LINK_BYTES) return null;
  const parts: string[] = [];
  if (bytes.length > 0) parts.push(`x=${toHexString(bytes)}`);
  if (mode !== '4' || bytes.length > 0) parts.push(`v=${mode}`);
  return parts.length ? `#${parts.join('&')}` : '';
}
