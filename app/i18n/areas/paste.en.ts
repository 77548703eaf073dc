/**
 * English strings of what the explainer says about a paste: headers taken off a frame, a dump cut
 * at the start, one direction of a connection, which packet is shown, a paste that starts inside
 * a packet. paste.zh.ts has the same keys (its type says so). Loaded with the protocol bundle.
 */
export const pasteEn = {
  paste: {
    format: { follow: 'a tshark “Follow TCP stream” hex dump' },
    frames_one:
      'This is a whole captured frame: its {{link}}, {{network}} and TCP headers ({{header}} bytes) were taken off, and the MQTT bytes after them are shown.',
    frames_other:
      'These are {{count}} captured frames: their {{link}}, {{network}} and TCP headers were taken off, and the MQTT bytes they carry are shown, joined per direction.',
    link: {
      ethernet: 'Ethernet',
      sll: 'Linux cooked (SLL)',
      sll2: 'Linux cooked (SLL2)',
      loopback: 'loopback',
      raw: 'no link',
    },
    network: { ipv4: 'IPv4', ipv6: 'IPv6' },
    startOffset:
      'This dump starts at offset {{offset}} (0x{{hex}}): its first lines were cut, so the first bytes may be the middle of a packet.',
    streams: {
      legend: 'Direction',
      item: '{{label}} ({{count}} bytes)',
    },
    position: 'Packet {{n}} of {{count}}',
    big: {
      shown:
        'The box shows the first {{shown}} of {{lines}} lines ({{characters}} characters): all of them are decoded below. Text this long is read-only here, to keep the page responsive; a new paste replaces it.',
      edit: 'Edit the whole text (slow)',
      shorten: 'Shorten the box again',
    },
    midPacket: {
      text: 'The first bytes do not read as the start of a packet: the paste may begin in the middle of one.',
      find: 'Find the next packet boundary',
      found: 'Skipped the first {{count}} bytes: a packet starts at offset {{offset}}.',
      none: 'No packet boundary found: no offset starts a run of whole packets to the end of the paste.',
      undo: 'Show from the first byte',
    },
    notes: {
      reasonOmitted:
        'This {{packet}} leaves out its reason code: in MQTT 5.0 that means 0x00 (Success), with no properties ({{section}}).',
      payloadNotUtf8:
        'The Payload Format Indicator is 1 (UTF-8 text), but the payload is not well-formed UTF-8: a receiver that checks may answer with reason code 0x99, Payload format invalid ({{section}}).',
      willPayloadNotUtf8:
        'The will’s Payload Format Indicator is 1 (UTF-8 text), but the will payload is not well-formed UTF-8: a server that checks may refuse the CONNECT with 0x99, Payload format invalid ({{section}}).',
      mqtt31:
        'An MQTT 3.1 CONNECT: protocol name “{{name}}”, protocol level 3, the version before 3.1.1. Its fields are laid out as in 3.1.1 and explained with 3.1.1’s names; a server that speaks only 3.1.1 answers CONNACK 0x01, unacceptable protocol version [MQTT-3.1.2-2].',
    },
    followedConnect: 'Decoded as {{version}}, the version the CONNECT before it (packet {{n}}) asked for.',
  },
};
