import { describe, expect, test } from 'vitest';
import { createDecoder, decode, encode } from './codec.ts';
import { MqttError } from './errors.ts';

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));

describe('decode', () => {
  test('reports an incomplete packet without allocating its claimed length', () => {
    // 0xFF 0xFF 0xFF 0x7F announces 268,435,455 bytes; only the header has arrived.
    const error = (() => {
      try {
        decode(bytes('30ffffff7f'));
      } catch (e) {
        return e as MqttError;
      }
    })();
    expect(error).toBeInstanceOf(MqttError);
    expect(error?.incomplete).toBe(true);
    expect(error?.params.needed).toBe(268_435_455 + 5 - 5);
  });

  test('names the offset and rule of a malformed packet', () => {
    expect(() => decode(bytes('3600'))).toThrow(expect.objectContaining({ offset: 0, rule: 'MQTT-3.3.1-4' }));
  });
});

describe('createDecoder', () => {
  test('decodes packets fed one byte at a time', () => {
    const stream = new Uint8Array([...encode({ type: 'PINGREQ' }), ...encode({ type: 'PINGRESP' })]);
    const decoder = createDecoder();
    const types = [...stream].flatMap((b) => decoder.push(Uint8Array.of(b)).map((d) => d.packet.type));
    expect(types).toEqual(['PINGREQ', 'PINGRESP']);
    expect(decoder.buffered).toBe(0);
  });
});
