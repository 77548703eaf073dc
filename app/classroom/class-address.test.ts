import { encode } from 'uqr';
import { describe, expect, test } from 'vitest';
import { MAX_QR_CHARS, classAddress, qrPath } from './class-address.ts';

describe('the address a class is given', () => {
  test('a page served on the classroom network: its own link, the language included, as a QR code', () => {
    const href = 'http://192.168.1.20:8080/#/lab?p=qos2&at=12&lang=zh';
    const address = classAddress(href);
    expect(address.kind).toBe('shareable');
    if (address.kind !== 'shareable') return;
    expect(address.url).toBe(href);
    expect(address.modules).toEqual(encode(href, { ecc: 'M', border: 0 }).data);
    expect(address.modules.length).toBeGreaterThanOrEqual(21); // a QR code is at least 21 × 21
  });

  test('a file or this computer’s loopback name reaches no student: no code, and why', () => {
    expect(classAddress('file:///media/usb/mqtt-lab.html#/lab')).toEqual({ kind: 'local', reason: 'file' });
    for (const host of ['localhost:8080', '127.0.0.1:5173', '[::1]:4173'])
      expect(classAddress(`http://${host}/#/lab`)).toEqual({ kind: 'local', reason: 'loopback' });
  });

  test('a link too long to scan from the back row gives way to the lab’s address, in the same language', () => {
    const href = `http://10.0.0.5:8080/#/lab?s=${'A'.repeat(MAX_QR_CHARS)}&lang=zh`;
    const address = classAddress(href);
    expect(address.kind === 'shareable' && address.url).toBe('http://10.0.0.5:8080/#/lab?lang=zh');
  });

  test('the path draws one unit square per dark module', () => {
    expect(
      qrPath([
        [true, false],
        [false, true],
      ]),
    ).toBe('M0 0h1v1h-1zM1 1h1v1h-1z');
  });
});
