/**
 * A statechart read from an XState machine definition: its states (nested ones with their parent),
 * and its transitions with their trigger (an event, a delay, or none), guard and actions, by the
 * names the definition gives them ('silent for keepalive', 'send PINGREQ'). Nothing here is drawn
 * by hand: a machine that changes is drawn as it now is. Also: which states a trace's dotted
 * state value ('connected.idle') lights.
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

export type Trigger = { kind: 'event'; event: string } | { kind: 'after'; delay: string } | { kind: 'always' };

export interface ChartState {
  /** Dotted path from the root, as the trace names states: 'connected.idle'. */
  id: string;
  /** The last part of the path: 'idle'. */
  key: string;
  /** The enclosing state's id; null at the top level. */
  parent: string | null;
  kind: 'atomic' | 'compound' | 'final';
  /** The state its parent (or the machine) starts in. */
  initial: boolean;
  /** Named actions run on entering it. */
  entry: string[];
  /** The timer its delayed transitions run under, as the trace names it (from the state's meta). */
  timer?: string;
  /** Transitions that change no state (they only act): drawn inside the state. */
  internal: ChartTransition[];
  /** Ids of its child states, in definition order. */
  children: string[];
}

export interface ChartTransition {
  from: string;
  /** The target state's id; for an internal transition, the state itself. */
  to: string;
  trigger: Trigger;
  guard?: string;
  actions: string[];
  /** Leaves and re-enters its own state (restarting its timers). */
  reenter: boolean;
  /** Unguarded, after a guarded transition on the same trigger: taken when that guard fails. */
  otherwise: boolean;
}

export interface Chart {
  /** The machine's id: 'client-connection', 'qos2-sender' … */
  machine: string;
  /** Every state, parents before their children, in definition order. */
  states: ChartState[];
  /** Transitions between states (self-transitions included; internal ones are on their state). */
  transitions: ChartTransition[];
  /** The machine's initial state (top level). */
  initial: string;
  /** Actions the machine runs when it starts (e.g. 'send PUBLISH'). */
  entry: string[];
}

const AFTER_EVENT = /^xstate\.after\./;

/** The name of an action or guard as the definition gives it; anonymous inline ones have none. */
function nameOf(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object' && 'type' in item && typeof item.type === 'string') return item.type;
  return undefined; // an inline function: the definition gave it no name
}

function names(items: readonly unknown[] | undefined): string[] {
  return (items ?? []).map(nameOf).filter((n): n is string => n !== undefined && !n.startsWith('xstate.'));
}

const idOf = (node: AnyStateNode): string => node.path.join('.');

function transitionOf(source: AnyStateNode, t: AnyTransitionDefinition, trigger: Trigger): ChartTransition {
  const guard = nameOf(t.guard);
  const target = t.target?.[0];
  return {
    from: idOf(source),
    to: target ? idOf(target) : idOf(source),
    trigger,
    ...(guard !== undefined ? { guard } : {}),
    actions: names(t.actions),
    reenter: target !== undefined && t.reenter,
    otherwise: false,
  };
}

function delayName(delay: unknown): string {
  if (typeof delay === 'number') return `${delay} ms`;
  if (typeof delay === 'string') return delay;
  return '…';
}

/** The statechart of a machine, read from its definition. */
export function extractChart(machine: AnyStateMachine): Chart {
  const states: ChartState[] = [];
  const transitions: ChartTransition[] = [];

  const visit = (node: AnyStateNode, parent: AnyStateNode | null) => {
    const id = idOf(node);
    const internal: ChartTransition[] = [];

    // Candidates for one trigger are tried in order: an unguarded one after a guarded one is the "else".
    const addAll = (list: readonly AnyTransitionDefinition[], trigger: Trigger) => {
      let guarded = false;
      for (const t of list) {
        const transition = transitionOf(node, t, trigger);
        transition.otherwise = guarded && transition.guard === undefined;
        guarded ||= transition.guard !== undefined;
        (t.target?.length ? transitions : internal).push(transition);
      }
    };
    for (const [event, list] of Object.entries(node.on)) {
      if (AFTER_EVENT.test(event)) continue; // drawn from `after`, with the delay's name
      addAll(list, { kind: 'event', event });
    }
    const delays = new Map<string, AnyTransitionDefinition[]>();
    for (const t of node.after) {
      const delay = delayName(t.delay);
      delays.set(delay, [...(delays.get(delay) ?? []), t]);
    }
    for (const [delay, list] of delays) addAll(list, { kind: 'after', delay });
    addAll(node.always ?? [], { kind: 'always' });

    const children = Object.values(node.states) as AnyStateNode[];
    const timer = (node.meta as { timer?: unknown } | undefined)?.timer;
    const parentInitial = parent?.initial?.target?.[0];
    states.push({
      id,
      key: node.key,
      parent: parent && parent !== machine.root ? idOf(parent) : null,
      kind: node.type === 'final' ? 'final' : children.length > 0 ? 'compound' : 'atomic',
      initial: parentInitial === node,
      entry: names(node.entry),
      ...(typeof timer === 'string' ? { timer } : {}),
      internal,
      children: children.map(idOf),
    });
    for (const child of children) visit(child, node);
  };
  for (const child of Object.values(machine.root.states) as AnyStateNode[]) visit(child, machine.root);

  return {
    machine: machine.id,
    states,
    transitions,
    initial: idOf(machine.root.initial.target[0]),
    entry: names(machine.root.entry),
  };
}

/**
 * The states a trace's state value lights: the state itself and every state around it
 * ('connected.idle' → connected, connected.idle). Empty for a value the chart does not have
 * ('stopped', or an actor of another machine).
 */
export function activeStates(chart: Chart, value: string | undefined): string[] {
  if (!value) return [];
  const known = new Set(chart.states.map((s) => s.id));
  const parts = value.split('.');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const id = parts.slice(0, i).join('.');
    if (!known.has(id)) return [];
    out.push(id);
  }
  return out;
}

/** The innermost state a value names, if the chart has it. */
export function leafState(chart: Chart, value: string | undefined): string | undefined {
  return activeStates(chart, value).at(-1);
}

/** Transitions drawn as one arrow: all those from one state to another. */
export interface ChartEdge {
  id: string;
  from: string;
  to: string;
  transitions: ChartTransition[];
}

export function chartEdges(chart: Chart): ChartEdge[] {
  const edges = new Map<string, ChartEdge>();
  for (const t of chart.transitions) {
    const id = `${t.from}→${t.to}`;
    const edge = edges.get(id) ?? { id, from: t.from, to: t.to, transitions: [] };
    edge.transitions.push(t);
    edges.set(id, edge);
  }
  return [...edges.values()];
}

const charts = new Map<AnyStateMachine, Chart>();

/** The chart of a machine, read once. */
export function chartOf(machine: AnyStateMachine): Chart {
  let chart = charts.get(machine);
  if (!chart) charts.set(machine, (chart = extractChart(machine)));
  return chart;
}

/**
 * What can happen next from a state value: the transitions out of the state and of every state
 * around it, innermost first (the order XState tries them), internal ones included.
 */
export function transitionsFrom(chart: Chart, value: string | undefined): ChartTransition[] {
  const active = activeStates(chart, value).reverse();
  const out: ChartTransition[] = [];
  for (const id of active) {
    const state = chart.states.find((s) => s.id === id);
    out.push(...chart.transitions.filter((t) => t.from === id), ...(state?.internal ?? []));
  }
  return out;
}
