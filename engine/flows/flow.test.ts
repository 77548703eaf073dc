/**
 * The fast path is exact: each flow machine run from its compiled table (flow.ts) and the same
 * machine run as a real XState actor (sim/actors.ts) are driven with the same random sequences of
 * events, passing time and stops, each on its own scheduler, and must agree after every command:
 * the same state, the same emitted events, the same trace (state changes and timers, with their
 * ids and due times) and the same scheduler entries.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import type { PublishPacket } from '../codec/packets/publish.ts';
import { startActor } from '../sim/actors.ts';
import { Scheduler } from '../sim/scheduler.ts';
import { Trace, traceToJson } from '../sim/trace.ts';
import { compileFlow } from './compile.ts';
import { Flow } from './flow.ts';
import { qos1SenderMachine } from './qos1-sender.machine.ts';
import { qos2ReceiverMachine } from './qos2-receiver.machine.ts';
import { qos2SenderMachine } from './qos2-sender.machine.ts';

type Command =
  { kind: 'event'; event: { type: string; reasonCode?: number } } | { kind: 'wait'; ms: number } | { kind: 'stop' };

const publish = (qos: 1 | 2): PublishPacket => ({
  type: 'PUBLISH',
  dup: false,
  qos,
  retain: false,
  topic: 't',
  packetId: 7,
  payload: new Uint8Array([1]),
});

const reasonCode = fc.constantFrom(0, 0x10, 0x80, 0x92);
const wait = fc.integer({ min: 0, max: 4_000 }).map((ms): Command => ({ kind: 'wait', ms }));
const stop = fc.constant<Command>({ kind: 'stop' });
const event = (types: string[], withCode: boolean) =>
  fc
    .tuple(fc.constantFrom(...types), reasonCode)
    .map(([type, code]): Command => ({ kind: 'event', event: withCode ? { type, reasonCode: code } : { type } }));
const commands = (events: fc.Arbitrary<Command>) =>
  fc.array(fc.oneof({ weight: 6, arbitrary: events }, { weight: 3, arbitrary: wait }, { weight: 1, arbitrary: stop }), {
    maxLength: 25,
  });
const retryMs = fc.option(fc.integer({ min: 200, max: 3_000 }), { nil: undefined });

const cases: Array<{ machine: AnyStateMachine; input: fc.Arbitrary<unknown>; commands: fc.Arbitrary<Command[]> }> = [
  {
    machine: qos1SenderMachine,
    input: retryMs.map((ms) => ({ publish: publish(1), retryMs: ms })),
    commands: commands(event(['net.puback', 'net.resumed', 'net.pubrec'], true)),
  },
  {
    machine: qos2SenderMachine,
    input: retryMs.map((ms) => ({ publish: publish(2), retryMs: ms })),
    commands: commands(event(['net.pubrec', 'net.pubcomp', 'net.resumed', 'net.puback'], true)),
  },
  {
    machine: qos2ReceiverMachine,
    input: fc.constantFrom('onPublish', 'onPubrel').map((delivery) => ({ publish: publish(2), delivery })),
    commands: commands(event(['net.publish', 'net.pubrel', 'net.resumed'], false)),
  },
];

/** One side of the comparison: a machine on its own scheduler and trace, with what it emitted. */
function harness(start: (host: { scheduler: Scheduler; trace: Trace }, log: unknown[]) => Runner) {
  const scheduler = new Scheduler();
  // time starts at 1 s so a timer's due time differs from its delay
  scheduler.nowMs = 1_000;
  const trace = new Trace(() => scheduler.nowMs);
  const log: unknown[] = [];
  const runner = start({ scheduler, trace }, log);
  return {
    runner,
    apply(command: Command) {
      if (command.kind === 'event') runner.send(command.event);
      else if (command.kind === 'stop') runner.stop();
      else {
        const until = scheduler.nowMs + command.ms;
        while (scheduler.peekMs() <= until) scheduler.runNext();
        scheduler.nowMs = until;
      }
    },
    view: () => ({
      state: runner.state(),
      done: runner.done(),
      log: JSON.stringify(log, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)),
      trace: traceToJson(trace.events),
      pending: scheduler.size,
      nextTimerId: scheduler.nextTimerId,
    }),
  };
}

interface Runner {
  send(event: { type: string }): void;
  stop(): void;
  state(): string;
  done(): boolean;
}

describe.each(cases)('$machine.id: compiled table = XState actor', ({ machine, input, commands }) => {
  const table = compileFlow(machine);

  test('on random sequences of events, waits and stops', () => {
    fc.assert(
      fc.property(input, commands, (input, commands) => {
        const actor = harness((host, log) => {
          const a = startActor(host, machine, 'x/out/7', input as never, (e) => log.push(e));
          a.ref.subscribe({ complete: () => log.push('complete') });
          return {
            send: (e) => a.send(e as never),
            stop: () => a.stop(),
            state: () => (a.ref.getSnapshot().status === 'stopped' ? 'stopped' : a.state()),
            done: () => a.done(),
          };
        });
        const fast = harness((host, log) => {
          const f = new Flow(
            host,
            table,
            'x/out/7',
            input,
            (e) => log.push(e),
            () => log.push('complete'),
          );
          return { send: (e) => f.send(e), stop: () => f.stop(), state: () => f.state(), done: () => f.done() };
        });
        expect(fast.view()).toEqual(actor.view());
        for (const command of commands) {
          // a finished flow ignores everything (both agree on that: `state` and `done` are compared);
          // XState would also print a warning for each event sent to it
          if (command.kind !== 'wait' && (actor.runner.done() || actor.runner.state() === 'stopped')) continue;
          actor.apply(command);
          fast.apply(command);
          expect(fast.view()).toEqual(actor.view());
        }
      }),
      { numRuns: 100 },
    );
    // 100 random runs of two machines each: about 0.3 s on a quiet machine; room for a busy one
  }, 20_000);
});

test('a machine with what the table cannot run is refused when compiled', () => {
  expect(() => compileFlow(qos1SenderMachine.provide({ actions: { 'send PUBLISH': () => {} } }))).toThrow(
    /only emit actions/,
  );
});
