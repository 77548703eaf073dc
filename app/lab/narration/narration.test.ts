/**
 * The narration: every event of every preset's run becomes a sentence in both languages, with no
 * key missing and no placeholder left; the sentences say what the run does (checked against a
 * few that a teacher would read out), and no event kind or note code the engine emits falls
 * through to the generic wording.
 */
import { type NoteEvent, type Scenario, type TraceEvent, simulate } from '$engine';
import { describe, expect, test } from 'vitest';
import { tIn } from '../../i18n/i18n.svelte.ts';
import { messages } from '../../i18n/messages.ts';
import { Lab } from '../lab.svelte.ts';
import { type Line, Narrator, narrateAll } from './narration.ts';
import { type Phrase, sentence } from '../phrase.ts';
import { EMPTY, PRESETS, presetById } from '../presets.ts';

const en = (p: Phrase) => sentence(p, (key, params) => tIn('en', key, params));
const zh = (p: Phrase) => sentence(p, (key, params) => tIn('zh', key, params));

function lookup(tree: object, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Every key a phrase uses, nested ones included. */
function keysOf(p: Phrase, into = new Set<string>()): Set<string> {
  into.add(p.key);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && typeof (value as Phrase).key === 'string')
      keysOf(value as Phrase, into);
  };
  Object.values(p.params ?? {}).forEach(visit);
  return into;
}

function missingKeys(lines: readonly Line[]): string[] {
  const missing = new Set<string>();
  for (const line of lines)
    for (const key of keysOf(line.phrase))
      for (const [lang, tree] of Object.entries(messages)) {
        const found = [key, `${key}_one`, `${key}_other`].some((k) => typeof lookup(tree, k) === 'string');
        if (!found) missing.add(`${lang}: ${key}`);
      }
  return [...missing];
}

const run = (scenario: Scenario, seed?: number) =>
  simulate(scenario, seed === undefined ? {} : { seed }).trace as readonly TraceEvent[];

describe('every preset, told in both languages', () => {
  for (const preset of [...PRESETS, EMPTY]) {
    test(preset.id, () => {
      const trace = run(preset.scenario);
      const lines = narrateAll(trace, { scenario: preset.scenario });
      expect(lines.length).toBe(trace.length); // one line per event: nothing silently skipped
      expect(missingKeys(lines)).toEqual([]);
      for (const line of lines) {
        for (const text of [en(line.phrase), zh(line.phrase)]) {
          expect(text, `seq ${line.seq}`).not.toMatch(/\{\{|\}\}|lab\.say|undefined|NaN|\[object/);
          expect(text.trim().length).toBeGreaterThan(3);
        }
        expect(zh(line.phrase)).toMatch(/[\u4e00-\u9fff]/);
      }
      // the story (major lines) is most of what a class reads; the rest is there with "show all"
      const major = lines.filter((l) => l.major);
      expect(major.length).toBeGreaterThan(5);
      expect(major.length).toBeLessThan(lines.length);
    });
  }
});

const story = (id: string) => {
  const scenario = presetById(id)!.scenario;
  return narrateAll(run(scenario), { scenario }).map((l) => ({ ...l, en: en(l.phrase), zh: zh(l.phrase) }));
};

describe('sentences a teacher reads out', () => {
  test('keepalive: the broker gives up after 1.5 × keepalive and publishes the will', () => {
    const lines = story('keepalive-will');
    expect(lines.map((l) => l.en)).toContain(
      'The broker has not heard from sensor for 1.5 × 5 s: it closes the connection and publishes the will.',
    );
    expect(lines.map((l) => l.zh)).toContain(
      '代理已有 1.5 × 5 秒没有收到 sensor 的任何报文：它关闭连接并发布遗嘱消息。',
    );
    const close = lines.find((l) => l.en.startsWith('The broker has not heard'))!;
    expect(close.rule).toBe('MQTT-3.1.2-24');
    expect(lines.map((l) => l.en)).toContain(
      'sensor has sent nothing for its keepalive of 5 s, so it sends PINGREQ: a heartbeat.',
    );
  });

  test('5.0: a DISCONNECT with reason code 0x04 is a goodbye that still publishes the will', () => {
    const will = (payload: string) => ({ topic: 'home/status', payload, qos: 1 as const });
    const scenario: Scenario = {
      version: 5,
      clients: [
        { id: 'sensor', will: will('sensor gone') },
        { id: 'meter', will: will('meter gone') },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'meter' },
        { atMs: 500, do: 'disconnect', client: 'meter' },
        { atMs: 500, do: 'disconnect', client: 'sensor', reasonCode: 0x04 },
      ],
    };
    const lines = narrateAll(simulate(scenario, { seed: 1 }).trace, { scenario });
    const texts = lines.map((l) => en(l.phrase));
    expect(texts).toContain('meter said goodbye with DISCONNECT: the broker throws its will away.');
    expect(texts).toContain(
      'sensor said goodbye with DISCONNECT 0x04, “Disconnect with Will Message”: the broker publishes its will on “home/status” all the same.',
    );
    expect(texts.filter((text) => text.includes('went away without DISCONNECT'))).toEqual([]);
    expect(missingKeys(lines)).toEqual([]);
  });

  test('a client’s DISCONNECT is told by its reason code: 0x00 discards the will, 0x04 keeps it', () => {
    const will = (payload: string) => ({ topic: 'home/status', payload, qos: 1 as const });
    const scenario = (version: 4 | 5): Scenario => ({
      version,
      clients: [
        { id: 'sensor', will: will('sensor gone') },
        { id: 'meter', will: will('meter gone') },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'meter' },
        { atMs: 500, do: 'disconnect', client: 'meter' },
        { atMs: 500, do: 'disconnect', client: 'sensor', ...(version === 5 ? { reasonCode: 0x04 } : {}) },
      ],
    });
    const sendLines = (version: 4 | 5) => {
      const s = scenario(version);
      const trace = simulate(s, { seed: 1 }).trace;
      const lines = narrateAll(trace, { scenario: s });
      const wills = trace.filter((e) => e.kind === 'send' && e.packet.type === 'PUBLISH' && e.from === 'broker');
      return { lines: lines.filter((l) => l.tag === 'send'), wills };
    };
    const v5 = sendLines(5);
    const texts = v5.lines.map((l) => en(l.phrase));
    // [MQTT-3.14.4-3]: 0x00 discards the will; 0x04 asks for it (5.0 §3.14.2.1), and the run publishes it
    expect(texts).toContain(
      'meter says goodbye with DISCONNECT: a normal end, so the broker discards the will message.',
    );
    expect(texts).toContain(
      'sensor says goodbye with DISCONNECT, reason code 0x04 (Disconnect with Will Message): the broker is to publish the will message all the same.',
    );
    expect(v5.lines.map((l) => zh(l.phrase))).toContain(
      'sensor 用 DISCONNECT 告别，原因码 0x04（断开并发布遗嘱）：代理仍要发布遗嘱消息。',
    );
    expect(v5.wills).toHaveLength(0); // nobody subscribed: the will goes out to no one, but it is not discarded
    expect(texts.filter((t) => t.includes('discards the will')).length).toBe(1);
    // 3.1.1 has no reason code: every DISCONNECT discards the will
    const v4 = sendLines(4).lines.map((l) => en(l.phrase));
    expect(v4.filter((t) => t.includes('discards the will')).length).toBe(2);
    expect(v4.some((t) => t.includes('0x04'))).toBe(false);
  });

  test('PUBCOMP: the sender may reuse the packet identifier once it has processed the PUBCOMP, not when it is sent', () => {
    const lines = story('qos2-losses');
    const pubcomps = lines.filter((l) => l.tag === 'send' && l.en.startsWith('The broker sends PUBCOMP'));
    expect(pubcomps.length).toBe(2); // the first is lost on the way (the preset's fourth fault)
    for (const line of pubcomps) {
      expect(line.en).toBe(
        'The broker sends PUBCOMP 1: the QoS 2 exchange is complete on its side. Once sensor has processed this PUBCOMP, it may use packet identifier 1 again.',
      );
      expect(line.en).not.toContain('free again');
    }
  });

  test('5.0: a delayed will is told as waiting, then sent — or not sent when the client is back', () => {
    const scenario = (back: boolean): Scenario => ({
      version: 5,
      clients: [
        {
          id: 'sensor',
          clean: false,
          sessionExpiryS: 60,
          will: { topic: 'status', payload: 'gone', qos: 1, delayS: 5 },
        },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 1_000, do: 'crash', client: 'sensor' },
        ...(back ? [{ atMs: 3_000, do: 'connect' as const, client: 'sensor' }] : []),
      ],
      untilMs: 10_000,
    });
    const told = (back: boolean) => {
      const s = scenario(back);
      return narrateAll(simulate(s, { seed: 1 }).trace, { scenario: s }).map((l) => en(l.phrase));
    };
    const gone =
      'The connection of sensor is gone; its will on “status” waits 5 s (Will Delay Interval) — unless sensor comes back first.';
    expect(told(false)).toEqual(
      expect.arrayContaining([
        gone,
        'The Will Delay Interval of sensor has run out: the broker publishes its will on “status”.',
      ]),
    );
    expect(told(true)).toEqual(
      expect.arrayContaining([
        gone,
        'sensor is back before its Will Delay Interval ran out: the broker does not send its will.',
      ]),
    );
    expect(told(true).filter((text) => text.includes('publishes its will'))).toEqual([]);
  });

  test('5.0: CONNECT is told with Clean Start, not Clean Session', () => {
    const scenario: Scenario = {
      version: 5,
      clients: [{ id: 'sensor' }, { id: 'app', clean: false, sessionExpiryS: 60 }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
      ],
    };
    const lines = narrateAll(simulate(scenario, { seed: 1 }).trace, { scenario });
    const connects = lines.filter((l) => l.phrase.key === 'lab.say.send.CONNECT');
    expect(connects.map((l) => en(l.phrase))).toEqual([
      'sensor asks to connect: CONNECT with client id “sensor”, keepalive 60 s, Clean Start = 1 (discard any session it had).',
      'app asks to connect: CONNECT with client id “app”, keepalive 60 s, Clean Start = 0 (resume its session, if the broker kept one).',
    ]);
    expect(zh(connects[0].phrase)).toContain('新开始（Clean Start）= 1');
  });

  test('QoS 1: the lost PUBACK, the retry with DUP = 1, the second delivery', () => {
    const lines = story('qos1-lost-puback');
    const texts = lines.map((l) => l.en);
    expect(texts).toContain(
      'PUBACK 1 from the broker to sensor is lost: the fault the scenario arranged (textbook model).',
    );
    expect(texts.some((t) => t.startsWith('No PUBACK 1 in time: sensor sends PUBLISH 1 again with DUP = 1'))).toBe(
      true,
    );
    expect(lines.filter((l) => l.tag === 'deliver').map((l) => l.en)).toEqual([
      'app gets the message “home/door” = “open” (QoS 1).',
      'app gets the message “home/door” = “open” (QoS 1).',
    ]);
    expect(lines.find((l) => l.tag === 'lost')!.tone).toBe('bad');
  });

  test('QoS 2: the duplicate PUBLISH is recognised and not delivered again', () => {
    const texts = story('qos2-losses').map((l) => l.en);
    expect(texts).toContain(
      'The broker already has PUBLISH 1 (QoS 2): it answers PUBREC again but does not pass the message on a second time.',
    );
  });

  test('persistent session: queued while offline, QoS 0 dropped, resumed with session present = 1', () => {
    const texts = story('persistent-session').map((l) => l.en);
    expect(texts).toContain('app is offline: the broker queues “orders/2” (QoS 1) in its session.');
    expect(texts).toContain(
      'app is offline and “orders/1” is QoS 0: the broker does not keep it, so this message is gone for app.',
    );
    expect(texts).toContain('The broker accepts the connection of app: CONNACK, session present = 1.');
  });

  test('retained: stored, replaced, cleared; RETAIN = 1 to a new subscriber', () => {
    const texts = story('retained').map((l) => l.en);
    expect(texts).toContain('The broker stores “on” as the retained message of “home/light”.');
    expect(texts).toContain('An empty retained message clears “home/light”: the broker forgets its retained message.');
    expect(texts.some((t) => t.includes('RETAIN = 1: a retained message, stored earlier'))).toBe(true);
  });

  test('TCP: a lost segment is a retransmission delay, and what follows waits behind it', () => {
    const scenario: Scenario = {
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'a/#', qos: 1 },
        { atMs: 500, do: 'fault', fault: 'drop', from: 'sensor', packet: 'PUBLISH' },
        { atMs: 600, do: 'publish', client: 'sensor', topic: 'a/1', payload: 'x', qos: 1 },
        { atMs: 610, do: 'publish', client: 'sensor', topic: 'a/2', payload: 'y', qos: 1 },
      ],
    };
    const lines = narrateAll(run(scenario), { scenario });
    const texts = lines.map((l) => en(l.phrase));
    expect(texts).toContain(
      'TCP loses this PUBLISH’s segment (a fault the scenario arranged): it is sent again after the retransmission timeout, and what follows waits behind it.',
    );
    expect(
      texts.find((t) =>
        t.startsWith('TCP lost the segment once and sent it again: PUBLISH 1 from sensor reaches the broker after'),
      ),
    ).toBeDefined();
    expect(texts.find((t) => t.includes('PUBLISH 2') && t.includes('head-of-line blocking'))).toBeDefined();
    expect(texts.some((t) => /is lost on the way/.test(t))).toBe(false); // TCP loses no MQTT packet
  });

  test('a corrupt fault: the altered byte, the refusal with its rule, the close — in both languages', () => {
    const scenario: Scenario = {
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 100, do: 'fault', fault: 'corrupt', from: 'app', packet: 'SUBSCRIBE', byte: 0, xor: 0x02 },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 2 },
      ],
    };
    const lines = narrateAll(run(scenario), { scenario });
    expect(lines.length).toBe(run(scenario).length);
    expect(missingKeys(lines)).toEqual([]);
    const texts = lines.map((l) => en(l.phrase));
    expect(texts).toContain(
      'The next SUBSCRIBE from app will leave with byte 0 altered (XOR 0x02): the scenario plays a faulty sender.',
    );
    expect(texts).toContain(
      'This SUBSCRIBE leaves with byte 0 altered, 0x82 → 0x80: a faulty sender, not line noise (TCP’s checksum would catch that).',
    );
    expect(texts).toContain(
      'The broker receives the altered bytes of SUBSCRIBE 1 from app after 50 ms: byte 0 reads 0x80.',
    );
    const error = lines.find((l) => l.tag === 'error')!;
    expect(error.rule).toBe('MQTT-3.8.1-1');
    const close = lines.find((l) => l.tag === 'connection' && en(l.phrase).includes('malformed'))!;
    expect(close.rule).toBe('MQTT-3.8.1-1');
    expect(lines.map((l) => zh(l.phrase))).toContain(
      '这个 SUBSCRIBE 发出时第 0 字节被篡改，0x82 → 0x80：这是有缺陷的发送方，不是线路噪声（那会被 TCP 校验和发现）。',
    );
    for (const line of lines)
      for (const text of [en(line.phrase), zh(line.phrase)])
        expect(text, `seq ${line.seq}`).not.toMatch(/\{\{|\}\}|lab\.say|undefined|NaN|\[object/);
  });

  test('a refused login: wrong credentials and no user name, each said in words', () => {
    const scenario: Scenario = {
      broker: { users: { kitchen: 'secret42' } },
      clients: [{ id: 'intruder', username: 'kitchen', password: 'letmein' }, { id: 'anonymous' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'intruder' },
        { atMs: 0, do: 'connect', client: 'anonymous' },
      ],
    };
    const lines = narrateAll(run(scenario), { scenario });
    expect(missingKeys(lines)).toEqual([]);
    const texts = lines.map((l) => en(l.phrase));
    expect(texts).toContain(
      'The user name and password of intruder do not match the broker’s list of users: it refuses the connection (CONNACK 0x04).',
    );
    expect(texts).toContain(
      'anonymous sent no user name, and this broker lets nobody in without one: it refuses the connection (CONNACK 0x05).',
    );
    expect(lines.map((l) => zh(l.phrase))).toContain(
      'intruder 的用户名和密码与代理的用户列表对不上：代理拒绝连接（CONNACK 0x04）。',
    );
  });

  test('a person’s actions are told apart from the scenario’s steps', () => {
    const scenario = presetById('empty')!.scenario;
    const lab = new Lab();
    lab.load({ scenario, seed: 1, actions: [] }, 'empty');
    lab.seekTime(1_000);
    lab.act({ do: 'crash', client: 'sensor' });
    lab.end();
    const lines = narrateAll(lab.trace, { scenario, actions: lab.timeline.actions });
    expect(lines.filter((l) => l.tag === 'you').map((l) => en(l.phrase))).toEqual([
      'sensor crashes — the plug is pulled: it will not send DISCONNECT.',
    ]);
    expect(
      lines.some((l) => en(l.phrase) === 'The broker learns that the connection of sensor has closed (TCP FIN).'),
    ).toBe(true);
  });
});

describe('nothing falls through', () => {
  test('every note code the engine emits has its own sentence', () => {
    // The codes the broker, the clients and the network write (grep note( / code: in engine/).
    const codes = [
      'session-created',
      'session-resumed',
      'will-stored',
      'will-published',
      'will-discarded',
      'will-delayed',
      'will-cancelled',
      'session-kept',
      'session-expired',
      'session-ended',
      'subscribed',
      'unsubscribed',
      'queued',
      'dequeued',
      'dropped-qos0-offline',
      'message-expired',
      'retained-expired',
      'retained-stored',
      'retained-replaced',
      'retained-cleared',
      'takeover',
      'client-id-assigned',
      'client-id-rejected',
      'auth-refused',
      'subscription-refused',
      'qos2-duplicate',
      'client-queued',
      'client-dequeued',
      'client-session-discarded',
      'client-busy',
      'connack-refused',
      'unreachable',
      'not-connected',
      'fault-drop',
      'fault-duplicate',
      'fault-delay',
      'fault-corrupt',
    ];
    const scenario: Scenario = { clients: [{ id: 'sensor' }], steps: [] };
    // one bag of params that holds every code's (notes.ts types them code by code)
    const params = {
      ...{ client: 'sensor', topic: 't', qos: 1, filter: 'f', packetId: 3, packet: 'PUBLISH', transport: 'tcp' },
      ...{ payload: 'p', clientId: 'c', reasonCode: 0x87, action: 'subscribe', state: 's', delayS: 5, conn: 1 },
      ...{ send: 0, reason: 'crash', persistent: false, replaced: false, online: false, expiryS: 0, index: 0 },
    };
    const trace = codes.map(
      (code, seq) =>
        ({ seq, atMs: 0, kind: 'note', party: seq % 2 ? 'broker' : 'sensor', code, params }) as unknown as NoteEvent,
    );
    const lines = narrateAll(trace, { scenario });
    expect(lines.filter((l) => l.phrase.key === 'lab.say.note.other').map((l) => codes[l.seq])).toEqual([]);
    expect(missingKeys(lines)).toEqual([]);
  });

  test('every close reason the engine gives has its own sentence', () => {
    const reasons = [
      'keepalive',
      'disconnect',
      'crash',
      'peer-closed',
      'reset',
      'takeover',
      'pingresp-timeout',
      'connack-timeout',
      'refused',
      'malformed',
      'protocol-error',
      'unsupported-protocol-version',
    ];
    const trace: TraceEvent[] = reasons.map((reason, seq) => ({
      seq,
      atMs: 0,
      kind: 'close',
      client: 'sensor',
      conn: 1,
      side: seq % 2 ? 'broker' : 'client',
      reason,
    }));
    const lines = narrateAll(trace, { scenario: { clients: [{ id: 'sensor' }], steps: [] } });
    expect(lines.filter((l) => l.phrase.key === 'lab.say.close.other')).toEqual([]);
    expect(missingKeys(lines)).toEqual([]);
  });

  test('a protocol violation is told in words, the codec’s or the broker’s, never as a code', () => {
    const errors: Array<{ code: string; params?: Record<string, string | number>; rule?: string }> = [
      {
        code: 'reserved-flags',
        params: { packet: 'SUBSCRIBE', expected: '0010', actual: '0000' },
        rule: 'MQTT-2.2.2-1',
      },
      { code: 'connect-first', rule: 'MQTT-3.1.0-1' },
      { code: 'second-connect', rule: 'MQTT-3.1.0-2' },
      { code: 'unexpected-packet', params: { packet: 'SUBACK' } },
    ];
    const trace: TraceEvent[] = errors.map((error, seq) => ({
      seq,
      atMs: 0,
      kind: 'error',
      client: 'sensor',
      conn: 1,
      side: 'broker',
      message: error.code,
      ...error,
    }));
    const lines = narrateAll(trace, { scenario: { clients: [{ id: 'sensor' }], steps: [] } });
    expect(missingKeys(lines)).toEqual([]);
    expect(en(lines[0].phrase)).toBe(
      'The broker finds a protocol violation in what sensor sent and closes the connection. ' +
        'The flags of SUBSCRIBE (bits 3–0 of the first byte) must be 0010, not 0000.',
    );
    expect(lines[0].rule).toBe('MQTT-2.2.2-1');
    expect(zh(lines[3].phrase)).toContain('客户端不能发送 SUBACK');
    for (const line of lines) expect(en(line.phrase)).not.toMatch(/connect-first|second-connect|unexpected-packet/);
  });
  test('the narrator reads a growing trace once and cuts at the cursor', () => {
    const scenario = presetById('overlapping')!.scenario;
    const trace = run(scenario);
    const narrator = new Narrator();
    const all = narrateAll(trace, { scenario });
    expect(narrator.upTo(trace, 20, { scenario }).map((l) => l.seq)).toEqual(
      all.filter((l) => l.seq <= 20).map((l) => l.seq),
    );
    expect(narrator.upTo(trace, trace.length - 1, { scenario })).toHaveLength(all.length);
    expect(narrator.upTo(trace, 5, { scenario }).at(-1)!.seq).toBe(5);
    expect(narrator.upTo(trace, -1, { scenario })).toEqual([]);
  });

  test('user text is quoted as text: long strings are shortened, control characters shown', () => {
    const scenario: Scenario = {
      clients: [{ id: 'a' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'a' },
        { atMs: 100, do: 'publish', client: 'a', topic: '<b>x</b>', payload: `${'y'.repeat(200)}\u0007`, qos: 0 },
      ],
    };
    const lines = narrateAll(run(scenario), { scenario });
    const publish = lines.find((l) => l.tag === 'scenario' && en(l.phrase).includes('publishes'))!;
    expect(en(publish.phrase)).toContain('“<b>x</b>”');
    expect(en(publish.phrase)).toContain('…');
    expect(en(publish.phrase).length).toBeLessThan(200);
  });
});

describe('requests that wait for the CONNACK', () => {
  test('a subscribe asked for before the CONNACK is said to wait, then to go, in both languages', () => {
    const scenario: Scenario = {
      clients: [{ id: 'sensor' }],
      network: { link: { delayMs: 50 } },
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 10, do: 'subscribe', client: 'sensor', filter: 'lab/#', qos: 1 },
      ],
      untilMs: 1_000,
    };
    const lines = narrateAll(simulate(scenario, { seed: 1 }).trace, { scenario });
    const said = lines.filter((l) => l.phrase.key.startsWith('workbench.say.')).map((l) => l.phrase.key);
    expect(said).toEqual(['workbench.say.subscribeQueued', 'workbench.say.subscribeDequeued']);
    expect(missingKeys(lines)).toEqual([]);
    const queued = lines.find((l) => l.phrase.key === 'workbench.say.subscribeQueued')!;
    expect(en(queued.phrase)).toContain('“lab/#” waits for the CONNACK');
    expect(zh(queued.phrase)).toContain('等待 CONNACK');
  });
});
