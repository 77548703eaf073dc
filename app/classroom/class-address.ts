/**
 * The address a class is given in presenter mode: this page's own link (the run, the moment and
 * the language), so a student who scans it sees what the projector shows. Only an address other
 * machines can reach is worth a QR code: not a file, not this computer's loopback name.
 */
import { encode } from 'uqr';

/** Longer links make a QR code too dense to scan from the back row: then the lab's address alone. */
export const MAX_QR_CHARS = 400;

export type ClassAddress =
  { kind: 'shareable'; url: string; modules: boolean[][] } | { kind: 'local'; reason: 'file' | 'loopback' };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function classAddress(href: string): ClassAddress {
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'local', reason: 'file' };
  if (LOOPBACK.test(url.hostname)) return { kind: 'local', reason: 'loopback' };
  const shared = href.length <= MAX_QR_CHARS ? href : `${url.origin}${url.pathname}${languageOnly(url.hash)}`;
  // ecc M: a projected code survives glare and a phone held at an angle
  return { kind: 'shareable', url: shared, modules: encode(shared, { ecc: 'M', border: 0 }).data };
}

/** The language part of an address's hash, as an address of its own (`#/lab?lang=zh`). */
function languageOnly(hash: string): string {
  const lang = /[?&]lang=(zh|en)\b/.exec(hash)?.[1];
  return lang ? `#/lab?lang=${lang}` : '';
}

/** The dark modules of a QR code as one SVG path (one unit square each). */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  let d = '';
  modules.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return d;
}
