/**
 * English strings of the protocol: every field, property and reason code explained, and the
 * explainer's own words. Loaded when a view that explains bytes first opens (the inspector, the
 * explainer, a lesson), not with the first screen. protocol.zh.ts has the same keys.
 */
export const protocolEn = {
  explainer: {
    title: 'Packet explainer',
    intro:
      'Paste the bytes of one or more MQTT packets — plain hex, 0x…, an array from code, or a Wireshark, xxd or hexdump dump — and see every field and bit explained.',
    empty: 'Paste bytes above or choose an example.',
    input: {
      label: 'Packet bytes',
      placeholder: 'e.g. 30 0c 00 03 61 2f 62 68 65 6c 6c 6f',
      read_one: 'Read {{count}} byte from {{format}}.',
      read_other: 'Read {{count}} bytes from {{format}}.',
      clear: 'Clear',
    },
    format: {
      empty: 'an empty box',
      plain: 'plain hex',
      prefixed: '0x-prefixed hex',
      escaped: 'escaped bytes',
      array: 'an array in code',
      'decimal-array': 'a decimal array',
      dump: 'a dump with offsets',
    },
    hexError: {
      'too-large': 'That is too much to read at once: the limit is {{limit}} characters.',
      'odd-digits':
        'Line {{line}}, column {{column}}: “{{text}}” has an odd number of hex digits; every byte is two digits.',
      stray: 'Line {{line}}, column {{column}}: “{{text}}” is neither a hex digit nor a separator.',
      'byte-range': 'Line {{line}}, column {{column}}: {{text}} is not a byte value (0–255).',
      'dump-offsets': 'Line {{line}}: the offsets say this line holds {{expected}} bytes, but it holds {{found}}.',
      'hexdump-words':
        'Line {{line}}: this looks like hexdump without -C, which prints 2-byte words with their bytes swapped. Use hexdump -C or xxd instead.',
    },
    version: {
      legend: 'Decode as',
      v4: 'MQTT 3.1.1',
      v5: 'MQTT 5.0',
      both: 'Side by side',
    },
    examples: {
      legend: 'Examples',
      connect: 'CONNECT',
      publish: 'PUBLISH, QoS 1',
      publish5: 'PUBLISH 5.0 with properties',
      subscribe: 'SUBSCRIBE',
      malformed: 'A malformed packet',
      stream: 'Two packets',
    },
    packets: {
      legend: 'Packets in this paste',
      item: 'Packet {{n}}',
      bytes_one: '{{count}} byte',
      bytes_other: '{{count}} bytes',
      failed: 'error',
      skipped: 'Stopped after {{max}} packets; {{bytes}} more bytes were not decoded.',
    },
    packet: {
      columnTitle: 'Decoded as {{version}}',
      notReached: 'Decoding as {{version}} stopped at an earlier packet, so this one was not read.',
      connectLevel:
        'A CONNECT carries its own protocol level ({{level}}), so it is read as {{version}} whatever is chosen above.',
      unknownType: 'Unknown packet',
    },
    parts: {
      legend: 'Parts of the packet',
      unread: 'Not read',
      error: 'Error here',
      missing: 'Missing',
    },
    hex: {
      title: 'Bytes',
      gridLabel: 'Bytes of the packet',
      keys: '← → byte · ↑ ↓ field',
      byteLabel: 'Byte {{offset}}: hex {{hex}}, decimal {{dec}}. {{field}}',
      truncated: 'Showing the first {{shown}} of {{total}} bytes.',
      missingMore: '+{{count}} more',
    },
    bits: {
      title: 'Bits of byte {{offset}}',
      bit: 'bit {{n}}',
      groupLabel: '{{name}}, bits {{high}} to {{low}}: {{value}}',
      none: 'This packet has no flag byte to show.',
    },
    tree: {
      title: 'Fields',
      label: 'Fields of the packet, in byte order',
      field: 'Field',
      value: 'Value',
      bytes: 'Bytes',
      rule: 'Rule',
      bits: 'bits {{high}}–{{low}}',
      bit: 'bit {{n}}',
      truncated: 'Showing the first {{shown}} of {{total}} fields.',
    },
    detail: {
      title: 'Explained',
      hint: 'Point at a byte, a bit or a field — or move to it with the keyboard — to see it explained here.',
      value: 'Value',
      where: 'Where',
      hex: 'Hex',
      decimal: 'Decimal',
      binary: 'Binary',
      text: 'As text',
      meaning: 'Meaning',
      rule: 'Spec rule',
      byte: 'byte {{start}}',
      range: 'bytes {{start}}–{{last}} ({{count}} bytes)',
      bitsOf: 'bits {{high}}–{{low}} of byte {{offset}}',
      bitOf: 'bit {{n}} of byte {{offset}}',
      ruleHint: 'The numbered statement or section of the MQTT specification that governs this field.',
    },
    failure: {
      malformed: 'Malformed packet',
      'protocol-error': 'Protocol error',
      'unsupported-protocol-version': 'Unsupported protocol version',
      incomplete: 'Incomplete packet',
      internal: 'The decoder failed unexpectedly',
      atByte: 'at byte {{offset}}',
      showByte: 'Show byte {{offset}}',
      missing_one: '{{count}} more byte is needed: {{have}} of {{total}} have arrived.',
      missing_other: '{{count}} more bytes are needed: {{have}} of {{total}} have arrived.',
      readBefore: 'The fields read before the error are shown below.',
      nothingRead: 'Nothing could be read before the error.',
      rule: 'Rule broken:',
    },
    hash: {
      damaged: 'This link could not be read: {{reason}} Paste bytes or choose an example.',
      badHex: 'its bytes are not valid hex. {{detail}}',
      badEncoding: 'its address is not correctly %-encoded.',
      badVersion: 'it asks for version “{{value}}”, which is not 3.1.1, 5.0 or side by side.',
      tooLong: 'The bytes are too long to fit in a link, so the address does not carry them.',
      dismiss: 'Dismiss',
    },
  },

  field: {
    fixedHeader: {
      name: 'Fixed header',
      about:
        'Every MQTT packet starts with it: one byte with the packet type and flags, then the remaining length in 1 to 4 bytes.',
    },
    firstByte: {
      name: 'First byte',
      about:
        'Bits 7–4 are the packet type, bits 3–0 the flags. Only PUBLISH gives the flags a meaning; other types must carry fixed values.',
    },
    packetType: {
      name: 'Packet type',
      about:
        'A number from 1 to 15 that says which control packet this is (1 CONNECT, 3 PUBLISH, 8 SUBSCRIBE …). 0 is reserved, and 15 (AUTH) exists only in 5.0.',
    },
    reservedFlags: {
      name: 'Flags (fixed)',
      about:
        'For every type except PUBLISH these four bits have a fixed value: 0010 for PUBREL, SUBSCRIBE and UNSUBSCRIBE, 0000 for the rest. Any other value makes the packet malformed.',
    },
    dup: {
      name: 'DUP flag',
      about:
        'Duplicate delivery: 1 means this PUBLISH may be a resend of one sent earlier. It must be 0 when QoS is 0.',
    },
    qos: {
      name: 'QoS level',
      about:
        'The quality of service of this message: 0 at most once, 1 at least once, 2 exactly once. Both bits set (3) is malformed.',
    },
    retain: {
      name: 'RETAIN flag',
      about:
        'A publisher sets 1 to make the broker keep this message as the topic’s retained message and hand it to future subscribers.',
    },
    remainingLength: {
      name: 'Remaining length',
      about:
        'How many bytes follow the fixed header (variable header plus payload), as a variable byte integer of 1 to 4 bytes.',
    },
    varintByte: {
      name: 'Length byte',
      about: 'One byte of a variable byte integer: 7 bits of the number and a continuation bit.',
    },
    continuation: {
      name: 'Continu\u00adation bit',
      about: 'Bit 7 of a length byte: 1 means another byte of this number follows, 0 means this is the last one.',
    },
    varintDigit: {
      name: 'Value bits',
      about:
        'Bits 6–0 carry 7 bits of the number: the first byte counts ones, the second 128s, the third 128², the fourth 128³.',
    },
    variableHeader: {
      name: 'Variable header',
      about:
        'The part after the fixed header. What it holds depends on the packet type: a topic name, a packet identifier, and in 5.0 properties.',
    },
    payload: {
      name: 'Payload',
      about:
        'The last part of the packet. In PUBLISH it is the application message itself, any bytes at all; in CONNECT, SUBSCRIBE, SUBACK, UNSUBSCRIBE and (in 5.0) UNSUBACK it is a list the packet type defines. The payload of CONNECT can also carry a will message, an application message of its own.',
    },
    topic: {
      name: 'Topic name',
      about:
        'The topic the message is published to, a UTF-8 string such as sensors/temp. Levels are separated by /, and the wildcards + and # are not allowed here.',
    },
    packetId: {
      name: 'Packet identifier',
      about:
        'A non-zero 16-bit number that ties a QoS 1 or 2 PUBLISH, a SUBSCRIBE or an UNSUBSCRIBE to its acknowledgement. It is free to reuse once the exchange completes.',
    },
    stringLength: {
      name: 'String length',
      about: 'Two bytes, most significant first: how many bytes of UTF-8 text follow.',
    },
    utf8: {
      name: 'UTF-8 text',
      about:
        'The characters of the string, encoded as UTF-8. MQTT forbids the null character and ill-formed sequences.',
    },
    binaryLength: {
      name: 'Data length',
      about: 'Two bytes, most significant first: how many bytes of binary data follow.',
    },
    bytes: {
      name: 'Data bytes',
      about: 'The binary data itself, passed along without interpretation.',
    },
    protocolName: {
      name: 'Protocol name',
      about: 'The UTF-8 string “MQTT” (MQTT 3.1 used “MQIsdp”). It lets a server recognize an MQTT client.',
    },
    protocolLevel: {
      name: 'Protocol level',
      about:
        'The protocol version the client speaks: 3 for 3.1, 4 for 3.1.1, 5 for 5.0. A server that does not support it refuses the connection.',
    },
    connectFlags: {
      name: 'Connect flags',
      about:
        'One byte of flags: which optional fields the payload carries (will, user name, password) and how to treat the session.',
    },
    usernameFlag: {
      name: 'User name flag',
      about: '1 means the payload carries a user name.',
    },
    passwordFlag: {
      name: 'Password flag',
      about: '1 means the payload carries a password. In 3.1.1 it may only be 1 when the user name flag is 1.',
    },
    willRetain: {
      name: 'Will retain',
      about: '1 means the will message is published as a retained message. It must be 0 when there is no will.',
    },
    willQos: {
      name: 'Will QoS',
      about: 'The QoS the will message is published with (0, 1 or 2). It must be 0 when there is no will.',
    },
    willFlag: {
      name: 'Will flag',
      about:
        '1 means the payload carries a will message. The server publishes it when the connection closes without a DISCONNECT (in 5.0 also after a DISCONNECT whose reason code is not 0x00, such as 0x04 Disconnect with Will Message), at once in 3.1.1 and after the will delay interval in 5.0; a DISCONNECT with reason code 0x00 discards it.',
    },
    cleanSession: {
      name: 'Clean session',
      about:
        '1: start a new session and throw it away when the connection ends. 0: resume the stored session (subscriptions, queued messages) and keep it afterwards.',
    },
    cleanStart: {
      name: 'Clean start',
      about:
        'MQTT 5.0: 1 discards any existing session and starts a new one. How long a session outlives the connection is set separately, by the Session Expiry Interval.',
    },
    reservedBit: {
      name: 'Reserved',
      about: 'Bit 0 of the connect flags is reserved and must be 0; a server treats 1 as a malformed packet.',
    },
    keepAlive: {
      name: 'Keep alive',
      about:
        'The longest time, in seconds, the client will stay silent. If nothing arrives for 1.5 times this, the server closes the connection. 0 turns keepalive off.',
    },
    clientId: {
      name: 'Client identifier',
      about:
        'Identifies the client to the server and names its session. It may be empty if the server is to assign one: in 3.1.1 a server may accept that, only with Clean Session = 1, and otherwise answers CONNACK 0x02; in 5.0 the server tells the client the name it assigned.',
    },
    willTopic: {
      name: 'Will topic',
      about: 'The topic the will message is published to.',
    },
    willPayload: {
      name: 'Will message',
      about: 'The payload of the will message, which others receive if this client disappears.',
    },
    username: {
      name: 'User name',
      about: 'The name the server uses to authenticate and authorize the client.',
    },
    password: {
      name: 'Password',
      about:
        'Credentials that go with the user name: binary data, up to 65,535 bytes. Without TLS it crosses the network in clear.',
    },
    acknowledgeFlags: {
      name: 'Acknowledge flags',
      about: 'CONNACK’s flag byte: bit 0 is Session Present; bits 7–1 are reserved and must be 0.',
    },
    sessionPresent: {
      name: 'Session present',
      about:
        '1 tells the client the server still holds a session for it from an earlier connection; 0 that it starts without one.',
    },
    reservedBits: {
      name: 'Reserved',
      about: 'Bits the specification reserves for the future; they must be 0.',
    },
    returnCode: {
      name: 'Return code',
      about:
        'MQTT 3.1.1’s answer code: in CONNACK, whether the connection is accepted (0) or why not; in SUBACK, the QoS granted or 0x80 for a failure.',
    },
    reasonCode: {
      name: 'Reason code',
      about:
        'A one-byte result in MQTT 5.0: below 0x80 means success, 0x80 and above an error. What a value is called depends on the packet.',
    },
    willProperties: {
      name: 'Will properties',
      about:
        'MQTT 5.0: the properties of the will message, in the CONNECT payload before the will topic: Will Delay Interval, Payload Format Indicator, Message Expiry Interval and others that its PUBLISH will carry.',
    },
    properties: {
      name: 'Properties',
      about: 'MQTT 5.0’s optional extras: a length, then identifier–value pairs such as Topic Alias or User Property.',
    },
    propertyLength: {
      name: 'Property length',
      about: 'How many bytes of properties follow, as a variable byte integer. 0 means there are none.',
    },
    propertyId: {
      name: 'Property identifier',
      about: 'One byte saying which property this is; it also fixes the type of the value that follows.',
    },
    propertyValue: {
      name: 'Property value',
      about:
        'The value of the property, in the type its identifier prescribes: a byte, a 2- or 4-byte integer, a variable byte integer, a string or binary data.',
    },
    userPropertyKey: {
      name: 'Key',
      about: 'The name of a user property, a UTF-8 string the application chooses.',
    },
    userPropertyValue: {
      name: 'Value',
      about: 'The value of a user property, a UTF-8 string.',
    },
    subscription: {
      name: 'Subscription',
      about: 'One topic filter and the options to subscribe to it with.',
    },
    topicFilter: {
      name: 'Topic filter',
      about:
        'A pattern of topic names: + matches exactly one level, # matches all remaining levels (sensors/+/temp, alerts/#).',
    },
    subscriptionOptions: {
      name: 'Subscription options',
      about:
        'MQTT 5.0: one byte with the maximum QoS, No Local, Retain As Published and Retain Handling; bits 7–6 are reserved.',
    },
    requestedQosByte: {
      name: 'Requested QoS byte',
      about:
        'MQTT 3.1.1: the byte after each topic filter. Bits 1–0 are the maximum QoS asked for; bits 7–2 are reserved.',
    },
    requestedQos: {
      name: 'Requested QoS',
      about:
        'MQTT 3.1.1: the QoS the client asks for; the server may grant less, and sends matching messages at no more than what it granted.',
    },
    maximumQos: {
      name: 'Maximum QoS',
      about: 'MQTT 5.0: the highest QoS at which the server may send this client messages matching the filter.',
    },
    noLocal: {
      name: 'No Local',
      about: '1: do not send this client the messages it publishes itself.',
    },
    retainAsPublished: {
      name: 'Retain As Pub\u00adlished',
      about: '1: forward messages with the RETAIN flag as the publisher set it; 0: clear it.',
    },
    retainHandling: {
      name: 'Retain Handling',
      about:
        'Whether retained messages are sent when subscribing: 0 always, 1 only if the subscription is new, 2 never.',
    },
  },

  property: {
    payloadFormatIndicator: {
      name: 'Payload Format Indicator',
      about: '0: the payload is unspecified bytes; 1: it is UTF-8 text.',
    },
    messageExpiryInterval: {
      name: 'Message Expiry Interval',
      about: 'How many seconds the message stays valid; a server drops it if it cannot deliver it in time.',
    },
    contentType: {
      name: 'Content Type',
      about: 'A UTF-8 string describing the payload, often a MIME type such as application/json.',
    },
    responseTopic: {
      name: 'Response Topic',
      about: 'For request/response: the topic the receiver should publish its response to.',
    },
    correlationData: {
      name: 'Correlation Data',
      about: 'Binary data the requester uses to match a response to its request.',
    },
    subscriptionIdentifiers: {
      name: 'Subscription Identifier',
      about:
        'A number from 1 to 268,435,455 attached to a subscription; the server puts it in each PUBLISH that matches, so the client knows which subscription brought the message.',
    },
    sessionExpiryInterval: {
      name: 'Session Expiry Interval',
      about:
        'How many seconds the server keeps the session after the connection closes: 0 ends it at once, 0xFFFFFFFF never.',
    },
    assignedClientIdentifier: {
      name: 'Assigned Client Identifier',
      about: 'The identifier the server chose for a client that connected with an empty one.',
    },
    serverKeepAlive: {
      name: 'Server Keep Alive',
      about: 'The keepalive the server wants the client to use instead of the one it asked for.',
    },
    authenticationMethod: {
      name: 'Authentication Method',
      about: 'The name of the extended authentication method, such as SCRAM-SHA-1.',
    },
    authenticationData: {
      name: 'Authentication Data',
      about: 'Binary data for a step of the authentication method.',
    },
    requestProblemInformation: {
      name: 'Request Problem Information',
      about:
        '0 asks the server to leave Reason Strings and User Properties out of every packet except PUBLISH, CONNACK and DISCONNECT.',
    },
    willDelayInterval: {
      name: 'Will Delay Interval',
      about:
        'How many seconds the server waits after the connection is lost before publishing the will; reconnecting in time cancels it.',
    },
    requestResponseInformation: {
      name: 'Request Response Information',
      about: '1 asks the server to return Response Information in its CONNACK.',
    },
    responseInformation: {
      name: 'Response Information',
      about: 'A string the client can build response topics from, sent in CONNACK when asked for.',
    },
    serverReference: {
      name: 'Server Reference',
      about: 'Another server the client may use, sent with the reason codes Use another server or Server moved.',
    },
    reasonString: {
      name: 'Reason String',
      about: 'A human-readable explanation of the reason code, for diagnosis; clients should not parse it.',
    },
    receiveMaximum: {
      name: 'Receive Maximum',
      about:
        'How many QoS 1 and 2 messages the sender of this value will handle at once; at least 1, and 65,535 when absent.',
    },
    topicAliasMaximum: {
      name: 'Topic Alias Maximum',
      about: 'The highest Topic Alias the sender of this value accepts; 0 means none.',
    },
    topicAlias: {
      name: 'Topic Alias',
      about:
        'A small number that stands for a topic, so later PUBLISH packets can send the number instead of the whole topic name.',
    },
    maximumQoS: {
      name: 'Maximum QoS',
      about: 'The highest QoS the server supports: 0 or 1 (absent means 2).',
    },
    retainAvailable: {
      name: 'Retain Available',
      about: '0 means the server does not support retained messages.',
    },
    userProperties: {
      name: 'User Property',
      about: 'A key–value pair of UTF-8 strings that the application defines; it may appear many times.',
    },
    maximumPacketSize: {
      name: 'Maximum Packet Size',
      about: 'The largest packet, in bytes, the sender of this value will accept.',
    },
    wildcardSubscriptionAvailable: {
      name: 'Wildcard Subscription Available',
      about: '0 means the server does not support topic filters with wildcards.',
    },
    subscriptionIdentifierAvailable: {
      name: 'Subscription Identifier Available',
      about: '0 means the server does not support subscription identifiers.',
    },
    sharedSubscriptionAvailable: {
      name: 'Shared Subscription Available',
      about: '0 means the server does not support shared subscriptions.',
    },
  },

  /** The engine's error texts, in i18next's {{param}} form. */
  reason: {
    v4: {
      connectionAccepted: { name: 'Connection accepted', meaning: 'The server accepts the connection.' },
      connectionRefusedUnacceptableProtocolVersion: {
        name: 'Refused: unacceptable protocol version',
        meaning: 'The server does not support the protocol level the client asked for.',
      },
      connectionRefusedIdentifierRejected: {
        name: 'Refused: identifier rejected',
        meaning: 'The client identifier is valid UTF-8, but the server does not allow it.',
      },
      connectionRefusedServerUnavailable: {
        name: 'Refused: server unavailable',
        meaning: 'The network connection was made, but the MQTT service is unavailable.',
      },
      connectionRefusedBadUserNameOrPassword: {
        name: 'Refused: bad user name or password',
        meaning: 'The user name or password is malformed or not accepted.',
      },
      connectionRefusedNotAuthorized: {
        name: 'Refused: not authorized',
        meaning: 'The client is not authorized to connect.',
      },
      successMaximumQos0: {
        name: 'Success, maximum QoS 0',
        meaning: 'The subscription is accepted with maximum QoS 0.',
      },
      successMaximumQos1: {
        name: 'Success, maximum QoS 1',
        meaning: 'The subscription is accepted with maximum QoS 1.',
      },
      successMaximumQos2: {
        name: 'Success, maximum QoS 2',
        meaning: 'The subscription is accepted with maximum QoS 2.',
      },
      failure: { name: 'Failure', meaning: 'The subscription is refused.' },
    },
    v5: {
      success: { name: 'Success', meaning: 'The operation succeeded.' },
      normalDisconnection: {
        name: 'Normal disconnection',
        meaning: 'The connection closes normally; the will message is not sent.',
      },
      grantedQos0: {
        name: 'Granted QoS 0',
        meaning: 'The subscription is accepted; messages will be sent at QoS 0 at most.',
      },
      grantedQos1: {
        name: 'Granted QoS 1',
        meaning: 'The subscription is accepted; messages will be sent at QoS 1 at most.',
      },
      grantedQos2: {
        name: 'Granted QoS 2',
        meaning: 'The subscription is accepted; messages are sent at any QoS they arrive with.',
      },
      disconnectWithWillMessage: {
        name: 'Disconnect with will message',
        meaning: 'The client disconnects but wants the server to publish its will message.',
      },
      noMatchingSubscribers: {
        name: 'No matching subscribers',
        meaning: 'The message was accepted, but nobody subscribes to its topic.',
      },
      noSubscriptionExisted: { name: 'No subscription existed', meaning: 'There was no such subscription to remove.' },
      continueAuthentication: {
        name: 'Continue authentication',
        meaning: 'The authentication goes on with another step.',
      },
      reAuthenticate: { name: 'Re-authenticate', meaning: 'Start a new authentication on this connection.' },
      unspecifiedError: {
        name: 'Unspecified error',
        meaning: 'It failed, and the sender will not say why or no other code fits.',
      },
      malformedPacket: {
        name: 'Malformed packet',
        meaning: 'A packet could not be parsed according to the specification.',
      },
      protocolError: {
        name: 'Protocol error',
        meaning: 'A packet arrived that the protocol does not allow at this point, or with contents it forbids.',
      },
      implementationSpecificError: {
        name: 'Implementation specific error',
        meaning: 'The packet is valid, but this implementation does not accept it.',
      },
      unsupportedProtocolVersion: {
        name: 'Unsupported protocol version',
        meaning: 'The server does not support the protocol version the client asked for.',
      },
      clientIdentifierNotValid: {
        name: 'Client identifier not valid',
        meaning: 'The client identifier is well-formed, but the server does not allow it.',
      },
      badUserNameOrPassword: {
        name: 'Bad user name or password',
        meaning: 'The server does not accept the user name or password.',
      },
      notAuthorized: { name: 'Not authorized', meaning: 'The client is not authorized to do this.' },
      serverUnavailable: { name: 'Server unavailable', meaning: 'The MQTT server is not available.' },
      serverBusy: { name: 'Server busy', meaning: 'The server is busy; try again later.' },
      banned: { name: 'Banned', meaning: 'An administrator has banned this client.' },
      serverShuttingDown: { name: 'Server shutting down', meaning: 'The server is shutting down.' },
      badAuthenticationMethod: {
        name: 'Bad authentication method',
        meaning: 'The authentication method is not supported, or differs from the one in use.',
      },
      keepAliveTimeout: {
        name: 'Keep alive timeout',
        meaning: 'No packet arrived for 1.5 times the keepalive time.',
      },
      sessionTakenOver: {
        name: 'Session taken over',
        meaning: 'Another connection with the same client identifier took over the session.',
      },
      topicFilterInvalid: {
        name: 'Topic filter invalid',
        meaning: 'The topic filter is well-formed, but this server does not accept it.',
      },
      topicNameInvalid: {
        name: 'Topic name invalid',
        meaning: 'The topic name is well-formed, but this client or server does not accept it.',
      },
      packetIdentifierInUse: {
        name: 'Packet identifier in use',
        meaning: 'The packet identifier is already in use by another exchange.',
      },
      packetIdentifierNotFound: {
        name: 'Packet identifier not found',
        meaning: 'No exchange is waiting for this packet identifier.',
      },
      receiveMaximumExceeded: {
        name: 'Receive maximum exceeded',
        meaning: 'More QoS 1 and 2 messages were in flight than the Receive Maximum allows.',
      },
      topicAliasInvalid: {
        name: 'Topic alias invalid',
        meaning: 'The Topic Alias is larger than the maximum the receiver announced.',
      },
      packetTooLarge: { name: 'Packet too large', meaning: 'The packet is larger than the Maximum Packet Size.' },
      messageRateTooHigh: { name: 'Message rate too high', meaning: 'Messages are arriving too fast.' },
      quotaExceeded: {
        name: 'Quota exceeded',
        meaning: 'An implementation or administrative quota has been exceeded.',
      },
      administrativeAction: {
        name: 'Administrative action',
        meaning: 'An administrator closed the connection.',
      },
      payloadFormatInvalid: {
        name: 'Payload format invalid',
        meaning: 'The payload does not match its Payload Format Indicator.',
      },
      retainNotSupported: { name: 'Retain not supported', meaning: 'The server does not support retained messages.' },
      qosNotSupported: { name: 'QoS not supported', meaning: 'The QoS is higher than the server supports.' },
      useAnotherServer: { name: 'Use another server', meaning: 'The client should use another server for now.' },
      serverMoved: { name: 'Server moved', meaning: 'The client should use another server from now on.' },
      sharedSubscriptionsNotSupported: {
        name: 'Shared subscriptions not supported',
        meaning: 'The server does not support shared subscriptions.',
      },
      connectionRateExceeded: {
        name: 'Connection rate exceeded',
        meaning: 'The limit on how often this client may connect has been exceeded.',
      },
      maximumConnectTime: {
        name: 'Maximum connect time',
        meaning: 'The connection has lasted longer than this server allows.',
      },
      subscriptionIdentifiersNotSupported: {
        name: 'Subscription identifiers not supported',
        meaning: 'The server does not support subscription identifiers.',
      },
      wildcardSubscriptionsNotSupported: {
        name: 'Wildcard subscriptions not supported',
        meaning: 'The server does not support wildcard subscriptions.',
      },
    },
  },
};
