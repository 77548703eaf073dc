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
    midPacket: {
      text: 'The first bytes do not read as the start of a packet: the paste may begin in the middle of one.',
      find: 'Find the next packet boundary',
      found: 'Skipped the first {{count}} bytes: a packet starts at offset {{offset}}.',
      none: 'No packet boundary found: no offset starts a run of whole packets to the end of the paste.',
      undo: 'Show from the first byte',
    },
    followedConnect: 'Decoded as {{version}}, the version the CONNECT before it (packet {{n}}) asked for.',
  },
};
