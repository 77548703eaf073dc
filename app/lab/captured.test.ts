/** A capture's clients have no machines: their topology badge comes from what the wire showed. */
import { fromCapture, simulate, toPcapng } from '$engine';
import { expect, test } from 'vitest';
import { capturedStateAt, capturedStateChanges, capturedTimeline, captureOf } from './captured.ts';
import { presetById } from './presets.ts';

const scenario = presetById('persistent-session')!.scenario;
const run = fromCapture(toPcapng(simulate(scenario).trace, scenario));

test('a client is connecting once its connection opens, connected when a CONNACK accepts it, then disconnected', () => {
  const changes = capturedStateChanges(run.trace);
  const app = changes.get('app')!;
  expect(app.map(([, state]) => state).slice(0, 3)).toEqual(['connecting', 'connected', 'disconnected']);
  const [[opened], [accepted]] = app;
  expect(run.trace[opened].kind).toBe('open');
  expect(run.trace[accepted]).toMatchObject({ kind: 'arrive', to: 'app', packet: { type: 'CONNACK' } });
  expect(capturedStateAt(app, opened - 1)).toBe('none');
  expect(capturedStateAt(app, opened)).toBe('connecting');
  expect(capturedStateAt(app, accepted)).toBe('connected');
  expect(capturedStateAt(undefined, 10)).toBe('none');
});

test('the capture behind a captured timeline is found from it, a simulated one has none', () => {
  const timeline = capturedTimeline(run, 'a.pcapng');
  expect(captureOf(timeline)).toBe(run);
  expect(captureOf({ scenario, seed: 1, actions: [] })).toBeUndefined();
});
