import { describe, expect, test } from 'vitest';
import { encode } from '$engine';
import { parseHex, toHexString } from '../lib/hex.ts';
import { decodeStream, findBoundary, repairSpans } from './decode-stream.ts';
import { visible } from './describe.ts';
import { EXAMPLES } from './examples.ts';
import { packetNotes } from './packet-notes.ts';
import { MAX_LINK_BYTES, readHash, writeHash } from './hash.ts';
import { reasonKey, reasonSlug } from './reasons.ts';
import {
  bitGroups,
  flagByteAt,
  focusOfByte,
  focusOfRow,
  layoutSpans,
  nextFieldStart,
  previousFieldStart,
  resolveFocus,
} from './span-rows.ts';

const bytesOf = (hex: string) => {
  const parsed = parseHex(hex);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.bytes;
};

describe('examples', () => {
  test('each example decodes as its label says', () => {
    const outcome = Object.fromEntries(
      EXAMPLES.map((example) => {
        const stream = decodeStream(bytesOf(example.hex), example.mode === '5' ? 5 : 4);
        return [
          example.id,
          stream.packets.map((p) => (p.failure ? `${p.failure.code} ${p.failure.rule}` : p.packet!.type)).join(', '),
        ];
      }),
    );
    expect(outcome).toEqual({
      connect: 'CONNECT',
      publish: 'PUBLISH',
      publish5: 'PUBLISH',
      subscribe: 'SUBSCRIBE',
      malformed: 'topic-wildcard MQTT-3.3.2-2',
      stream: 'PUBLISH, PUBACK',
    });
  });

  test('the 5.0 example carries properties', () => {
    const example = EXAMPLES.find((e) => e.id === 'publish5')!;
    const [result] = decodeStream(bytesOf(example.hex), 5).packets;
    expect(result.packet).toMatchObject({ qos: 1, retain: true, properties: { contentType: 'text/plain' } });
  });
});

describe('decodeStream', () => {
  test('decodes packets one after another and keeps their offsets', () => {
    const bytes = new Uint8Array([...encode({ type: 'PINGREQ' }), ...encode({ type: 'PUBACK', packetId: 7 })]);
    const stream = decodeStream(bytes, 4);
    expect(stream.packets.map((p) => [p.packet?.type, p.offset, p.bytes.length])).toEqual([
      ['PINGREQ', 0, 2],
      ['PUBACK', 2, 4],
    ]);
  });

  test('stops at the first failure, with the spans read before it', () => {
    const stream = decodeStream(bytesOf('c000 3014000e73656e736f72732f2b2f74656d7032312e35 c000'), 4);
    expect(stream.packets).toHaveLength(2);
    const failure = stream.packets[1].failure!;
    expect(failure).toMatchObject({ kind: 'protocol-error', code: 'topic-wildcard', offset: 12 });
    expect(failure.spans.map((s) => s.field)).toEqual(['fixedHeader', 'variableHeader']);
    // repaired: the variable header covers the topic it holds, though the error came inside it
    expect(failure.spans[1].end).toBe(18);
  });

  test('an incomplete packet says how many bytes it needs', () => {
    const [result] = decodeStream(bytesOf('300c0003'), 4).packets;
    expect(result.failure).toMatchObject({ kind: 'incomplete', needed: 10 });
  });

  test('a paste of many packets stops at the limit', () => {
    const bytes = new Uint8Array(2 * 50).map((_, i) => (i % 2 === 0 ? 0xc0 : 0));
    const stream = decodeStream(bytes, 4, 10);
    expect(stream.packets).toHaveLength(10);
    expect(stream.skippedBytes).toBe(80);
  });

  test('repairSpans stretches a parent over a child that reaches past it', () => {
    const spans = repairSpans([
      { field: 'a', label: 'x', start: 0, end: 2, children: [{ field: 'b', label: 'y', start: 0, end: 5 }] },
    ]);
    expect(spans[0].end).toBe(5);
  });
});

describe('span rows', () => {
  const example = EXAMPLES.find((e) => e.id === 'publish')!;
  const [result] = decodeStream(bytesOf(example.hex), 4).packets;
  const layout = layoutSpans(result.spans, result.bytes.length);

  test('every byte belongs to a part and a field', () => {
    expect([...layout.bytePart].every((p) => p !== 'unread')).toBe(true);
    expect([...layout.byteRow].every((id) => id >= 0)).toBe(true);
    expect(layout.bytePart.slice(0, 3)).toEqual(['fixed', 'fixed', 'variable']);
  });

  test('a byte resolves to its deepest field; a field resolves to itself across decodes', () => {
    expect(resolveFocus(layout, focusOfByte(5))?.span.label).toBe('field.utf8');
    expect(resolveFocus(layout, focusOfByte(0))?.span.label).toBe('field.firstByte');
    const qos = layout.rows.find((r) => r.span.label === 'field.qos')!;
    expect(resolveFocus(layout, focusOfRow(qos))).toBe(qos);
    expect(resolveFocus(layout, { start: 0, end: 1, bitMask: 0x06, label: 'field.somethingElse' })).toBe(qos);
  });

  test('flag bytes and their bit groups', () => {
    const first = flagByteAt(layout, 0)!;
    expect(bitGroups(layout, first).map((g) => [g.row.span.label, g.high, g.low])).toEqual([
      ['field.packetType', 7, 4],
      ['field.dup', 3, 3],
      ['field.qos', 2, 1],
      ['field.retain', 0, 0],
    ]);
    expect(flagByteAt(layout, 1)?.span.label).toBe('field.varintByte');
    expect(flagByteAt(layout, 5)).toBeUndefined();
  });

  test('up and down move by field', () => {
    expect(nextFieldStart(layout, 0)).toBe(1);
    expect(nextFieldStart(layout, 2)).toBe(4);
    expect(previousFieldStart(layout, 5)).toBe(2);
    expect(previousFieldStart(layout, 0)).toBeUndefined();
  });
});

describe('links', () => {
  test('write and read back', () => {
    const bytes = bytesOf('300c0003612f6268656c6c6f');
    const hash = writeHash(bytes, '5')!;
    expect(hash).toBe('#x=300c0003612f6268656c6c6f&v=5');
    const read = readHash(hash);
    expect(read.kind === 'ok' && toHexString(read.bytes!)).toBe('300c0003612f6268656c6c6f');
    expect(read).toMatchObject({ mode: '5' });
    expect(writeHash(new Uint8Array(0), '4')).toBe('');
    expect(writeHash(new Uint8Array(MAX_LINK_BYTES + 1), '4')).toBeNull();
  });

  test('damaged links are named, never thrown', () => {
    expect(readHash('')).toEqual({ kind: 'none' });
    expect(readHash('#x=30zz')).toMatchObject({ kind: 'bad-hex', error: { code: 'stray' } });
    expect(readHash('#x=%E0%A4%A')).toEqual({ kind: 'bad-encoding' });
    expect(readHash('#v=7')).toEqual({ kind: 'bad-version', value: '7' });
    expect(readHash('#x=300')).toMatchObject({ kind: 'bad-hex', error: { code: 'odd-digits' } });
    expect(readHash('#v=3.1.1')).toMatchObject({ kind: 'ok', mode: '4' });
  });
});

describe('reason keys', () => {
  test('the same number means different things by packet and version', () => {
    expect(reasonSlug('Success - Maximum QoS 0')).toBe('successMaximumQos0');
    expect(reasonKey('SUBACK', 0, 5)).toBe('reason.v5.grantedQos0');
    expect(reasonKey('DISCONNECT', 0, 5)).toBe('reason.v5.normalDisconnection');
    expect(reasonKey('CONNACK', 0, 4)).toBe('reason.v4.connectionAccepted');
    expect(reasonKey('CONNACK', 1, 4)).toBe('reason.v4.connectionRefusedUnacceptableProtocolVersion');
    expect(reasonKey('CONNACK', 1, 5)).toBeUndefined();
  });
});

describe('a paste of several packets (issue 11)', () => {
  const connect5 = encode(
    { type: 'CONNECT', protocolName: 'MQTT', protocolVersion: 5, clean: true, keepAlive: 60, clientId: 'c' } as never,
    5,
  );
  const puback5 = encode({ type: 'PUBACK', packetId: 7, reasonCode: 0x10 } as never, 5);

  test("follows each CONNECT's version, as createDecoder does", () => {
    const stream = decodeStream(Uint8Array.from([...connect5, ...puback5]), 4);
    expect(stream.packets.map((p) => [p.packet?.type, p.version, p.connectIndex])).toEqual([
      ['CONNECT', 4, undefined],
      ['PUBACK', 5, 0],
    ]);
    expect(stream.packets[1].packet).toMatchObject({ reasonCode: 0x10 });
  });

  test('finds the next packet boundary of a paste that starts inside a packet', () => {
    // The last 5 bytes of a PUBLISH, then a PUBACK and a PINGREQ.
    const bytes = bytesOf('6c 6c 6f 00 01 40 02 00 07 c0 00');
    expect(decodeStream(bytes, 4).packets[0].failure).toBeDefined();
    expect(findBoundary(bytes, 4)).toBe(5);
    expect(findBoundary(bytesOf('ff ff ff ff'), 4)).toBeUndefined();
  });
});

describe('precision (issue 11, item 5)', () => {
  const labels = (spans: readonly { label: string; children?: unknown[] }[]): string[] =>
    spans.flatMap((s) => [s.label, ...labels((s.children ?? []) as typeof spans)]);

  test("3.1.1 SUBSCRIBE asks a Requested QoS; 5.0's option is the Maximum QoS", () => {
    const sub = { type: 'SUBSCRIBE', packetId: 1, subscriptions: [{ topicFilter: 'a', qos: 1 }] } as never;
    const [v4] = decodeStream(encode(sub, 4), 4).packets;
    const [v5] = decodeStream(encode(sub, 5), 5).packets;
    expect(labels(v4.spans)).toContain('field.requestedQos');
    expect(labels(v4.spans)).not.toContain('field.maximumQos');
    expect(labels(v5.spans)).toContain('field.maximumQos');
  });

  test('will properties are labelled as will properties', () => {
    const connect = {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: 5,
      clean: true,
      keepAlive: 60,
      clientId: 'c',
      will: {
        topic: 't',
        payload: Uint8Array.of(0xff),
        qos: 0,
        retain: false,
        properties: { payloadFormatIndicator: 1 },
      },
    } as never;
    const [result] = decodeStream(encode(connect, 5), 5).packets;
    expect(labels(result.spans).filter((l) => l.endsWith('roperties'))).toEqual([
      'field.properties',
      'field.willProperties',
    ]);
    expect(packetNotes(result.packet, result.spans, 5).map((n) => n.key)).toEqual(['willPayloadNotUtf8']);
  });

  test('a 5.0 ack without its reason code says it means 0x00', () => {
    const [short] = decodeStream(bytesOf('40 02 00 07'), 5).packets;
    expect(packetNotes(short.packet, short.spans, 5)).toEqual([
      { key: 'reasonOmitted', params: { packet: 'PUBACK', section: '§3.4.2.1' } },
    ]);
    const [full] = decodeStream(bytesOf('40 03 00 07 10'), 5).packets;
    expect(packetNotes(full.packet, full.spans, 5)).toEqual([]);
    const [disconnect] = decodeStream(bytesOf('e0 00'), 5).packets;
    expect(packetNotes(disconnect.packet, disconnect.spans, 5)[0]).toMatchObject({ key: 'reasonOmitted' });
  });

  test('a PUBLISH marked UTF-8 whose payload is not is flagged', () => {
    const publish = (payload: Uint8Array) =>
      encode(
        {
          type: 'PUBLISH',
          topic: 'a',
          qos: 0,
          dup: false,
          retain: false,
          payload,
          properties: { payloadFormatIndicator: 1 },
        } as never,
        5,
      );
    const [bad] = decodeStream(publish(Uint8Array.of(0xc3, 0x28)), 5).packets;
    expect(packetNotes(bad.packet, bad.spans, 5).map((n) => n.key)).toEqual(['payloadNotUtf8']);
    const [good] = decodeStream(publish(new TextEncoder().encode('héllo')), 5).packets;
    expect(packetNotes(good.packet, good.spans, 5)).toEqual([]);
  });

  test('an MQIsdp level 3 CONNECT is explained as MQTT 3.1', () => {
    // CONNECT "MQIsdp" level 3, clean, keep alive 60, client id "c"
    const [result] = decodeStream(bytesOf('10 0f 00 06 4d 51 49 73 64 70 03 02 00 3c 00 01 63'), 4).packets;
    expect(result.failure).toBeUndefined();
    expect(packetNotes(result.packet, result.spans, 4)).toEqual([{ key: 'mqtt31', params: { name: 'MQIsdp' } }]);
  });

  test('invisible characters are shown visibly', () => {
    expect(visible('\ufeffa/b\uffff\u0085\u200b')).toBe('⟨U+FEFF⟩a/b⟨U+FFFF⟩⟨U+0085⟩⟨U+200B⟩');
    expect(visible('plain/topic')).toBe('plain/topic');
  });
});
