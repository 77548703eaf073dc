/** English strings. zh.ts must have exactly the same keys (its type says so; coverage.test.ts checks). */
import { errorMessages } from '$engine';
import { braces } from './templates.ts';

export const en = {
  app: {
    name: 'MQTT Lab',
    tagline: 'See MQTT down to the bit.',
    language: 'Language',
    largeText: 'Large text',
    pages: 'Pages',
    page: { lab: 'Lab', explain: 'Packet explainer', lessons: 'Lessons', spec: 'Spec map' },
  },

  value: {
    bytes_one: '{{count}} byte',
    bytes_other: '{{count}} bytes',
    notAllowed: 'not allowed in {{packet}}',
    seconds: '{{value}} s',
    properties_one: '{{count}} property',
    properties_other: '{{count}} properties',
    labelled: '{{name}}: {{text}}',
  },

  qos: {
    '0': 'at most once',
    '1': 'at least once',
    '2': 'exactly once',
    '3': 'not a QoS level',
  },

  retainHandling: {
    '0': 'send retained messages when subscribing',
    '1': 'send retained messages only if the subscription is new',
    '2': 'do not send retained messages',
    '3': 'reserved',
  },

  continuation: {
    '0': 'this is the last byte of the number',
    '1': 'another byte of the number follows',
  },

  flag: {
    '0': 'off',
    '1': 'on',
  },

  /** Words the engine puts in error parameters that are not field or property names. */
  term: {
    will: 'will message',
  },

  packet: {
    CONNECT: {
      name: 'Connect request',
      about:
        'The first packet a client sends: who it is, which protocol version it speaks, its keepalive, will and credentials.',
    },
    CONNACK: {
      name: 'Connect acknowledgement',
      about: 'The server’s answer to CONNECT: accepted or why not, and whether a stored session was found.',
    },
    PUBLISH: {
      name: 'Publish message',
      about: 'Carries an application message on a topic, from client to server or from server to client.',
    },
    PUBACK: {
      name: 'Publish acknowledgement',
      about: 'The answer to a QoS 1 PUBLISH: the receiver has the message.',
    },
    PUBREC: {
      name: 'Publish received',
      about: 'QoS 2, first answer: the message was received. The sender replies with PUBREL.',
    },
    PUBREL: {
      name: 'Publish release',
      about: 'QoS 2, second step: the sender lets the receiver pass the message on and release its state.',
    },
    PUBCOMP: {
      name: 'Publish complete',
      about: 'QoS 2, last step: the exchange is over and the packet identifier may be used again.',
    },
    SUBSCRIBE: {
      name: 'Subscribe request',
      about: 'The client asks to receive messages whose topics match one or more topic filters.',
    },
    SUBACK: {
      name: 'Subscribe acknowledgement',
      about: 'The answer to SUBSCRIBE: for each topic filter, the QoS granted or a failure.',
    },
    UNSUBSCRIBE: {
      name: 'Unsubscribe request',
      about: 'The client asks to remove one or more of its subscriptions.',
    },
    UNSUBACK: {
      name: 'Unsubscribe acknowledgement',
      about: 'The answer to UNSUBSCRIBE (in 5.0 with one reason code per topic filter).',
    },
    PINGREQ: {
      name: 'Ping request',
      about: 'A keepalive heartbeat: the client shows it is alive and asks the server to answer.',
    },
    PINGRESP: {
      name: 'Ping response',
      about: 'The server’s answer to PINGREQ: the connection is alive.',
    },
    DISCONNECT: {
      name: 'Disconnect',
      about:
        'The last packet on a connection, sent before closing it cleanly; the will message is then discarded (in 5.0 unless the reason code asks for it).',
    },
    AUTH: {
      name: 'Authentication exchange',
      about: 'MQTT 5.0 only: one step of an extended authentication, such as a challenge and its response.',
    },
  },

  error: braces(errorMessages),

  /** Reason codes (5.0) and return codes (3.1.1), keyed by version and name (see reasons.ts). */
};

/** The shape every language must have: same keys, any text. */
export type Messages = DeepStrings<typeof en>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
