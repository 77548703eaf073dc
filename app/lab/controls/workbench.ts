/**
 * The tinkerer's tools, as plain functions the actions panel calls: the run's set-up (transport and
 * protocol version, with the pairs 5.0 forbids), an action at a typed time, the lab's budget for a
 * repeating publish, the run's end, and what is still on its way when the run ends.
 */
import { type Action, type Scenario, type World, parseActorName, repeatSpan } from '$engine';
import { LIMITS, expandedCount } from '../permalink.ts';
import { type Phrase, type PhraseParam, phrase } from '../phrase.ts';
import { party } from '../narration/narration.ts';
import type { Timeline } from '../timeline.ts';
import type { Built, FieldProblem } from './actions.ts';

export type Transport = 'tcp' | 'lossy';
export type Version = 4 | 5;

// ---------------------------------------------------------------- set-up

/**
 * Why a choice cannot be made, or null. Under 5.0 a sender resends only when a session resumes
 * [MQTT-4.4.0-1], and the lossy model resends on a timer: validation refuses the pair, so the
 * set-up says so before it is chosen instead of failing after.
 */
export function setupRefusal(choice: { transport?: Transport; version?: Version }, scenario: Scenario): Phrase | null {
  const transport = choice.transport ?? scenario.transport ?? 'tcp';
  const version = choice.version ?? scenario.version ?? 4;
  if (transport !== 'lossy' || version !== 5) return null;
  return phrase(choice.version === 5 ? 'workbench.setup.v5NoLossy' : 'workbench.setup.lossyNoV5');
}

/** The scenario with another transport or version; `null` when 5.0 would refuse it. */
export function withSetup(scenario: Scenario, choice: { transport?: Transport; version?: Version }): Scenario | null {
  if (setupRefusal(choice, scenario)) return null;
  // 5.0 also refuses any timer resend: a retryMs left on a client or the broker
  const version = choice.version ?? scenario.version ?? 4;
  if (
    version === 5 &&
    (scenario.broker?.retryMs !== undefined || scenario.clients.some((c) => c.retryMs !== undefined))
  )
    return null;
  const next: Scenario = { ...scenario };
  if (choice.transport) next.transport = choice.transport;
  if (choice.version) next.version = choice.version;
  // the defaults stay unwritten, so an untouched empty lab keeps its short link
  if (next.transport === 'tcp') delete next.transport;
  if (next.version === 4) delete next.version;
  return next;
}

// ---------------------------------------------------------------- times typed in seconds

const SECONDS = /^\d+(\.\d{1,3})?$/;

/** Seconds typed in a box, as whole ms within [minMs, maxMs]; '' is `undefined` (no time typed). */
export function readSeconds(
  text: string,
  field: string,
  minMs: number,
  maxMs: number,
  key: string,
): Built<number | undefined> {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: undefined };
  const ms = SECONDS.test(trimmed) ? Math.round(Number(trimmed) * 1000) : NaN;
  if (!Number.isFinite(ms) || ms < minMs || ms > maxMs)
    return { ok: false, problems: [{ field, problem: phrase(key, { min: minMs / 1000, max: maxMs / 1000 }) }] };
  return { ok: true, value: ms };
}

/** When an action happens: the typed time, or (empty) the cursor's. */
export const readActionTime = (text: string) => readSeconds(text, 'at', 0, LIMITS.timeMs, 'workbench.when.error');

// ---------------------------------------------------------------- the lab's budget

/** A problem if the action would take the run past the lab's limits on steps or time. */
export function budgetProblem(timeline: Timeline, action: Action, atMs: number): FieldProblem | null {
  const step = { ...action, atMs } as Parameters<typeof repeatSpan>[0];
  const { count, lastMs } = repeatSpan(step);
  // the actions a fork at atMs keeps, and this one
  const kept = timeline.actions.filter((a) => a.atMs <= atMs);
  const total = expandedCount(timeline.scenario.steps) + expandedCount(kept) + count;
  if (total > LIMITS.steps)
    return { field: 'times', problem: phrase('workbench.repeat.errorSteps', { count: total, max: LIMITS.steps }) };
  if (lastMs > LIMITS.timeMs)
    return {
      field: 'times',
      problem: phrase('workbench.repeat.errorTime', {
        time: phrase('lab.controls.seconds', { value: lastMs / 1000 }),
        max: phrase('lab.controls.seconds', { value: LIMITS.timeMs / 1000 }),
      }),
    };
  return null;
}

// ---------------------------------------------------------------- the run's end

/** How much longer "run on" makes the run. */
export const RUN_ON_MS = 10_000;

/** The scenario ending at `endMs` (kept within the lab's limit on time). */
export function withEnd(scenario: Scenario, endMs: number): Scenario {
  return { ...scenario, untilMs: Math.min(Math.max(0, Math.round(endMs)), LIMITS.timeMs) };
}

/** What has not finished when the run ends: packets on the wire, and messages sent but not acknowledged. */
export interface Unfinished {
  packets: Array<{ type: string; from: string; to: string }>;
  flows: Array<{ party: string; packetId: number }>;
}

export function unfinishedAt(world: World): Unfinished {
  const packets = Object.values(world.inFlight)
    .sort((a, b) => a.send - b.send)
    .map(({ type, from, to }) => ({ type, from, to }));
  const flows: Unfinished['flows'] = [];
  for (const [name, actor] of Object.entries(world.actors)) {
    const ref = parseActorName(name);
    // a message this side sent and still waits to see acknowledged
    if (ref.kind === 'flow' && ref.dir === 'out' && !actor.done)
      flows.push({ party: ref.side === 'broker' ? 'broker' : ref.client, packetId: ref.packetId });
  }
  return { packets, flows };
}

/** What is unfinished, as sentences: how many, and which (the first few, then "…"). */
export function unfinishedPhrases(unfinished: Unfinished, most = 4): { packets: Phrase | null; flows: Phrase | null } {
  const listed = <T>(items: T[], say: (item: T) => Phrase): PhraseParam[] => [
    ...items.slice(0, most).map(say),
    ...(items.length > most ? ['…'] : []),
  ];
  const { packets, flows } = unfinished;
  return {
    packets: packets.length
      ? phrase('workbench.end.inFlight', {
          count: packets.length,
          which: listed(packets, (p) =>
            phrase('workbench.end.item', { packet: p.type, from: party(p.from), to: party(p.to) }),
          ),
        })
      : null,
    flows: flows.length
      ? phrase('workbench.end.unacked', {
          count: flows.length,
          which: listed(flows, (f) => phrase('workbench.end.flow', { party: party(f.party), id: f.packetId })),
        })
      : null,
  };
}
