import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAX_HEX_INPUT_CHARS, formatHex, parseHex, toHexString } from './hex.ts';

/** The bytes of a parse that must succeed, as compact hex. */
function hex(text: string): string {
  const result = parseHex(text);
  if (!result.ok) throw new Error(`expected bytes, got ${JSON.stringify(result.error)}`);
  return toHexString(result.bytes);
}

function error(text: string) {
  const result = parseHex(text);
  if (result.ok) throw new Error(`expected an error, got ${toHexString(result.bytes)}`);
  return result.error;
}

const PUBLISH = '300c0003612f6268656c6c6f'; // PUBLISH a/b "hello"

describe('plain hex', () => {
  test('spaced, unspaced, upper case, over several lines', () => {
    expect(hex('30 0c 00 03 61 2f 62 68 65 6c 6c 6f')).toBe(PUBLISH);
    expect(hex('300C0003612F6268656C6C6F')).toBe(PUBLISH);
    expect(hex('  30 0c 00 03\n61 2f 62 68\r\n65 6c 6c 6f\n')).toBe(PUBLISH);
    expect(hex('300c 0003 612f 6268 656c 6c6f')).toBe(PUBLISH);
  });

  test('colon, dash and comma separated', () => {
    expect(hex('30:0c:00:03:61:2f:62:68:65:6c:6c:6f')).toBe(PUBLISH);
    expect(hex('30-0c-00-03-61-2f-62-68-65-6c-6c-6f')).toBe(PUBLISH);
    expect(hex('30, 0c, 00, 03, 61, 2f, 62, 68, 65, 6c, 6c, 6f')).toBe(PUBLISH);
  });

  test('a quoted string and a long stream wrapped at an odd place', () => {
    expect(hex(`"${PUBLISH}"`)).toBe(PUBLISH);
    expect(hex('300c0003612f6\n268656c6c6f')).toBe(PUBLISH);
  });

  test('reports the format and nothing for empty input', () => {
    expect(parseHex('30 0c')).toMatchObject({ ok: true, format: 'plain' });
    expect(parseHex('  \n ')).toMatchObject({ ok: true, format: 'empty', bytes: new Uint8Array(0) });
  });
});

describe('prefixed and escaped', () => {
  test('0x bytes and 0x runs', () => {
    expect(hex('0x30, 0x0C, 0x00, 0x03, 0x61, 0x2f, 0x62, 0x68, 0x65, 0x6c, 0x6c, 0x6f')).toBe(PUBLISH);
    expect(hex(`0x${PUBLISH}`)).toBe(PUBLISH);
    expect(hex('0x3 0x0')).toBe('0300');
    expect(parseHex('0x30 0x0b')).toMatchObject({ format: 'prefixed' });
  });

  test('\\x escapes and Python bytes literals', () => {
    expect(hex('\\x30\\x0c\\x00\\x03\\x61\\x2f\\x62\\x68\\x65\\x6c\\x6c\\x6f')).toBe(PUBLISH);
    expect(hex("b'0\\x0c\\x00\\x03a/bhello'")).toBe(PUBLISH);
    expect(hex('b"\\x00\\n\\\\\'"')).toBe('000a5c27');
  });
});

describe('arrays in code', () => {
  test('C, JS, Go, Rust and Java arrays', () => {
    expect(hex('{0x30, 0x0c, 0x00, 0x03, 0x61, 0x2f, 0x62, 0x68, 0x65, 0x6c, 0x6c, 0x6f}')).toBe(PUBLISH);
    expect(
      hex('uint8_t packet[12] = { 0x30, 0x0c, 0x00, 0x03, 0x61, 0x2f,\n 0x62, 0x68, 0x65, 0x6c, 0x6c, 0x6f };'),
    ).toBe(PUBLISH);
    expect(hex('new Uint8Array([48, 12, 0, 3, 97, 47, 98, 104, 101, 108, 108, 111])')).toBe(PUBLISH);
    expect(hex('[]byte{0x30, 0x0c}')).toBe('300c');
    expect(hex('[0x30u8, 12u8]')).toBe('300c');
    expect(hex('new byte[] { (byte) 0x80, 0x0b }')).toBe('800b');
    expect(hex('[48, 11, -128, -1]')).toBe('300b80ff');
  });

  test('bare numbers are decimal unless one has a hex letter', () => {
    expect(parseHex('[48, 11]')).toMatchObject({ ok: true, format: 'decimal-array' });
    expect(hex('[48, 11]')).toBe('300b');
    expect(hex('[30, 0b]')).toBe('300b');
  });

  test('comments between the bytes, as hand-labelled fixtures have them', () => {
    const fixture = `const bytes = [
      0x30, 0x0c, // fixed header: PUBLISH, remaining length 12
      0x00, 0x03, /* topic length */ 0x61, 0x2f, 0x62, // "a/b"
      0x68, 0x65, 0x6c, 0x6c, 0x6f, // payload
    ];`;
    expect(hex(fixture)).toBe(PUBLISH);
  });

  test('a number that is not a byte', () => {
    expect(error('[48, 256]')).toMatchObject({ code: 'byte-range', text: '256', line: 1, column: 6 });
    expect(error('{0x30, 0x300}')).toMatchObject({ code: 'byte-range', text: '0x300' });
  });
});

describe('dumps', () => {
  test('Wireshark "Copy as Hex + ASCII Dump", one short line', () => {
    expect(hex('0000   30 0c 00 03 61 2f 62 68 65 6c 6c 6f               0...a/bhello')).toBe(PUBLISH);
  });

  test('Wireshark, several lines, the last one short', () => {
    const dump = [
      '0000   33 33 00 0c 73 65 6e 73 6f 72 73 2f 74 65 6d 70   33..sensors/temp',
      '0010   00 0b 1e 01 01 02 00 00 00 3c 03 00 0a 74 65 78   .........<...tex',
      '0020   74 2f 70 6c 61 69 6e 26 00 04 75 6e 69 74 00 01   t/plain&..unit..',
      '0030   43 32 31 2e 35                                    C21.5',
    ].join('\n');
    expect(hex(dump)).toBe(
      '3333000c73656e736f72732f74656d70000b1e0101020000003c03000a746578742f706c61696e260004756e6974000143' + '32312e35',
    );
  });

  test('an ASCII column that itself looks like hex', () => {
    // bytes 62 65 20 65 66 are the text "be ef"; the ASCII column must not be read as more bytes.
    expect(hex('0000   62 65 20 65 66   be ef')).toBe('6265206566');
    expect(hex('0000   41 42   AB')).toBe('4142');
    expect(hex('00000000  62 65 20 65 66                                    |be ef|')).toBe('6265206566');
  });

  test('xxd, grouped by two bytes and by one', () => {
    const dump = [
      '00000000: 3333 000c 7365 6e73 6f72 732f 7465 6d70  33..sensors/temp',
      '00000010: 000b 1e01 0102 0000 003c 0300 0a74 6578  .........<...tex',
      '00000020: 742f 706c 6169 6e26 0004 756e 6974 0001  t/plain&..unit..',
      '00000030: 4332 312e 35                             C21.5',
    ].join('\n');
    expect(hex(dump)).toMatch(/^3333000c.*0143 ?32312e35$/);
    expect(hex(dump)).toHaveLength(53 * 2);
    expect(hex('00000000: 300c 0003 612f 6268 656c 6c6f            0...a/bhello')).toBe(PUBLISH);
    expect(hex('00000000: 30 0c 00 03 61 2f 62 68 65 6c 6c 6f              0...a/bhello')).toBe(PUBLISH);
  });

  test('hexdump -C with its final offset and a "*" for repeated lines', () => {
    const dump = [
      '00000000  62 65 20 65 66 20 00 00  00 00 00 00 00 00 00 00  |be ef ..........|',
      '00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|',
      '*',
      '00000060  00 00 00 00                                       |....|',
      '00000064',
    ].join('\n');
    const result = parseHex(dump);
    expect(result).toMatchObject({ ok: true, format: 'dump' });
    if (result.ok) {
      expect(result.bytes).toHaveLength(100);
      expect(toHexString(result.bytes.subarray(0, 6))).toBe('626520656620');
    }
  });

  test('od -A x -t x1z and tcpdump -X', () => {
    expect(hex('000000 30 0c 00 03 61 2f 62 68 65 6c 6c 6f              >0...a/bhello<\n00000c')).toBe(PUBLISH);
    expect(hex('\t0x0000:  300c 0003 612f 6268 656c 6c6f            0...a/bhello')).toBe(PUBLISH);
  });

  test('a dump line with fewer bytes than the offsets promise', () => {
    const dump = ['0000   30 0c 00 03   0...', '0010   00 00   ..'].join('\n');
    expect(error(dump)).toMatchObject({ code: 'dump-offsets', line: 1, expected: 16, found: 4 });
  });

  test('hexdump without -C (16-bit words) is refused rather than read byte-swapped', () => {
    expect(error('0000000 0c30 0300 2f61 6862 6c65 6f6c\n000000c')).toMatchObject({ code: 'hexdump-words' });
  });

  test('plain hex grouped in fours is not mistaken for a dump', () => {
    expect(hex('300c 0003\n612f 6268\n656c 6c6f')).toBe(PUBLISH);
    expect(hex('c000')).toBe('c000');
    expect(hex('300c0003')).toBe('300c0003');
  });
});

describe('errors', () => {
  test('an odd number of digits, with its position', () => {
    expect(error('30 0c 0')).toMatchObject({ code: 'odd-digits', line: 1, column: 7, text: '0' });
    expect(error('30 0c\n00 033')).toMatchObject({ code: 'odd-digits', line: 2, column: 4, text: '033' });
    expect(error('0x300')).toMatchObject({ code: 'odd-digits', line: 1, column: 1 });
  });

  test('a stray character, with its position', () => {
    expect(error('30 0g')).toMatchObject({ code: 'stray', line: 1, column: 5, text: 'g' });
    expect(error('30 0c\n  zz')).toMatchObject({ code: 'stray', line: 2, column: 3, text: 'z' });
    expect(error('30 <b>')).toMatchObject({ code: 'stray', text: '<' });
    expect(error('30 😀')).toMatchObject({ code: 'stray', text: '😀' });
  });

  test('too much input is refused at once, with the limit', () => {
    const big = '00'.repeat(MAX_HEX_INPUT_CHARS / 2 + 1);
    expect(error(big)).toMatchObject({ code: 'too-large', limit: MAX_HEX_INPUT_CHARS });
  });

  test('a "*" line that claims gigabytes of repeats', () => {
    expect(
      error('00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\nffffff00'),
    ).toMatchObject({
      code: 'too-large',
    });
  });

  // Tests never time themselves: a parser that went quadratic on these would blow through the
  // test's timeout instead; how fast it parses belongs to a benchmark.
  test('the largest allowed input, a long dump and a hostile line all parse', () => {
    const result = parseHex('ab'.repeat(MAX_HEX_INPUT_CHARS / 2));
    expect(result.ok && result.bytes.length).toBe(MAX_HEX_INPUT_CHARS / 2);
    const dump = Array.from(
      { length: 12_000 },
      (_, i) => `${(i * 16).toString(16).padStart(8, '0')}  ${'41 '.repeat(16)} |${'A'.repeat(16)}|`,
    );
    expect(parseHex(dump.join('\n')).ok).toBe(true);
    const hostile = `0000   ${'41 '.repeat(20_000)}`;
    expect(parseHex(hostile)).toHaveProperty('ok');
  });
});

describe('formatHex', () => {
  test('16 bytes to a line, round trip', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i);
    const text = formatHex(bytes);
    expect(text.split('\n')).toHaveLength(2);
    expect(hex(text)).toBe(toHexString(bytes));
  });
});

/** A paste made by a real tool (see fixtures/README.md). */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** What the client sends in the fixtures: CONNECT "cli1", SUBSCRIBE a/b QoS 1, DISCONNECT. */
const CLIENT = '101000044d5154540402003c0004636c6931' + '820800010003612f6201' + 'e000';
/** What the broker sends: CONNACK, SUBACK, PUBLISH a/b "hello". */
const BROKER = '20020000' + '9003000101' + '300a0003612f6268656c6c6f';

describe('pastes from xxd and tshark (issue 11)', () => {
  test('xxd -i with its trailing "unsigned int name_len = N;" line', () => {
    expect(parseHex(fixture('xxd-i-client.txt'))).toMatchObject({ ok: true, format: 'array' });
    expect(hex(fixture('xxd-i-client.txt'))).toBe(CLIENT);
  });

  test('a dump whose first lines were cut says where it starts', () => {
    expect(parseHex(fixture('xxd-from-0x12.txt'))).toMatchObject({ ok: true, format: 'dump', startOffset: 0x12 });
    expect(hex(fixture('xxd-from-0x12.txt'))).toBe(CLIENT.slice(0x12 * 2));
    expect(parseHex(fixture('xxd-from-5.txt'))).toMatchObject({ ok: true, startOffset: 5 });
    expect(hex(fixture('xxd-from-5.txt'))).toBe(CLIENT.slice(10));
    expect(parseHex('0000   30 0c')).not.toHaveProperty('startOffset');
  });

  test('tshark -x of an IPv4 frame: Ethernet, IPv4 and TCP headers come off', () => {
    const result = parseHex(fixture('tshark-x-ipv4-subscribe.txt'));
    expect(result).toMatchObject({
      ok: true,
      format: 'dump',
      frames: { count: 1, link: 'ethernet', network: 'ipv4', headerLength: 54 },
    });
    expect(hex(fixture('tshark-x-ipv4-subscribe.txt'))).toBe('820800010003612f6201');
  });

  test('tshark -x of an IPv6 frame', () => {
    expect(parseHex(fixture('tshark-x-ipv6-connect.txt'))).toMatchObject({
      frames: { link: 'ethernet', network: 'ipv6', headerLength: 74 },
    });
    expect(hex(fixture('tshark-x-ipv6-connect.txt'))).toBe('101000044d5154540402003c0004636c6931');
  });

  test('tshark -x of every frame of a capture: one stream per direction', () => {
    const result = parseHex(fixture('tshark-x-six-frames.txt'));
    expect(result).toMatchObject({ ok: true, frames: { count: 6 } });
    if (!result.ok) return;
    expect(result.streams?.map((s) => [s.label, toHexString(s.bytes)])).toEqual([
      ['10.2.2.2:40000 → 10.1.1.1:1883', CLIENT],
      ['10.1.1.1:1883 → 10.2.2.2:40000', BROKER],
    ]);
    expect(toHexString(result.bytes)).toBe(CLIENT);
  });

  test('tshark -z follow,tcp,hex: each direction its own stream', () => {
    const result = parseHex(fixture('tshark-follow-tcp-hex.txt'));
    expect(result).toMatchObject({ ok: true, format: 'follow' });
    if (!result.ok) return;
    expect(result.streams?.map((s) => [s.label, toHexString(s.bytes)])).toEqual([
      ['10.2.2.2:40000 → 10.1.1.1:1883', CLIENT],
      ['10.1.1.1:1883 → 10.2.2.2:40000', BROKER],
    ]);
  });

  test('a follow dump whose offsets skip names the line', () => {
    const broken = fixture('tshark-follow-tcp-hex.txt').replace('00000012  82', '00000014  82');
    expect(error(broken)).toMatchObject({ code: 'dump-offsets', expected: 0x12, found: 0x14, line: 10 });
  });

  test('a plain MQTT packet is never taken for a frame', () => {
    expect(parseHex(PUBLISH)).not.toHaveProperty('frames');
    expect(parseHex(CLIENT)).not.toHaveProperty('frames');
  });
});

describe('literals from other codebases (issue 11)', () => {
  test("binary with underscores, 'M', b'M', Java (byte) casts, mixed", () => {
    expect(hex('[0b0011_0000, 0b0000_1100]')).toBe('300c');
    expect(hex("{ 0x10, 0x10, 0x00, 0x04, 'M', 'Q', 'T', 'T', 4 }")).toBe('101000044d51545404');
    expect(hex("let name: [u8; 4] = [b'M', b'Q', b'T', b'T'];")).toBe('4d515454');
    expect(hex("new byte[] { (byte) 0b1000_0010, (byte)'M', (byte) 0xFF, -1, 48 }")).toBe('824dffff30');
    expect(hex("[b'\\x30', '\\n', '\\0', '\\'', ',', '#', ' ']")).toBe('300a00272c2320');
  });

  test('a character that is not one byte is refused', () => {
    expect(error("['MQ']")).toMatchObject({ code: 'stray' });
  });
});
