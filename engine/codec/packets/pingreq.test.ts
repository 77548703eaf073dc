/**
 * PINGREQ byte by byte (3.1.1 §3.12, 5.0 §3.12): a client’s “are you there?”, sent when Keep Alive
 * would otherwise pass in silence. A fixed header with remaining length 0, the same in both
 * versions. A PINGREQ of any other length is in ../strictness.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { expectWire, spanAt, spanNamed, spansOf } from '../test-support.ts';

describe.each([
  ['3.1.1', 4],
  ['5.0', 5],
] as const)('PINGREQ %s', (_name, version) => {
  test('two bytes: the type and a remaining length of 0', () => {
    // prettier-ignore
    const bytes = [
      0xc0, // PINGREQ, flags 0000
      0x00, // remaining length 0
    ];
    expectWire(bytes, { type: 'PINGREQ' }, version);
    const spans = spansOf(bytes, version);
    expect(spans.map((s) => s.field)).toEqual(['fixedHeader']);
    expect(spanNamed(spans, 'type')).toMatchObject({ start: 0, end: 1, bitMask: 0xf0, value: '12 = PINGREQ' });
    expect(spanAt(spans, 'remainingLength')).toEqual([1, 2]);
  });
});
