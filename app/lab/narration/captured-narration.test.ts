/**
 * A capture read in the lab: each packet has one time, the capture point's, so the story says
 * nothing of how long a packet took, and a connection the capture saw close by FIN or RST is told
 * as such in both languages (not as an untranslated code).
 */
import { type TraceEvent, simulate } from '$engine';
import { describe, expect, test } from 'vitest';
import { tIn } from '../../i18n/i18n.svelte.ts';
import { sentence } from '../phrase.ts';
import { presetById } from '../presets.ts';
import { narrateAll } from './narration.ts';

const scenario = { clients: [{ id: 'sensor' }], steps: [] };
const close = (seq: number, reason: string, side: 'client' | 'broker'): TraceEvent =>
  ({ seq, atMs: 5, kind: 'close', client: 'sensor', conn: 1, side, reason }) as TraceEvent;

describe('the story of a capture', () => {
  test('an arrival says nothing of transit time, in either language', () => {
    const preset = presetById('qos1-lost-puback')!;
    const { trace } = simulate(preset.scenario, { seed: 1 });
    const lines = narrateAll(trace, { scenario: preset.scenario, captured: true });
    const arrivals = lines.filter((l) => trace[l.seq].kind === 'arrive');
    expect(arrivals.length).toBeGreaterThan(0);
    for (const line of arrivals) {
      expect(line.phrase.key).toBe('lab.say.arriveCaptured');
      expect(sentence(line.phrase, (k, p) => tIn('en', k, p))).not.toMatch(/after \d/);
      expect(sentence(line.phrase, (k, p) => tIn('zh', k, p))).not.toMatch(/用时 ?\d/);
    }
  });

  test('a FIN and a RST are named, in English and Chinese', () => {
    const lines = narrateAll([close(0, 'fin', 'client'), close(1, 'reset', 'broker')], { scenario, captured: true });
    const en = lines.map((l) => sentence(l.phrase, (k, p) => tIn('en', k, p)));
    const zh = lines.map((l) => sentence(l.phrase, (k, p) => tIn('zh', k, p)));
    expect(en[0]).toContain('TCP FIN');
    expect(en[1]).toContain('TCP RST');
    expect(zh[0]).toContain('TCP FIN');
    expect(zh[1]).toContain('TCP RST');
    for (const text of [...en, ...zh]) expect(text).not.toMatch(/\(fin\)|（fin）|\(reset\)/);
    // the diagram's close mark names it too
    expect(tIn('en', 'diagram.close.reason.fin')).toBe('closed (FIN)');
    expect(tIn('zh', 'diagram.close.reason.fin')).toBe('关闭（FIN）');
  });

  test('a simulated run keeps its transit times', () => {
    const preset = presetById('qos1-lost-puback')!;
    const { trace } = simulate(preset.scenario, { seed: 1 });
    const lines = narrateAll(trace, { scenario: preset.scenario });
    expect(lines.some((l) => l.phrase.key === 'lab.say.arrive')).toBe(true);
  });
});
