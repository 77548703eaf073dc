/**
 * A flow machine's definition compiled into a transition table, so the simulation can run one
 * flow per message without an XState actor each (an actor costs about 57 µs to start; XState's
 * pure `transition()` was slower still, about 0.7 ms per flow, because each call builds an actor
 * scope). The table is read from the machine itself — its states, `on`, `after`, `always`,
 * `meta.timer`, and the guards, delays and emit actions given to `setup()` — so the definitions stay
 * the single source; flow.test.ts proves the table and a real actor agree on random event sequences.
 *
 * Only what the flow machines use is supported: flat states, emit actions, named guards and delays,
 * one delayed transition per state. Anything else is refused when the table is compiled.
 */
import type { AnyStateMachine } from 'xstate';

export type FlowEvent = { type: string } & Record<string, unknown>;
export type Emitted = { type: string } & Record<string, unknown>;

interface ActionArgs {
  context: unknown;
  event: FlowEvent;
}

export interface CompiledTransition {
  guard?: (args: ActionArgs) => boolean;
  /** undefined: a targetless transition (actions only, no exit, no entry). */
  target?: string;
  reenter: boolean;
  /** Each returns the event the action emits. */
  actions: ReadonlyArray<(args: ActionArgs) => Emitted>;
}

export interface CompiledState {
  name: string;
  final: boolean;
  /** The state's `meta.timer`: what its timers are called in the trace. */
  timerName?: string;
  /** The delayed transition: its delay in ms for a context (Infinity: never) and what it does. */
  after?: { delayMs: (args: ActionArgs) => number; eventType: string; transitions: CompiledTransition[] };
  on: Map<string, CompiledTransition[]>;
  always: CompiledTransition[];
}

export interface FlowTable {
  /** The machine's id: 'qos1-sender' … */
  id: string;
  initial: string;
  entry: ReadonlyArray<(args: ActionArgs) => Emitted>;
  states: Map<string, CompiledState>;
  /** The machine's context from its input (`context: ({ input }) => input`). */
  context: (input: unknown) => unknown;
}

type Config = {
  id?: string;
  initial?: string;
  entry?: unknown;
  context?: unknown;
  states?: Record<string, StateConfig>;
};
type StateConfig = {
  type?: string;
  meta?: { timer?: string };
  entry?: unknown;
  exit?: unknown;
  states?: unknown;
  on?: Record<string, unknown>;
  after?: Record<string, unknown>;
  always?: unknown;
};
type TransitionConfig = { target?: string; guard?: unknown; actions?: unknown; reenter?: boolean };

const list = <T>(value: T | readonly T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? [...(value as T[])] : [value as T];

export function compileFlow(machine: AnyStateMachine): FlowTable {
  const config = machine.config as Config;
  const impl = machine.implementations as {
    actions: Record<string, unknown>;
    guards: Record<string, unknown>;
    delays: Record<string, unknown>;
  };
  const id = config.id ?? machine.id;
  const fail = (what: string): never => {
    throw new Error(`compileFlow(${id}): ${what} is not supported`);
  };

  const action = (name: unknown) => {
    if (typeof name !== 'string') return fail('an inline action');
    const emit = impl.actions[name] as { type?: string; event?: unknown } | undefined;
    if (!emit || emit.type !== 'xstate.emit') return fail(`action "${name}" (only emit actions are)`);
    const event = emit.event;
    return typeof event === 'function' ? (event as (args: ActionArgs) => Emitted) : () => event as Emitted;
  };
  const guard = (name: unknown) => {
    if (name === undefined) return undefined;
    if (typeof name !== 'string') return fail('an inline guard');
    const fn = impl.guards[name];
    if (typeof fn !== 'function') return fail(`guard "${name}"`);
    return fn as (args: ActionArgs) => boolean;
  };
  const transitions = (value: unknown): CompiledTransition[] =>
    list(value as TransitionConfig | string).map((t) => {
      const def: TransitionConfig = typeof t === 'string' ? { target: t } : t;
      return {
        ...(def.guard !== undefined ? { guard: guard(def.guard) } : {}),
        ...(def.target !== undefined ? { target: def.target } : {}),
        reenter: def.reenter ?? false,
        actions: list(def.actions).map(action),
      };
    });

  const states = new Map<string, CompiledState>();
  for (const [name, state] of Object.entries(config.states ?? {})) {
    if (state.states) fail(`nested states (in "${name}")`);
    if (state.entry !== undefined || state.exit !== undefined) fail(`entry / exit actions on a state ("${name}")`);
    const compiled: CompiledState = {
      name,
      final: state.type === 'final',
      ...(state.meta?.timer ? { timerName: state.meta.timer } : {}),
      on: new Map(Object.entries(state.on ?? {}).map(([type, t]) => [type, transitions(t)])),
      always: transitions(state.always),
    };
    const after = Object.entries(state.after ?? {});
    if (after.length > 1) fail(`more than one delayed transition (in "${name}")`);
    if (after.length === 1) {
      const [delay, t] = after[0];
      const fixed = Number(delay);
      const named = impl.delays[delay];
      const delayMs = Number.isFinite(fixed)
        ? () => fixed
        : typeof named === 'function'
          ? (named as (args: ActionArgs) => number)
          : typeof named === 'number'
            ? () => named
            : fail(`delay "${delay}"`);
      // XState's name for the event its delayed transition raises
      compiled.after = { delayMs, eventType: `xstate.after.${delay}.${id}.${name}`, transitions: transitions(t) };
    }
    states.set(name, compiled);
  }
  const initial = config.initial;
  if (!initial || !states.has(initial)) return fail('a machine without an initial state');
  if (typeof config.context !== 'function') return fail('a context that is not a function of the input');
  const contextFn = config.context as (args: { input: unknown }) => unknown;
  return {
    id,
    initial,
    entry: list(config.entry).map(action),
    states,
    context: (input) => contextFn({ input }),
  };
}
