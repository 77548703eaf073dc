/** The stops PageDown makes in every preset: the moments a teacher must stop on are among them. */
import { type TraceEvent, simulate } from '$engine';
import { describe, expect, test } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { type Beat, BeatReader, beatsOf, beatsReached, nextBeat } from './beats.ts';
import { sentence } from './phrase.ts';
import { EMPTY, PRESETS, presetById } from './presets.ts';
import qos0Lesson from '../../lessons/08-qos0/scenario.ts';

const traceOf = (id: string) => simulate(presetById(id)!.scenario).trace;

/** A stop as a line: its time and the kinds and packets of its moments. */
function describeBeat(beat: Beat, trace: readonly TraceEvent[]): string {
  const parts = beat.moments.map((m) => {
    const e = trace[m.seq];
    const packet =
      e.kind === 'send' || e.kind === 'arrive'
        ? ` ${e.packet.type}`
        : e.kind === 'drop' || e.kind === 'plan'
          ? ` ${(trace[e.send] as Extract<TraceEvent, { kind: 'send' }>).packet.type}`
          : '';
    return `${m.kind}${packet}`;
  });
  return `${beat.atMs} ${parts.join(', ')}`;
}

const stops = (id: string) => {
  const trace = traceOf(id);
  return beatsOf(trace).map((b) => describeBeat(b, trace));
};

/** A fixed-language `t` over the message tables (i18next's `{{name}}` filling, plurals not needed here). */
const tIn =
  (lang: 'en' | 'zh') =>
  (key: string, params: Record<string, unknown> = {}): string => {
    let node: unknown = messages[lang];
    for (const part of key.split('.')) node = (node as Record<string, unknown>)?.[part];
    if (typeof node !== 'string') throw new Error(`no ${lang} text for ${key}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };

describe('story beats', () => {
  test('QoS 1 with a lost PUBACK stops on the lost PUBACK and on the DUP resend', () => {
    const list = stops('qos1-lost-puback');
    expect(list).toContainEqual(expect.stringMatching(/^600 .*send PUBLISH/));
    expect(list).toContainEqual(expect.stringMatching(/lost PUBACK/));
    expect(list).toContainEqual(expect.stringMatching(/^1600 .*resend PUBLISH/));
    // the loss comes before the resend, and they are different presses
    const lost = list.findIndex((s) => s.includes('lost PUBACK'));
    const resend = list.findIndex((s) => s.includes('resend PUBLISH'));
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(resend).toBeGreaterThan(lost);
  });

  test('QoS 2 stops on each of PUBLISH, PUBREC, PUBREL and PUBCOMP', () => {
    const list = stops('qos2-losses');
    for (const type of ['PUBLISH', 'PUBREC', 'PUBREL', 'PUBCOMP'])
      expect(list, type).toContainEqual(expect.stringMatching(new RegExp(`send ${type}\\b`)));
    for (const type of ['PUBREC', 'PUBREL', 'PUBCOMP'])
      expect(list, type).toContainEqual(expect.stringMatching(new RegExp(`arrive ${type}\\b`)));
    // one press per moment, not one press from the PUBLISH to the end
    expect(list.filter((s) => Number(s.split(' ')[0]) >= 600).length).toBeGreaterThanOrEqual(12);
  });

  test('keepalive + will stops on the will at 13.55 s, with the will as the headline', () => {
    const trace = traceOf('keepalive-will');
    const beats = beatsOf(trace);
    const will = beats.find((b) => b.atMs === 13_550);
    expect(will?.headline.kind).toBe('will');
    expect(will?.moments.map((m) => m.kind)).toEqual(expect.arrayContaining(['timer', 'close', 'will', 'send']));
    // the wait for PINGRESP running out at 16 s is its own stop
    expect(beats.find((b) => b.atMs === 16_000)?.moments.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['timer', 'close']),
    );
    // the broker re-checking a keepalive that was kept (a fire and at once a restart) is quiet time
    expect(beats.some((b) => b.atMs === 7_550)).toBe(false);
    expect(beats.some((b) => b.atMs === 5_000)).toBe(false);
  });

  test('over TCP a segment lost and retransmitted is a stop of its own (lesson 08, the tcp run)', () => {
    const trace = simulate(qos0Lesson.scenarios.tcp).trace;
    const plan = trace.find((e) => e.kind === 'plan' && e.retransmits > 0);
    // the scenario drops the first transmission of the PUBLISH at 0.40 s: TCP sends it again after its RTO
    expect(plan, 'the tcp run has a retransmission').toBeDefined();
    const beats = beatsOf(trace);
    const stop = beats.find((b) => b.moments.some((m) => m.seq === plan!.seq));
    expect(stop?.atMs).toBe(plan!.atMs);
    expect(stop?.headline.kind).toBe('retransmit');
    expect(describeBeat(stop!, trace)).toMatch(/retransmit PUBLISH/);
    // later than the send (PageDown shows the send, then the retransmission, then the arrival)
    const send = beats.findIndex((b) =>
      b.moments.some((m) => m.kind === 'send' && m.seq === (plan as { send: number }).send),
    );
    const arrive = beats.findIndex((b) =>
      b.moments.some(
        (m) => m.kind === 'arrive' && (trace[m.seq] as { send?: number }).send === (plan as { send: number }).send,
      ),
    );
    expect(beats.indexOf(stop!)).toBeGreaterThan(send);
    expect(arrive).toBeGreaterThan(beats.indexOf(stop!));
    for (const lang of ['en', 'zh'] as const)
      expect(sentence(stop!.headline.phrase, tIn(lang))).toMatch(/TCP.*PUBLISH|PUBLISH.*TCP/);
  });

  test.each([...PRESETS, EMPTY].map((p) => p.id))('%s: every packet, loss, delivery and step is a stop', (id) => {
    const trace = traceOf(id);
    const beats = beatsOf(trace);
    const covered = new Set(beats.flatMap((b) => b.moments.map((m) => m.seq)));
    const must = trace.filter((e) =>
      ['send', 'arrive', 'drop', 'deliver', 'close', 'step', 'error', 'duplicate'].includes(e.kind),
    );
    for (const e of must) expect(covered.has(e.seq), `${e.kind} #${e.seq} at ${e.atMs}`).toBe(true);
    // in time order, one stop per moment in time
    const times = beats.map((b) => b.atMs);
    expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
    // fewer presses than events: quiet time and bookkeeping are skipped
    expect(beats.length).toBeLessThan(trace.length);
  });

  test.each([...PRESETS, EMPTY].map((p) => p.id))('%s: every stop says what it shows, in both languages', (id) => {
    for (const beat of beatsOf(traceOf(id)))
      for (const lang of ['en', 'zh'] as const) {
        const text = sentence(beat.headline.phrase, tIn(lang));
        expect(text).not.toMatch(/\{\{|undefined/);
        expect(text.length).toBeGreaterThan(3);
      }
  });

  test('PageDown and PageUp walk the stops; from between two stops, PageUp goes to the one just passed', () => {
    const beats = beatsOf(traceOf('qos1-lost-puback'));
    const on = (b: Beat) => ({ seq: b.seq, timeMs: b.atMs });
    // at the start nothing is shown: the first stop (CONNECT at 0 s) is still ahead
    expect(nextBeat(beats, { seq: -1, timeMs: 0 }, 1)).toBe(beats[0]);
    expect(nextBeat(beats, on(beats[2]), 1)).toBe(beats[3]);
    expect(nextBeat(beats, on(beats[2]), -1)).toBe(beats[1]);
    expect(nextBeat(beats, { seq: beats[2].seq, timeMs: beats[2].atMs + 1 }, -1)).toBe(beats[2]);
    // part of a stop's events shown (one → press): PageDown still shows the whole stop
    expect(nextBeat(beats, { seq: beats[3].seq - 1, timeMs: beats[3].atMs }, 1)).toBe(beats[3]);
    expect(nextBeat(beats, on(beats.at(-1)!), 1)).toBeUndefined();
    expect(nextBeat(beats, on(beats[0]), -1)).toBeUndefined();
    expect(beatsReached(beats, on(beats[4]))).toBe(5);
  });
});

describe('a growing trace (BeatReader)', () => {
  /** A beat as plain data: its time, its moments' kinds and events, its headline's words. */
  const plain = (beats: readonly Beat[]) =>
    beats.map((b) => ({
      atMs: b.atMs,
      seq: b.seq,
      moments: b.moments.map((m) => `${m.kind}@${m.seq}`),
      headline: sentence(b.headline.phrase, tIn('en')),
    }));

  test('read in slices as the trace grows, it finds the beats of the whole trace', () => {
    for (const id of ['qos1-lost-puback', 'qos2-losses', 'keepalive-will']) {
      const trace = traceOf(id);
      const growing: TraceEvent[] = [];
      const reader = new BeatReader();
      for (const e of trace) {
        growing.push(e);
        reader.read(growing, false, 3);
        // what it shows while growing: the beats of the trace so far
        if (e.seq % 7 === 0) expect(plain(reader.beats())).toEqual(plain(beatsOf(growing)));
      }
      while (!reader.read(growing, true, 5));
      expect(plain(reader.beats())).toEqual(plain(beatsOf(trace)));
    }
  });

  test('a new run, the same before a fork, keeps what was read before it', () => {
    const trace = traceOf('qos1-lost-puback');
    const other = traceOf('qos2-losses');
    const reader = new BeatReader();
    reader.read(trace, true);
    const cut = Math.floor(trace.length / 2);
    const forked = [...trace.slice(0, cut), ...other.slice(cut)];
    reader.forgetFrom(cut, forked);
    expect(reader.events).toBeLessThanOrEqual(cut);
    reader.read(forked, true);
    expect(plain(reader.beats())).toEqual(plain(beatsOf(forked)));
  });
});

/** The stops, printed for the closing note (`PRINT_BEATS=1 npx vitest run app/lab/beats.test.ts`). */
test.runIf(process.env.PRINT_BEATS === '1')('print the stops of the classroom presets', () => {
  for (const id of ['qos1-lost-puback', 'qos2-losses', 'keepalive-will']) {
    const beats = beatsOf(traceOf(id));
    console.log(`${id}: ${beats.length} stops`);
    for (const b of beats) console.log(`  ${(b.atMs / 1000).toFixed(2)} s  ${sentence(b.headline.phrase, tIn('en'))}`);
  }
});
