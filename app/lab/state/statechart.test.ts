import {
  brokerConnectionMachine,
  clientConnectionMachine,
  qos1SenderMachine,
  qos2ReceiverMachine,
  qos2SenderMachine,
} from '$engine';
import { describe, expect, test } from 'vitest';
import { messages } from '../../i18n/messages.ts';
import { slug } from './chart-words.ts';
import {
  type ChartTransition,
  activeStates,
  chartEdges,
  chartOf,
  extractChart,
  leafState,
  transitionsFrom,
} from './statechart.ts';

const MACHINES = [
  clientConnectionMachine,
  brokerConnectionMachine,
  qos1SenderMachine,
  qos2SenderMachine,
  qos2ReceiverMachine,
];

/** A transition as one line: 'idle --after keepAlive [silent for keepalive] / send PINGREQ--> awaitingPingresp'. */
function line(t: ChartTransition): string {
  const trigger =
    t.trigger.kind === 'event' ? t.trigger.event : t.trigger.kind === 'after' ? `after ${t.trigger.delay}` : 'always';
  const guard = t.guard !== undefined ? ` [${t.guard}]` : t.otherwise ? ' [else]' : '';
  const actions = t.actions.length ? ` / ${t.actions.join(', ')}` : '';
  return `${t.from} --${trigger}${guard}${actions}${t.reenter ? ' (re-enter)' : ''}--> ${t.to}`;
}

describe('the client connection machine, read from its definition', () => {
  const chart = extractChart(clientConnectionMachine);

  test('its states, the compound one with its children', () => {
    expect(chart.machine).toBe('client-connection');
    expect(chart.initial).toBe('disconnected');
    expect(chart.states.map((s) => `${s.id}:${s.kind}${s.initial ? '*' : ''}`)).toEqual([
      'disconnected:atomic*',
      'opening:atomic',
      'connecting:atomic',
      'connected:compound',
      'connected.idle:atomic*',
      'connected.awaitingPingresp:atomic',
      'lost:atomic',
      'waitingToReconnect:atomic',
    ]);
    const connected = chart.states.find((s) => s.id === 'connected')!;
    expect(connected.children).toEqual(['connected.idle', 'connected.awaitingPingresp']);
    expect(chart.states.find((s) => s.id === 'connected.idle')!.parent).toBe('connected');
  });

  test('entry actions and the timers the trace names', () => {
    const byId = Object.fromEntries(chart.states.map((s) => [s.id, s]));
    expect(byId.opening.entry).toEqual(['open connection']);
    expect(byId.connecting.entry).toEqual(['send CONNECT']);
    expect(byId.connecting.timer).toBe('connackTimeout');
    expect(byId['connected.idle'].timer).toBe('keepalive');
    expect(byId['connected.awaitingPingresp'].timer).toBe('pingTimeout');
    expect(byId.waitingToReconnect.timer).toBe('reconnect');
  });

  test('transitions with their triggers, guards and actions in plain words', () => {
    const lines = chart.transitions.map(line);
    expect(lines).toContain(
      'connected.idle --after keepAlive [silent for keepalive] / send PINGREQ--> connected.awaitingPingresp',
    );
    expect(lines).toContain('connected.idle --after keepAlive [else] (re-enter)--> connected.idle');
    expect(lines).toContain('connected.awaitingPingresp --net.pingresp--> connected.idle');
    expect(lines).toContain('connected.awaitingPingresp --after responseTimeout / close: no PINGRESP--> lost');
    expect(lines).toContain(
      'connecting --net.connack [connack accepts] / report connected, reset backoff--> connected',
    );
    expect(lines).toContain('connecting --net.connack [else] / report refused, close: refused--> disconnected');
    expect(lines).toContain('connected --user.disconnect / send DISCONNECT, close: disconnect--> disconnected');
    expect(lines).toContain('connected --net.closed--> lost');
    expect(lines).toContain('lost --always [reconnects]--> waitingToReconnect');
    expect(lines).toContain('lost --always [else]--> disconnected');
    // XState's own events for delays never show as events.
    expect(lines.filter((l) => l.includes('xstate.'))).toEqual([]);
  });

  test('the active state of a dotted value lights it and the states around it', () => {
    expect(activeStates(chart, 'connected.idle')).toEqual(['connected', 'connected.idle']);
    expect(activeStates(chart, 'connected.awaitingPingresp')).toEqual(['connected', 'connected.awaitingPingresp']);
    expect(activeStates(chart, 'disconnected')).toEqual(['disconnected']);
    expect(leafState(chart, 'connected.idle')).toBe('connected.idle');
    // 'stopped' (an actor that ended) and names from another machine light nothing.
    expect(activeStates(chart, 'stopped')).toEqual([]);
    expect(activeStates(chart, 'connected.alive')).toEqual([]);
    expect(activeStates(chart, undefined)).toEqual([]);
  });

  test('the ways out of a state are its own first, then its container’s', () => {
    expect(transitionsFrom(chart, 'connected.awaitingPingresp').map(line)).toEqual([
      'connected.awaitingPingresp --net.pingresp--> connected.idle',
      'connected.awaitingPingresp --after responseTimeout / close: no PINGRESP--> lost',
      'connected --user.disconnect / send DISCONNECT, close: disconnect--> disconnected',
      'connected --user.crash / close: crash--> disconnected',
      'connected --net.closed--> lost',
    ]);
  });

  test('transitions between the same two states make one arrow', () => {
    const edges = chartEdges(chart);
    const toDisconnected = edges.find((e) => e.id === 'connecting→disconnected')!;
    expect(
      toDisconnected.transitions.map((t) => (t.trigger.kind === 'event' ? t.trigger.event : t.trigger.kind)),
    ).toEqual(['net.connack', 'net.closed', 'user.disconnect', 'user.crash', 'after']);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });
});

describe('the other machines', () => {
  test('the broker’s connection closes after 1.5 × keepalive of silence', () => {
    const chart = extractChart(brokerConnectionMachine);
    expect(chart.states.map((s) => s.id)).toEqual(['awaitingConnect', 'connected', 'connected.alive', 'closed']);
    expect(chart.states.find((s) => s.id === 'closed')!.kind).toBe('final');
    expect(chart.states.find((s) => s.id === 'connected.alive')!.timer).toBe('keepaliveGrace');
    expect(chart.transitions.map(line)).toContain(
      'connected.alive --after grace [silent for 1.5 × keepalive] / close: keepalive expired--> closed',
    );
    expect(activeStates(chart, 'connected.alive')).toEqual(['connected', 'connected.alive']);
  });

  test('a QoS 1 sender sends PUBLISH on start and resends it with DUP', () => {
    const chart = extractChart(qos1SenderMachine);
    expect(chart.entry).toEqual(['send PUBLISH']);
    expect(chart.transitions.map(line)).toEqual([
      'awaitingPuback --net.puback / report finished--> acknowledged',
      'awaitingPuback --net.resumed / resend PUBLISH with DUP (re-enter)--> awaitingPuback',
      'awaitingPuback --after retry / resend PUBLISH with DUP (re-enter)--> awaitingPuback',
    ]);
  });

  test('a QoS 2 sender answers a second PUBREC inside awaitingPubcomp', () => {
    const chart = extractChart(qos2SenderMachine);
    const awaiting = chart.states.find((s) => s.id === 'awaitingPubcomp')!;
    expect(awaiting.internal.map(line)).toEqual(['awaitingPubcomp --net.pubrec / send PUBREL--> awaitingPubcomp']);
    expect(chart.transitions.map(line)).toContain(
      'awaitingPubrec --net.pubrec [else] / send PUBREL--> awaitingPubcomp',
    );
    expect(chart.transitions.map(line)).toContain(
      'awaitingPubrec --net.pubrec [pubrec refuses] / report finished--> refused',
    );
  });

  test('a QoS 2 receiver passes through received at once', () => {
    const chart = extractChart(qos2ReceiverMachine);
    expect(chart.transitions.filter((t) => t.from === 'received').map(line)).toEqual([
      'received --always [delivers on PUBLISH] / deliver, send PUBREC--> awaitingPubrel',
      'received --always [else] / send PUBREC--> awaitingPubrel',
    ]);
    expect(chart.states.find((s) => s.id === 'awaitingPubrel')!.internal.map(line)).toEqual([
      'awaitingPubrel --net.publish / send PUBREC--> awaitingPubrel',
    ]);
  });

  test('each chart is read once', () => {
    expect(chartOf(qos1SenderMachine)).toBe(chartOf(qos1SenderMachine));
  });
});

describe('the words of the charts', () => {
  /** The string at a dotted key (keys split on dots, as i18next does). */
  const lookup = (tree: object, key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

  test('every name the machines use is translated, in both languages', () => {
    const wanted = new Set<string>();
    for (const machine of MACHINES) {
      const chart = extractChart(machine);
      for (const state of chart.states) {
        wanted.add(`state.chart.state.${slug(state.key)}`);
        wanted.add(`state.chart.about.${chart.machine}.${slug(state.key)}`);
      }
      for (const t of [...chart.transitions, ...chart.states.flatMap((s) => s.internal)]) {
        if (t.trigger.kind === 'event') wanted.add(`state.chart.event.${slug(t.trigger.event)}`);
        if (t.trigger.kind === 'after') wanted.add(`state.chart.delay.${slug(t.trigger.delay)}`);
        if (t.guard !== undefined) wanted.add(`state.chart.guard.${slug(t.guard)}`);
        for (const action of t.actions) wanted.add(`state.chart.action.${slug(action)}`);
      }
      for (const action of [...chart.entry, ...chart.states.flatMap((s) => s.entry)]) {
        wanted.add(`state.chart.action.${slug(action)}`);
      }
    }
    const missing = [...wanted].flatMap((key) =>
      (['en', 'zh'] as const)
        .filter((lang) => typeof lookup(messages[lang], key) !== 'string')
        .map((l) => `${l}:${key}`),
    );
    expect(missing).toEqual([]);
    // English keeps the definitions' own words.
    expect(lookup(messages.en, 'state.chart.guard.silent-for-1-5-keepalive')).toBe('silent for 1.5 × keepalive');
  });
});
