/**
 * Every preset, exported with toPcapng and read back with fromCapture: the MQTT packets the
 * broker's interface saw, in order, byte for byte, between the same parties.
 */
import { describe, expect, test } from 'vitest';
import { type SendEvent, fromCapture, simulate, toPcapng } from '$engine';
import { PRESETS } from '../../app/lab/presets.ts';

describe('fromCapture reads what toPcapng writes', () => {
  test.each(PRESETS.map((p) => [p.id, p.scenario] as const))('%s', (_id, scenario) => {
    const { trace } = simulate(scenario);
    const run = fromCapture(toPcapng(trace, scenario));
    // at the broker's interface: what the broker sends, what reaches it
    const atBroker = trace.flatMap((e) =>
      e.kind === 'send' && e.from === 'broker'
        ? [e]
        : e.kind === 'arrive' && e.to === 'broker'
          ? [trace[e.send] as SendEvent]
          : [],
    );
    const read = run.trace.filter((e): e is SendEvent => e.kind === 'send');
    expect(read.map((e) => [e.from, e.to, e.packet.type])).toEqual(atBroker.map((e) => [e.from, e.to, e.packet.type]));
    read.forEach((e, i) => expect(e.bytes).toEqual(atBroker[i].bytes));
    expect(run.startUs).toBe(0);
  });
});
