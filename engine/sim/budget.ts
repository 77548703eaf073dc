/**
 * The event budget: a run stops after this many trace events rather than freezing the page that
 * shows it. Every event before the stop stays as it was (the trace is append-only), so a stopped
 * run is a prefix of the run it would have been, followed by one `budget-reached` note saying what
 * made it big.
 */
import type { NoteOf } from './notes.ts';
import type { Party, TraceEvent } from './trace.ts';

/**
 * 300,000 events. The lab's biggest ordinary run — a link at its limits (2,000 steps, 16 clients),
 * every client subscribed to `#` and 1,968 QoS 1 publishes fanned out to all 16 on tcp
 * (test/fixtures/heavy-runs.ts biggestRun) — makes 234,720 events (66,976 packets), so it fits
 * with about a quarter to spare; every preset and lesson is far below (the longest a few thousand).
 * The lab keeps this many events in the page, about 100 MB of trace.
 */
export const EVENT_BUDGET = 300_000;

/** The note's code; its params are `BudgetParams`. */
export const BUDGET_NOTE = 'budget-reached' as const;

/** What the budget note says: how big, and who made it so. */
export interface BudgetParams {
  /** The budget (events). */
  budget: number;
  /** Packets sent in all. */
  sends: number;
  /** The party that sent the most packets, and how many. */
  busiest: Party;
  busiestSends: number;
  /** PUBLISH and PUBREL sent again (DUP set on a PUBLISH, or a PUBREL resent), and tcp retransmissions. */
  resends: number;
  /** Packets that never arrived (lost, dropped, into a cut link). */
  drops: number;
}

/** What made a trace big, counted over it once when the budget stops the run. */
export function budgetParams(trace: readonly TraceEvent[], budget: number): BudgetParams {
  const bySender = new Map<Party, number>();
  const pubrelSent = new Set<string>();
  let sends = 0;
  let resends = 0;
  let drops = 0;
  for (const e of trace) {
    if (e.kind === 'send') {
      sends++;
      bySender.set(e.from, (bySender.get(e.from) ?? 0) + 1);
      const p = e.packet;
      if (p.type === 'PUBLISH' && p.dup) resends++;
      if (p.type === 'PUBREL') {
        const key = `${e.from}>${e.to}#${p.packetId}@${e.conn}`;
        if (pubrelSent.has(key)) resends++;
        pubrelSent.add(key);
      }
    } else if (e.kind === 'plan') resends++;
    else if (e.kind === 'drop') drops++;
  }
  let busiest: Party = 'broker';
  let busiestSends = -1;
  for (const [party, count] of bySender)
    if (count > busiestSends || (count === busiestSends && party < busiest)) [busiest, busiestSends] = [party, count];
  return { budget, sends, busiest, busiestSends: Math.max(0, busiestSends), resends, drops };
}

/** The note that ends a run the budget stopped, if this trace has one (it is always the last event). */
export function budgetStop(trace: readonly TraceEvent[]): NoteOf<typeof BUDGET_NOTE> | null {
  const last = trace[trace.length - 1];
  return last?.kind === 'note' && last.code === BUDGET_NOTE ? last : null;
}
