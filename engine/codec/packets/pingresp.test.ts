/**
 * PINGRESP byte by byte (3.1.1 §3.13, 5.0 §3.13): the server’s answer to PINGREQ [MQTT-3.12.4-1].
 * A fixed header with remaining length 0, the same in both versions. A PINGRESP of any other
 * length is in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expectWire, spanAt, spanNamed, spansOf } from '../test-support.ts';

describe.each([
  ['3.1.1', 4],
  ['5.0', 5],
] as const)('PINGRESP %s', (_name, version) => {
  test('two bytes: the type and a remaining length of 0', () => {
    // prettier-ignore
    const bytes = [
      0xd0, // PINGRESP, flags 0000
      0x00, // remaining length 0
    ];
    expectWire(bytes, { type: 'PINGRESP' }, version);
    const spans = spansOf(bytes, version);
    expect(spans.map((s) => s.field)).toEqual(['fixedHeader']);
    expect(spanNamed(spans, 'type')).toMatchObject({ start: 0, end: 1, bitMask: 0xf0, value: '13 = PINGRESP' });
    expect(spanAt(spans, 'remainingLength')).toEqual([1, 2]);
  });
});
