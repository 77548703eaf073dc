/**
 * English narration: one sentence per trace event (narration.ts builds them), and the link in words
 * (the actions panel). A bundle (bundles.ts 'story'): it loads with the first line of a story, not
 * with the first screen, whose narration is empty until a step is taken. The rules a packet broke
 * stay with the first screen (lab.en.ts lab.say.violation): the diagram names them.
 */
export const storyEn = {
  lab: {
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
  },
  workbench: {
    say: {
      subscribeQueued: '{{who}} is not connected yet: its SUBSCRIBE to “{{filter}}” waits for the CONNACK.',
      unsubscribeQueued: '{{who}} is not connected yet: its UNSUBSCRIBE from “{{filter}}” waits for the CONNACK.',
      subscribeDequeued: 'Connected now, {{who}} sends the SUBSCRIBE to “{{filter}}” it kept.',
      unsubscribeDequeued: 'Connected now, {{who}} sends the UNSUBSCRIBE from “{{filter}}” it kept.',
    },
  },
};
