/**
 * Import for its effect: makes `toEqual` / `toStrictEqual` compare byte arrays with one
 * Buffer.compare instead of element by element (a 20 kB payload otherwise takes ~70 ms). Same
 * meaning as before: equal bytes, and (as strict equality asks) the same class, so a Buffer still
 * differs from a plain Uint8Array.
 */
import { expect } from 'vitest';

function bytesEqual(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined;
  return a.constructor === b.constructor && Buffer.compare(a, b) === 0;
}

expect.addEqualityTesters([bytesEqual]);
