/**
 * Packets to start from, written out byte by byte. examples.test.ts decodes each one, so a label
 * here that drifts from its bytes fails a test.
 */
import type { Mode } from './hash.ts';

export type ExampleId = 'connect' | 'publish' | 'publish5' | 'subscribe' | 'malformed' | 'stream';

export interface Example {
  id: ExampleId;
  mode: Mode;
  hex: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    // 3.1.1 CONNECT: client "lab-1", keepalive 60 s, clean session, will QoS 1 on lab/status, user alice
    id: 'connect',
    mode: '4',
    hex: [
      '10 2d', //                        CONNECT, remaining length 45
      '00 04 4d 51 54 54 04', //         "MQTT", level 4
      '8e 00 3c', //                     flags: user name, will QoS 1, will, clean session; keepalive 60
      '00 05 6c 61 62 2d 31', //         client id "lab-1"
      '00 0a 6c 61 62 2f 73 74 61 74 75 73', // will topic "lab/status"
      '00 07 6f 66 66 6c 69 6e 65', //   will message "offline"
      '00 05 61 6c 69 63 65', //         user name "alice"
    ].join('\n'),
  },
  {
    // 3.1.1 PUBLISH QoS 1: topic sensors/temp, packet id 10, payload "21.5"
    id: 'publish',
    mode: '4',
    hex: '32 14\n00 0c 73 65 6e 73 6f 72 73 2f 74 65 6d 70\n00 0a\n32 31 2e 35',
  },
  {
    // 5.0 PUBLISH QoS 1 RETAIN with Payload Format Indicator, Message Expiry, Content Type, User Property
    id: 'publish5',
    mode: '5',
    hex: [
      '33 33', //                        PUBLISH QoS 1 RETAIN, remaining length 51
      '00 0c 73 65 6e 73 6f 72 73 2f 74 65 6d 70', // topic "sensors/temp"
      '00 0b', //                        packet id 11
      '1e', //                           property length 30
      '01 01', //                        payload format indicator: UTF-8
      '02 00 00 00 3c', //               message expiry 60 s
      '03 00 0a 74 65 78 74 2f 70 6c 61 69 6e', // content type "text/plain"
      '26 00 04 75 6e 69 74 00 01 43', // user property unit = C
      '32 31 2e 35', //                  payload "21.5"
    ].join('\n'),
  },
  {
    // 3.1.1 SUBSCRIBE, packet id 2: sensors/+/temp at QoS 1, alerts/# at QoS 2
    id: 'subscribe',
    mode: '4',
    hex: '82 1e\n00 02\n00 0e 73 65 6e 73 6f 72 73 2f 2b 2f 74 65 6d 70 01\n00 08 61 6c 65 72 74 73 2f 23 02',
  },
  {
    // A PUBLISH whose topic name contains the wildcard "+": [MQTT-3.3.2-2]
    id: 'malformed',
    mode: '4',
    hex: '30 14\n00 0e 73 65 6e 73 6f 72 73 2f 2b 2f 74 65 6d 70\n32 31 2e 35',
  },
  {
    // A QoS 1 PUBLISH and the PUBACK that answers it
    id: 'stream',
    mode: '4',
    hex: '32 14 00 0c 73 65 6e 73 6f 72 73 2f 74 65 6d 70 00 0a 32 31 2e 35\n40 02 00 0a',
  },
];
