import { describe, expect, test } from 'vitest';
import { topicMatches } from './topic-match.ts';

describe('topicMatches', () => {
  test.each([
    ['sport/tennis/player1', 'sport/tennis/player1', true],
    ['sport/tennis/+', 'sport/tennis/player1', true],
    ['sport/tennis/+', 'sport/tennis/player1/ranking', false],
    ['sport/tennis/+', 'sport/tennis', false],
    // "sport/#" also matches the parent level "sport" (3.1.1 §4.7.1.2)
    ['sport/#', 'sport', true],
    ['sport/#', 'sport/tennis/player1', true],
    ['#', 'sport/tennis', true],
    ['+', 'sport', true],
    ['+', 'sport/tennis', false],
    ['+/+', '/finance', true],
    ['/+', '/finance', true],
    ['+', '/finance', false],
    ['sport/+', 'sport/', true],
    ['Sport', 'sport', false],
    // [MQTT-4.7.2-1]: wildcards at the start do not reach $ topics
    ['#', '$SYS/broker/uptime', false],
    ['+/monitor/Clients', '$SYS/monitor/Clients', false],
    ['$SYS/#', '$SYS/broker/uptime', true],
    ['$SYS/monitor/+', '$SYS/monitor/Clients', true],
  ])('%s matches %s: %s', (filter, topic, expected) => {
    expect(topicMatches(filter, topic)).toBe(expected);
  });
});
