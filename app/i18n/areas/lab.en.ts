/** English strings of the lab area. lab.zh.ts has the same keys (its type says so). */
export const labEn = {
  lab: {
    title: 'Lab',

    presets: {
      'qos0-lossy': {
        title: 'QoS 0 over a lossy link',
        about:
          'The sensor publishes six temperature readings with QoS 0 while its uplink loses about a third of the packets. QoS 0 means at most once: nobody acknowledges and nobody resends, so a lost reading is simply gone — and none arrives twice.',
      },
      'qos1-lost-puback': {
        title: 'QoS 1 with a lost PUBACK',
        about:
          'The sensor publishes “open” with QoS 1. The broker passes it on and answers PUBACK, but the PUBACK is lost on the way back. When its retry timer runs out (1 s) the sensor sends the PUBLISH again with DUP = 1, and the app gets the message a second time: at least once can mean more than once. Resending on a timer is the textbook picture: Paho C does it only when asked (its retryInterval, off by default), while MQTT.js, Paho Python and libmosquitto resend only when a session resumes on a new connection. That is the one time MQTT 3.1.1 requires a resend, and MQTT 5.0 forbids resending at any other time.',
      },
      'qos2-losses': {
        title: 'QoS 2: a loss at each stage',
        about:
          'One payment message with QoS 2, and one packet lost at each of its four steps: PUBLISH, PUBREC, PUBREL and PUBCOMP. Each loss is repaired by sending again with the same packet identifier; the broker recognises the repeated PUBLISH, and the app gets the message exactly once.',
      },
      'keepalive-will': {
        title: 'Keepalive and the last will',
        about:
          'The sensor connects with a keepalive of 5 s and a will (“offline”, retained, on status/sensor), then publishes “online”. Whenever it has sent nothing for 5 s it sends PINGREQ. At 7 s its link is cut silently, as when a cable is pulled. The broker hears nothing more and, 1.5 × 5 s after the last packet it received, closes the connection and publishes the will: the app learns that the sensor is offline.',
      },
      retained: {
        title: 'Retained messages',
        about:
          'The sensor publishes “on” as a retained message before anyone subscribes. When the app subscribes later, the broker sends it the stored value at once, with RETAIN = 1. A new retained value replaces the old one, so a late subscriber gets only the latest (“off”). An empty retained message clears it: after that a new subscription gets nothing.',
      },
      'persistent-session': {
        title: 'A persistent session with offline queueing',
        about:
          'The app connects with Clean Session = 0, subscribes with QoS 2 and disconnects. While it is away the sensor publishes three orders, with QoS 0, 1 and 2. The broker keeps the app’s session: it queues the QoS 1 and QoS 2 messages and drops the QoS 0 one. When the app comes back, CONNACK says session present = 1 and the two queued messages follow.',
      },
      overlapping: {
        title: 'Overlapping subscriptions',
        about:
          'The app subscribes to home/# with QoS 1 and to home/+/temp with QoS 2. A message on home/kitchen/temp matches both, yet the app receives it once, at the higher of the two QoS levels. A message on home/kitchen/light matches only home/#, so the broker downgrades it from QoS 2 to that subscription’s maximum, QoS 1.',
      },
      empty: {
        title: 'Empty lab',
        about:
          'A broker and two clients, sensor and app, which connect at the start. Nothing else is planned: publish, subscribe, change the network, pull plugs — and add clients of your own.',
      },
    },

    problem: {
      actionFailed: 'That could not be done: {{message}}',
      simulationFailed: 'The simulation stopped: {{message}}',
      linkDamaged: 'This link could not be opened: {{reason}} The lab starts afresh.',
      fileDamaged: 'This file could not be opened: {{reason}}',
      dismiss: 'Dismiss',
    },

    link: {
      part: {
        s: 'the scenario part of the address',
        a: 'the actions part of the address',
        file: 'the file',
      },
      source: { link: 'link', file: 'file' },
      problem: {
        tooLong: 'the address is longer than {{limit}} characters.',
        encoding: 'the address is not correctly %-encoded.',
        unknownPart: 'it has a part “{{name}}” that the lab does not know.',
        twice: 'the part “{{name}}” appears twice.',
        presetAndScenario: 'it names both a built-in scenario and a scenario of its own.',
        noScenario: 'it names no scenario.',
        unknownPreset: 'there is no built-in scenario called “{{id}}”.',
        seed: 'the seed “{{value}}” is not a whole number from 0 to {{max}}.',
        cursor: 'the position “{{value}}” is not an event number.',
        time: 'the time “{{value}}” is not a number of milliseconds in range.',
        partTooLong: '{{part}} is longer than {{limit}} characters.',
        compression: '{{part}} could not be decompressed: the link was cut short or altered.',
        jsonTooLong: '{{part}} unpacks to more than {{limit}} characters.',
        json: '{{part}} is not valid JSON ({{detail}}).',
        tooManyValues: 'it holds more than {{limit}} values.',
        tooDeep: 'it is nested deeper than {{limit}} levels (at {{path}}).',
        forbiddenKey: 'it contains the key “{{key}}” (at {{path}}), which the lab refuses.',
        invalidScenario: 'the scenario in the {{source}} is not valid: {{problem}}{{more}}',
        invalidActions: 'the actions in the {{source}} are not valid: {{problem}}{{more}}',
        more_one: ' (and {{count}} more problem)',
        more_other: ' (and {{count}} more problems)',
        at: 'at {{path}} it expects {{expected}}, but finds {{received}}.',
        atMissing: 'at {{path}} it expects {{expected}}.',
        limit: '{{path}} is over the lab’s limit of {{limit}}.',
        atLeast: '{{path}} must be at least {{limit}} ms.',
        packet: '{{path}} would send a packet the codec refuses: {{problem}}',
        actionsNotList: 'the actions are not a list.',
        fileTooBig: 'the file is larger than {{limit}} bytes.',
        fileNotRun: 'it is neither a saved lab run nor a scenario (JSON with “clients” and “steps”).',
        fileVersion: 'it is a run file of version “{{value}}”, which this lab does not read.',
        fileUnknownKey: 'it has a key “{{key}}” that a run file does not have.',
      },
      expect: {
        noKey: 'no such key (it is not allowed here)',
        present: 'this key (it is missing)',
        object: 'an object',
        array: 'a list',
        number: 'a number',
        string: 'text',
        boolean: 'true or false',
        name: 'a name without spaces or “/”',
        unique: 'a client id not used before',
        notBroker: 'a name other than “broker”',
        brokerOrClient: '“broker” or one of the clients',
        atLeast: 'at least {{n}}',
        atMost: 'at most {{n}}',
        oneOfClients: 'one of the clients ({{list}})',
        timeOrder: 'steps in time order (at or after {{n}})',
        raw: '{{text}}',
      },
    },

    list: { separator: ', ' },

    party: {
      broker: 'the broker',
      brokerSubject: 'The broker',
      client: '{{name}}',
    },

    machine: {
      'client-connection': 'client connection',
      'broker-connection': 'broker’s end of the connection',
      'qos1-sender': 'QoS 1 sender',
      'qos2-sender': 'QoS 2 sender',
      'qos2-receiver': 'QoS 2 receiver',
      other: 'machine',
    },

    timer: {
      keepalive: 'keepalive',
      keepaliveGrace: 'keepalive watchdog (1.5 × keepalive)',
      pingTimeout: 'PINGRESP wait',
      connackTimeout: 'CONNACK wait',
      retry: 'retry',
      reconnect: 'reconnect',
      willDelay: 'will delay',
      sessionExpiry: 'session expiry',
      other: 'unnamed',
    },

    tag: {
      scenario: 'scenario',
      you: 'you',
      send: 'sent',
      arrive: 'arrived',
      lost: 'lost',
      deliver: 'delivered',
      broker: 'broker',
      client: 'client',
      timer: 'timer',
      state: 'state',
      connection: 'connection',
      error: 'error',
      network: 'network',
    },

    /** One sentence per trace event (narration.ts builds them). */
    say: {
      qos: 'QoS {{qos}} ({{meaning}})',
      ms: '{{value}} ms',
      seconds: '{{value}} s',
      quoted: '“{{text}}”',
      filterWithQos: '“{{filter}}” (QoS {{qos}})',
      subackGranted: 'QoS {{qos}} granted',
      subackFailure: 'failure 0x{{code}}',
      keepAlive: 'keepalive {{s}} s',
      keepAliveOff: 'keepalive off (0)',
      cleanSession: 'Clean Session = 1 (a fresh session)',
      persistentSession: 'Clean Session = 0 (keep my session)',
      cleanStart: 'Clean Start = 1 (discard any session it had)',
      resumeStart: 'Clean Start = 0 (resume its session, if the broker kept one)',
      withWill: ', and a will message for “{{topic}}”',
      willRetained: ', retained',
      modelTcp: 'MQTT over TCP',
      modelLossy: 'textbook model',
      toClient: ' to {{to}}',
      flag: {
        retain: ', RETAIN = 1 (keep it as the topic’s retained message)',
        retainOld: ', RETAIN = 1: a retained message, stored earlier',
        dup: ', DUP = 1: a resend',
        dupDelivered: ', DUP = 1',
      },
      direction: {
        both: 'in both directions',
        up: 'upward (client → broker)',
        down: 'downward (broker → client)',
      },
      link: {
        delay: 'delay {{value}} ms',
        jitter: 'jitter {{value}} ms',
        loss: 'loss {{value}} %',
        duplicate: 'duplication {{value}} %',
        reorder: 'reordering {{value}} %',
        nothing: 'no change',
      },
      action: { subscribe: 'subscribe', unsubscribe: 'unsubscribe' },
      step: {
        connect: '{{client}} connects to the broker.',
        disconnect: '{{client}} disconnects cleanly: it will send DISCONNECT.',
        crash: '{{client}} crashes — the plug is pulled: it will not send DISCONNECT.',
        cut: 'The link between {{client}} and the broker is cut: nothing gets through, in either direction.',
        restore: 'The link of {{client}} works again.',
        reset: 'The connection of {{client}} is reset (TCP RST).',
        publish: '{{client}} publishes “{{payload}}” on the topic “{{topic}}” with {{qos}}.',
        publishRetained:
          '{{client}} publishes “{{payload}}” on the topic “{{topic}}” with {{qos}}, as a retained message (RETAIN = 1).',
        subscribe: '{{client}} subscribes to “{{filter}}” with {{qos}}.',
        unsubscribe: '{{client}} unsubscribes from “{{filter}}”.',
        setLink: 'The link of {{client}} changes {{direction}}: {{settings}}.',
        fault: {
          drop: 'The next {{packet}} from {{from}}{{to}} will be lost: a fault the scenario arranges.',
          duplicate:
            'The next {{packet}} from {{from}}{{to}} will arrive twice, the copy {{delay}} later: a fault the scenario arranges.',
          delay: 'The next {{packet}} from {{from}}{{to}} will be held back {{delay}}: a fault the scenario arranges.',
          corrupt:
            'The next {{packet}} from {{from}}{{to}} will leave with byte {{byte}} altered (XOR 0x{{xor}}): the scenario plays a faulty sender.',
        },
      },
      send: {
        CONNECT: '{{from}} asks to connect: CONNECT with client id “{{clientId}}”, {{keepAlive}}, {{session}}{{will}}.',
        CONNACK: '{{from}} accepts the connection of {{to}}: CONNACK, session present = {{present}}.',
        CONNACKRefused: '{{from}} refuses the connection of {{to}}: CONNACK with return code 0x{{code}}.',
        PUBLISH: '{{from}} sends {{packet}} to {{to}}: “{{topic}}” = “{{payload}}”, {{qos}}{{retain}}{{dup}}.',
        PUBLISHForward:
          '{{from}} forwards the message to {{to}} as {{packet}}: “{{topic}}” = “{{payload}}”, {{qos}}{{retain}}{{dup}}.',
        PUBACK: '{{from}} acknowledges PUBLISH {{id}} with PUBACK {{id}}.',
        PUBREC: '{{from}} answers PUBREC {{id}}: it has PUBLISH {{id}} (QoS 2, first answer).',
        PUBREL: '{{from}} sends PUBREL {{id}}: release the message, the exchange can finish.',
        PUBCOMP:
          '{{from}} sends PUBCOMP {{id}}: the QoS 2 exchange is complete on its side. Once {{to}} has processed this PUBCOMP, it may use packet identifier {{id}} again.',
        SUBSCRIBE: '{{from}} asks to subscribe to {{filters}} ({{packet}}).',
        SUBACK: '{{from}} confirms the subscription of {{to}}: {{packet}}, {{codes}}.',
        SUBACKFailed: '{{from}} refuses a subscription of {{to}}: {{packet}}, {{codes}}.',
        UNSUBSCRIBE: '{{from}} asks to unsubscribe from {{filters}} ({{packet}}).',
        UNSUBACK: '{{from}} confirms to {{to}} that the subscription is gone ({{packet}}).',
        PINGREQ: '{{from}} has sent nothing for its keepalive of {{keepAlive}} s, so it sends PINGREQ: a heartbeat.',
        PINGRESP: '{{from}} answers PINGRESP: the connection is alive.',
        DISCONNECT: '{{from}} says goodbye with DISCONNECT: a normal end, so the broker discards the will message.',
        DISCONNECTWithWill:
          '{{from}} says goodbye with DISCONNECT, reason code 0x04 (Disconnect with Will Message): the broker is to publish the will message all the same.',
        DISCONNECTReason:
          '{{from}} says goodbye with DISCONNECT, reason code 0x{{code}}: not a normal disconnection (0x00), so the broker keeps the will message, if there is one, and publishes it.',
        DISCONNECTBroker: '{{from}} sends DISCONNECT to {{to}} with reason code 0x{{code}}.',
        other: '{{from}} sends {{packet}} to {{to}}.',
      },
      arrive: '{{to}} receives {{packet}} from {{from}} after {{took}}.',
      arriveCaptured:
        '{{to}} receives {{packet}} from {{from}} (the time is the capture point’s; the time on the way is not known).',
      arriveCopy:
        '{{to}} receives a second copy of {{packet}} from {{from}}: the network duplicated it (textbook model).',
      arriveRetransmitted_one:
        'TCP lost the segment once and sent it again: {{packet}} from {{from}} reaches {{toObject}} after {{took}} instead of about {{usual}}, and what follows on this link waits behind it.',
      arriveRetransmitted_other:
        'TCP lost the segment {{count}} times and sent it again: {{packet}} from {{from}} reaches {{toObject}} after {{took}} instead of about {{usual}}, and what follows on this link waits behind it.',
      arriveBlocked:
        '{{to}} receives {{packet}} from {{from}} after {{took}} instead of about {{usual}}: it waited behind a segment TCP had to send again (head-of-line blocking).',
      arriveDelayed:
        '{{to}} receives {{packet}} from {{from}} after {{took}} instead of about {{usual}}: the fault held it back.',
      arriveLate: '{{to}} receives {{packet}} from {{from}} late: after {{took}} instead of about {{usual}}.',
      arriveCorrupted:
        '{{to}} receives the altered bytes of {{packet}} from {{from}} after {{took}}: byte {{offset}} reads 0x{{sent}}.',
      drop: {
        loss: '{{packet}} from {{from}} to {{to}} is lost on the way ({{model}}).',
        fault: '{{packet}} from {{from}} to {{to}} is lost: the fault the scenario arranged ({{model}}).',
        cut: '{{packet}} from {{from}} to {{to}} is lost: the link is cut ({{model}}).',
        closed: '{{packet}} from {{from}} to {{to}} is thrown away: its connection is already closed.',
      },
      duplicate: 'The network copies {{packet}} from {{from}} to {{to}}: a second copy is on its way (textbook model).',
      deliver: '{{client}} gets the message “{{topic}}” = “{{payload}}” (QoS {{qos}}{{retain}}{{dup}}).',
      state: '{{actor}} ({{machine}}): {{from}} → {{to}}.',
      open: 'A TCP connection opens between {{client}} and the broker (connection {{conn}}).',
      error: '{{who}} finds a protocol violation in what {{other}} sent and closes the connection. {{problem}}',
      violation: {
        'connect-first': 'The first packet on a connection must be CONNECT.',
        'second-connect': 'A client may send CONNECT only once on a connection.',
        'unexpected-packet': 'A client may not send {{packet}}: it travels only from the broker to a client.',
      },
      timer: {
        start: '{{actor}} starts its {{timer}} timer, due at {{at}}.',
        cancel: '{{actor}} stops its {{timer}} timer.',
        fire: '{{actor}}: the {{timer}} timer runs out.',
        retryPublish:
          'No {{waited}} {{id}} in time: {{who}} sends PUBLISH {{id}} again with DUP = 1 (a retry timer — the textbook model, not the spec: 3.1.1 requires a resend only when a session resumes, and 5.0 forbids any other).',
        retryPubrel:
          'No PUBCOMP {{id}} in time: {{who}} sends PUBREL {{id}} again (a retry timer — the textbook model, not the spec: 3.1.1 requires a resend only when a session resumes, and 5.0 forbids any other).',
        pingTimeout: 'No PINGRESP came back in time: {{who}} decides the connection is dead.',
        connackTimeout: 'No CONNACK came back in time: {{who}} gives up connecting.',
        reconnect: '{{who}} tries to connect again.',
        reconnectStart: '{{who}} will try to reconnect at {{at}}.',
      },
      close: {
        keepalive: 'The broker has not heard from {{client}} for 1.5 × {{keepAlive}} s: it closes the connection.',
        keepaliveWill:
          'The broker has not heard from {{client}} for 1.5 × {{keepAlive}} s: it closes the connection and publishes the will.',
        disconnectClient: '{{client}} closes its connection after DISCONNECT.',
        disconnectBroker: 'The broker got DISCONNECT from {{client}} and closes the connection.',
        crash: '{{client}} is gone without DISCONNECT: its operating system closes the TCP connection.',
        peerBroker: 'The broker learns that the connection of {{client}} has closed (TCP FIN).',
        peerClient: '{{client}} learns that the broker has closed the connection.',
        reset: '{{side}} finds the connection of {{client}} reset: whatever was on its way is gone.',
        takeover:
          '{{side}} closes the old connection of {{client}}: a new connection came with the same client id (takeover).',
        'pingresp-timeout': '{{side}} closes the connection: no PINGRESP came.',
        'connack-timeout': '{{side}} closes the connection: no CONNACK came.',
        refused: '{{side}} closes the refused connection of {{client}}.',
        malformed: '{{side}} closes the connection: it received a malformed packet.',
        'protocol-error': '{{side}} closes the connection: the other side broke the protocol.',
        'unsupported-protocol-version': '{{side}} closes the connection: the protocol version is not supported.',
        capturedFin: '{{side}} closes the connection of {{client}}: the capture shows a TCP FIN.',
        capturedReset: '{{side}} resets the connection of {{client}}: the capture shows a TCP RST.',
        other: '{{side}} closes the connection of {{client}} ({{reason}}).',
      },
      note: {
        sessionCreated: 'The broker starts a new, clean session for {{client}}.',
        sessionCreatedPersistent:
          'The broker creates a persistent session for {{client}}: while {{client}} is away it keeps the subscriptions and queues messages.',
        sessionResumed: 'The broker finds the stored session of {{client}} and resumes it (session present = 1).',
        willStored:
          'The broker keeps the will of {{client}}: if {{client}} vanishes without DISCONNECT, it will publish on “{{topic}}” (QoS {{qos}}{{retain}}).',
        willPublished:
          'The broker publishes the will of {{client}} on “{{topic}}”: {{client}} went away without DISCONNECT.',
        willPublishedAsked:
          '{{clientS}} said goodbye with DISCONNECT 0x04, “Disconnect with Will Message”: the broker publishes its will on “{{topic}}” all the same.',
        willPublishedReason:
          '{{clientS}} said goodbye with a DISCONNECT whose reason code is not 0x00 (Normal disconnection): under 5.0 only 0x00 deletes the will, so the broker publishes it on “{{topic}}”.',
        willDiscarded: '{{clientS}} said goodbye with DISCONNECT: the broker throws its will away.',
        willDelayed:
          'The connection of {{client}} is gone; its will on “{{topic}}” waits {{delayS}} s (Will Delay Interval) — unless {{client}} comes back first.',
        willCancelled: '{{clientS}} is back before its Will Delay Interval ran out: the broker does not send its will.',
        willPublishedDelayed:
          'The Will Delay Interval of {{client}} has run out: the broker publishes its will on “{{topic}}”.',
        willPublishedSessionEnded:
          'The session of {{client}} ends before its Will Delay Interval ran out: the broker publishes its will on “{{topic}}” now.',
        sessionKept: 'The broker keeps the session of {{client}} while it is away (a persistent session).',
        sessionExpired: 'The session of {{clientS}} has expired: the broker deletes it.',
        sessionEnded: 'The broker ends the session of {{client}}: its subscriptions are gone.',
        subscribed: 'The broker records the subscription of {{client}} to “{{filter}}”, with maximum QoS {{qos}}.',
        subscribedReplaced:
          'The broker records the subscription of {{client}} to “{{filter}}”, with maximum QoS {{qos}}, replacing the one it had.',
        unsubscribed: 'The broker removes the subscription of {{client}} to “{{filter}}”.',
        queuedOffline: '{{clientS}} is offline: the broker queues “{{topic}}” (QoS {{qos}}) in its session.',
        queuedInflight: 'The broker queues “{{topic}}” for {{client}}: enough messages are already on their way to it.',
        dequeued: 'The broker sends the queued message “{{topic}}” to {{client}}.',
        messageExpired:
          'The message “{{topic}}” queued for {{client}} waited longer than its expiry interval: the broker deletes it instead of sending it.',
        retainedExpired: 'The retained message of “{{topic}}” has outlived its expiry interval: the broker deletes it.',
        droppedQos0Offline:
          '{{clientS}} is offline and “{{topic}}” is QoS 0: the broker does not keep it, so this message is gone for {{client}}.',
        retainedStored: 'The broker stores “{{payload}}” as the retained message of “{{topic}}”.',
        retainedReplaced: 'The broker replaces the retained message of “{{topic}}” with “{{payload}}”.',
        retainedCleared: 'An empty retained message clears “{{topic}}”: the broker forgets its retained message.',
        takeover:
          'A new connection uses the client id of {{client}}: the broker will close the old one (connection {{conn}}).',
        clientIdAssigned: 'The client sent an empty client id: the broker assigns “{{clientId}}”.',
        clientIdRejected:
          'An empty client id with Clean Session = 0 is not allowed: the broker refuses the connection (CONNACK 0x02).',
        subscriptionRefused: 'The broker refuses the subscription of {{client}} to “{{filter}}”.',
        qos2Duplicate:
          '{{who}} already has PUBLISH {{id}} (QoS 2): it answers PUBREC again but does not pass the message on a second time.',
        clientQueued: '{{who}} is not connected: it keeps “{{topic}}” (QoS {{qos}}) to send once it is.',
        clientDequeued: 'Connected now, {{who}} sends the message it kept: “{{topic}}”.',
        clientSessionDiscarded:
          'The broker had no session for {{who}} (session present = 0): it drops its unfinished exchanges.',
        clientBusy: '{{who}} is already connected or connecting ({{state}}): it ignores the request.',
        authRefused:
          'The user name and password of {{client}} do not match the broker’s list of users: it refuses the connection (CONNACK 0x{{code}}).',
        authRefusedAnonymous:
          '{{clientS}} sent no user name, and this broker lets nobody in without one: it refuses the connection (CONNACK 0x{{code}}).',
        connackRefused: 'The connection of {{who}} was refused (CONNACK 0x{{code}}).',
        unreachable: '{{who}} cannot reach the broker: the link is cut.',
        notConnected: '{{who}} is not connected, so it cannot {{action}} now.',
        other: '{{who}}: {{code}}.',
      },
      fault: {
        drop: 'This {{packet}} will be lost: the scenario arranged it (textbook model).',
        dropTcp:
          'TCP loses this {{packet}}’s segment (a fault the scenario arranged): it is sent again after the retransmission timeout, and what follows waits behind it.',
        duplicate: 'The network will deliver this {{packet}} twice (a fault the scenario arranged; textbook model).',
        duplicateTcp: 'Below TCP this {{packet}} is duplicated, but TCP throws the extra copy away: MQTT sees it once.',
        delay: 'This {{packet}} will be held back (a fault the scenario arranged).',
        delayTcp:
          'This {{packet}}’s segment is held back (a fault the scenario arranged): it arrives late, and what follows on the link waits behind it.',
        corrupt:
          'This {{packet}} leaves with byte {{offset}} altered, 0x{{original}} → 0x{{sent}}: a faulty sender, not line noise (TCP’s checksum would catch that).',
      },
    },

    controls: {
      label: 'Playback',
      home: 'To the start',
      back: 'Step back',
      play: 'Play',
      pause: 'Pause',
      step: 'Step',
      end: 'To the end',
      prevStep: 'Previous stop (PageUp)',
      nextStep: 'Next stop: the next packet, loss, delivery, timer or step (PageDown)',
      time: 'Time',
      timeValue: '{{now}} / {{end}}',
      timeAria: '{{now}} of {{end}}',
      event: 'Event {{n}}',
      eventNone: 'No event yet',
      seconds: '{{value}} s',
      speed: 'Speed',
      speedValue: '{{value}}×',
      speedAria: '{{value}} times real time',
      skipIdle: 'Skip quiet time',
      keysTitle: 'Keyboard shortcuts',
      keys: 'Keys: Space play/pause · ←/→ step · Home/End · PgUp/PgDn previous/next stop (in presenter mode also ←/→) · P presenter · Esc leaves a control',
    },

    picker: {
      label: 'Scenario',
      choose: 'Scenario',
      custom: 'Your own scenario',
      transport: 'Network model',
      tcp: 'MQTT over TCP',
      tcpAbout: 'Packets arrive in order; a loss becomes a retransmission delay.',
      lossy: 'Textbook model, not MQTT over TCP',
      lossyAbout:
        'The textbook picture — a teaching model, not MQTT over TCP: single packets are lost, duplicated or reordered.',
      version: 'MQTT {{version}}',
      seed: 'Seed',
      seedHelp: 'The same seed gives the same run; another seed rolls the dice again.',
      seedError: 'A seed is a whole number from 0 to {{max}}.',
      actions_one: '{{count}} action of yours',
      actions_other: '{{count}} actions of yours',
      clearActions: 'Undo all',
      more: 'More',
      less: 'Less',
    },

    run: {
      label: 'Share and save',
      menu: 'Share and save',
      copyLink: 'Copy link',
      copied: 'Link copied.',
      copyFailed: 'Copy the address from the address bar.',
      tooLong: 'This run is too big for a link: save it as a file instead.',
      saveTrace: 'Save trace',
      saveRun: 'Save scenario',
      open: 'Open file…',
      opened: 'Opened {{name}}.',
      presenter: 'Presenter mode',
      presenterOff: 'Leave presenter mode',
    },

    actions: {
      label: 'Do something',
      at: 'At {{time}}',
      fork_one:
        'You are in the past: acting here replaces what happens after {{time}}, and your {{count}} later action is discarded.',
      fork_other:
        'You are in the past: acting here replaces what happens after {{time}}, and your {{count}} later actions are discarded.',
      client: 'Client',
      connect: 'Connect',
      disconnect: 'Disconnect',
      disconnectHint: 'sends DISCONNECT',
      publish: 'Publish',
      topic: 'Topic',
      payload: 'Payload',
      qos: 'QoS',
      retain: 'Retain',
      expiry: 'Expires after (s)',
      expiryNone: 'never (5.0 message expiry)',
      subscribe: 'Subscribe',
      unsubscribe: 'Unsubscribe',
      filter: 'Topic filter',
      link: 'Network link',
      direction: 'Direction',
      directions: {
        both: 'Both ways',
        up: 'Up (client → broker)',
        down: 'Down (broker → client)',
      },
      now: 'Now: {{settings}}',
      cutNow: 'cut',
      delay: 'Delay (ms)',
      jitter: 'Jitter (ms)',
      loss: 'Loss (%)',
      duplicate: 'Duplication (%)',
      reorder: 'Reordering (%)',
      lossyOnly: 'Duplication and reordering show only in the textbook model: TCP hides them.',
      apply: 'Apply',
      quick: 'Quick settings',
      preset: {
        perfect: 'Perfect',
        mobile: 'Mobile',
        bad: 'Very bad',
        outage: 'Outage',
      },
      presetHint: {
        perfect: '50 ms, nothing lost',
        mobile: '80 ms ± 40, 2 % loss',
        bad: '300 ms ± 200, 20 % loss, duplicates, reordering',
        outage: 'the link is cut',
      },
      reset: 'Reset connection',
      resetHint: 'TCP RST',
      addClient: 'Add a client',
      clientId: 'Name',
      keepAlive: 'Keepalive (s)',
      clean: 'Clean session',
      willTopic: 'Will topic (optional)',
      willPayload: 'Will payload',
      add: 'Add client',
      added: '{{id}} is here. Connect it with the buttons above.',
      error: {
        qos: 'QoS is 0, 1 or 2.',
        payloadTooLong: 'A payload here holds at most {{limit}} bytes.',
        number: 'A number from {{min}} to {{max}}.',
        wholeNumber: 'A whole number from {{min}} to {{max}}.',
        noSetting: 'Fill in at least one setting to change.',
        tooManyClients: 'The lab holds at most {{max}} clients.',
        clientName: 'A name of 1 to 64 characters, without spaces or “/”.',
        clientTaken: '“{{id}}” is already taken.',
        unknown: 'The codec refused this.',
      },
    },

    narration: {
      label: 'What happens',
      showAll: 'Show all events',
      empty: 'Nothing has happened yet. Press Play, or → to take one step.',
      now: 'now',
      rule: 'Spec rule',
    },

    side: {
      label: 'Panels',
      state: 'State',
      inspector: 'Packet',
    },
  },
};
