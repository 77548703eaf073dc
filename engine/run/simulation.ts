/**
 * A simulation: one scenario, one seed, run in virtual time. Same scenario + seed + actions ⇒ the
 * same trace, byte for byte. Steps of the scenario and actions taken with `act` go through the
 * same queue, ahead of anything else due at the same millisecond, so an action taken at time T
 * gives exactly the trace of the same step written into the scenario at T.
 */
import { Broker, type BrokerSnapshot } from '../broker/broker.ts';
import { type ClientSnapshot, SimClient } from '../client/client.ts';
import type { Action, Scenario, Step } from '../scenario/schema.ts';
import { expandRepeats, repeatSpan } from '../scenario/repeat.ts';
import { ScenarioError, validateScenario } from '../scenario/validate.ts';
import { clientLinks } from './client-links.ts';
import { createPrng } from '../sim/prng.ts';
import { LANE_STEP, Scheduler } from '../sim/scheduler.ts';
import { Network } from '../sim/network.ts';
import { Trace, type TraceEvent } from '../sim/trace.ts';
import { BUDGET_NOTE, EVENT_BUDGET, budgetParams } from '../sim/budget.ts';

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Stop after this many trace events (default EVENT_BUDGET, budget.ts). */
  budget?: number;
}

export interface SimulationSnapshot {
  nowMs: number;
  clients: ClientSnapshot[];
  broker: BrokerSnapshot;
  links: Array<{ client: string; up: LinkState; down: LinkState }>;
}

interface LinkState {
  delayMs: number;
  jitterMs: number;
  lossRatio: number;
  duplicateRatio: number;
  reorderRatio: number;
  cut: boolean;
  inFlight: number;
  stalled: number;
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Virtual time, ms. */
  readonly now: number;
  readonly trace: readonly TraceEvent[];
  /**
   * When `run()` stops: the scenario's untilMs, or 10 s after its last step — or, once the event
   * budget stopped the run, the time it stopped (see `stopped`).
   */
  readonly endMs: number;
  /** The budget stopped the run: its trace ends with a `budget-reached` note (budget.ts). */
  readonly stopped: boolean;
  /** Run the next scheduled event; false when nothing is left before endMs. */
  step(): boolean;
  /** Run every event due before `ms`, then set the clock to `ms`. */
  runUntil(ms: number): void;
  /** Run to endMs. */
  run(): void;
  /** Do something now (or at `atMs` ≥ now), exactly as if it were a step of the scenario. */
  act(action: Action): void;
  snapshot(): SimulationSnapshot;
}

/** Events allowed within one millisecond before the simulation is declared stuck in a loop. */
const MAX_EVENTS_PER_MS = 100_000;
/** How long after the last step `run()` goes on, when the scenario does not say. */
export const SETTLE_MS = 10_000;
/** Resend timeout under the lossy transport, when a scenario gives none (a teaching default). */
export const LOSSY_RETRY_MS = 1_000;
/** How long a client waits for CONNACK or PINGRESP, when its spec gives no `responseTimeoutMs`. */
export const RESPONSE_TIMEOUT_MS = 5_000;

export function createSimulation(input: Scenario, options: SimulationOptions = {}): Simulation {
  const checked = validateScenario(input);
  if (!checked.ok) throw new ScenarioError(checked.problems);
  const scenario = checked.scenario;
  const seed = options.seed ?? scenario.seed ?? 1;
  const version = scenario.version ?? 4;
  const transport = scenario.transport ?? 'tcp';

  const scheduler = new Scheduler();
  const trace = new Trace(() => scheduler.nowMs);
  const host = { scheduler, trace };
  const prng = createPrng(seed);
  const network = new Network(scheduler, trace, prng.split('network'), transport);
  const lossyRetry = transport === 'lossy' ? LOSSY_RETRY_MS : undefined;
  const broker = new Broker(host, network, scenario.broker ?? {}, lossyRetry);
  const clients = new Map<string, SimClient>();
  for (const spec of scenario.clients) {
    const links = clientLinks(scenario, spec);
    network.addClient(spec.id, links.up, links.down);
    const client = new SimClient(host, network, spec, {
      version,
      retryMs: spec.retryMs ?? lossyRetry,
      responseTimeoutMs: spec.responseTimeoutMs ?? RESPONSE_TIMEOUT_MS,
    });
    client.brokerEnd = broker;
    client.onOpen = (conn) => broker.opened(conn);
    clients.set(spec.id, client);
  }

  // a repeating publish is one step in the scenario and one `step` event per publish in the trace
  const steps = expandRepeats(scenario.steps);
  const lastStepMs = steps.reduce((max, s) => Math.max(max, s.atMs), 0);
  let endMs = scenario.untilMs ?? lastStepMs + SETTLE_MS;

  const perform = (step: Step) => {
    trace.add({ kind: 'step', step });
    switch (step.do) {
      case 'connect':
        return clients.get(step.client)!.connect({ clean: step.clean, keepAliveS: step.keepAliveS, will: step.will });
      case 'disconnect':
        return clients
          .get(step.client)!
          .disconnect({ reasonCode: step.reasonCode, sessionExpiryS: step.sessionExpiryS });
      case 'crash':
        return clients.get(step.client)!.crash();
      case 'cut':
        return network.cut(step.client);
      case 'restore':
        return network.restore(step.client);
      case 'reset': {
        const conn = clients.get(step.client)!.connectionId;
        if (conn) network.reset(conn);
        return;
      }
      case 'publish':
        return clients
          .get(step.client)!
          .publish(step.topic, step.payload, step.qos, step.retain ?? false, step.properties);
      case 'subscribe':
        return clients.get(step.client)!.subscribe(step.filter, step.qos, {
          ...(step.noLocal !== undefined ? { noLocal: step.noLocal } : {}),
          ...(step.retainAsPublished !== undefined ? { retainAsPublished: step.retainAsPublished } : {}),
          ...(step.retainHandling !== undefined ? { retainHandling: step.retainHandling } : {}),
        });
      case 'unsubscribe':
        return clients.get(step.client)!.unsubscribe(step.filter);
      case 'set-link': {
        const { delayMs, jitterMs, lossRatio, duplicateRatio, reorderRatio } = step;
        const link = Object.fromEntries(
          Object.entries({ delayMs, jitterMs, lossRatio, duplicateRatio, reorderRatio }).filter(
            ([, v]) => v !== undefined,
          ),
        );
        return network.setLink(step.client, step.direction, link);
      }
      case 'fault':
        return network.addFault({
          kind: step.fault,
          from: step.from,
          to: step.to,
          packet: step.packet,
          skip: (step.nth ?? 1) - 1,
          delayMs: step.delayMs,
          byte: step.byte,
          xor: step.xor,
        });
    }
  };
  for (const step of steps) scheduler.call(step.atMs, perform, step, LANE_STEP);

  const budget = options.budget ?? EVENT_BUDGET;
  let stopped = false;
  let eventsThisMs = 0;
  let currentMs = -1;
  const runOne = (): boolean => {
    if (stopped || scheduler.peekMs() >= endMs) return false;
    if (trace.events.length >= budget) {
      // A run that would pass the budget ends here, at the time reached, saying what made it big.
      stopped = true;
      trace.note('broker', BUDGET_NOTE, budgetParams(trace.events, budget));
      endMs = scheduler.nowMs;
      return false;
    }
    scheduler.runNext();
    if (scheduler.nowMs !== currentMs) {
      currentMs = scheduler.nowMs;
      eventsThisMs = 0;
    } else if (++eventsThisMs > MAX_EVENTS_PER_MS) {
      throw new Error(`the simulation seems stuck: over ${MAX_EVENTS_PER_MS} events at ${currentMs} ms (seed ${seed})`);
    }
    return true;
  };

  const sim: Simulation = {
    scenario,
    seed,
    get now() {
      return scheduler.nowMs;
    },
    trace: trace.events,
    get endMs() {
      return endMs;
    },
    get stopped() {
      return stopped;
    },
    step: runOne,
    runUntil(ms: number) {
      while (scheduler.peekMs() < ms && runOne());
      if (ms > scheduler.nowMs) scheduler.nowMs = Math.min(ms, Math.max(endMs, scheduler.nowMs));
    },
    run() {
      while (runOne());
      if (endMs > scheduler.nowMs) scheduler.nowMs = endMs;
    },
    act(action: Action) {
      const { atMs: at, ...rest } = action;
      const atMs = at ?? scheduler.nowMs;
      const step = { atMs, ...rest } as Step;
      const check = validateScenario({ ...scenario, steps: [step] });
      if (!check.ok)
        throw new ScenarioError(check.problems.map((p) => ({ ...p, path: p.path.replace('steps[0]', 'action') })));
      if (atMs < scheduler.nowMs)
        throw new Error(
          `cannot act in the past (${atMs} < ${scheduler.nowMs} ms); replay with the action in the scenario instead`,
        );
      for (const one of expandRepeats([step])) scheduler.call(one.atMs, perform, one, LANE_STEP);
      if (!stopped) endMs = Math.max(endMs, repeatSpan(step).lastMs + SETTLE_MS);
    },
    snapshot(): SimulationSnapshot {
      return {
        nowMs: scheduler.nowMs,
        clients: [...clients.values()].map((c) => c.snapshot()),
        broker: broker.snapshot(),
        links: scenario.clients.map(({ id }) => {
          const link = network.link(id);
          const state = (d: typeof link.up): LinkState => ({
            ...d.options,
            cut: d.cut,
            inFlight: d.inFlightCount,
            stalled: d.stalledCount,
          });
          return { client: id, up: state(link.up), down: state(link.down) };
        }),
      };
    },
  };
  return sim;
}

/** Run a scenario to its end. */
export function simulate(
  scenario: Scenario,
  options?: SimulationOptions,
): { trace: TraceEvent[]; simulation: Simulation } {
  const simulation = createSimulation(scenario, options);
  simulation.run();
  return { trace: simulation.trace as TraceEvent[], simulation };
}
