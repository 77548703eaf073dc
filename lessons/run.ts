/**
 * A finished run of a lesson's scenario, with the questions lessons ask of it: who got what, what
 * happened to a packet, where a step took effect. Used by checks (test/lessons.test.ts) and by the
 * app to turn a step's `run` and `highlight` into a place in the trace.
 */
import {
  type ArriveEvent,
  type DeliverEvent,
  type DropEvent,
  type NoteCode,
  type NoteOf,
  notesOf,
  type Scenario,
  type SendEvent,
  type Span,
  type Step,
  type TraceEvent,
  decode,
  findSpan,
  simulate,
} from '../engine/index.ts';
import type { PacketRef, RunTo } from './lesson.ts';

/**
 * A lesson names a packet or a step its run does not have. The message is for tests and logs; the
 * page words it in the reader's language from `code` and `params` (i18n `classroom.lessonError.<code>`).
 */
export class LessonRunError extends Error {
  constructor(
    message: string,
    readonly code: 'noPacket' | 'noStep',
    readonly params: Record<string, string | number>,
  ) {
    super(message);
  }
}

export class Run {
  constructor(
    readonly scenario: Scenario,
    readonly trace: readonly TraceEvent[],
    /**
     * Scenario step ids whose step a person performed instead (in the lab, an awaited step is left
     * to the student): found by what it does rather than by its id.
     */
    readonly performed: Record<string, (step: Step) => boolean> = {},
  ) {}

  static of(scenario: Scenario): Run {
    return new Run(scenario, simulate(scenario).trace);
  }

  deliveries(client?: string): DeliverEvent[] {
    return this.trace.filter(
      (e): e is DeliverEvent => e.kind === 'deliver' && (client === undefined || e.client === client),
    );
  }

  /** The payloads `client` received, in order. */
  payloads(client: string): string[] {
    return this.deliveries(client).map((d) => d.payload);
  }

  sends(ref: Omit<PacketRef, 'nth'>): SendEvent[] {
    return this.trace.filter(
      (e): e is SendEvent =>
        e.kind === 'send' &&
        e.packet.type === ref.type &&
        (ref.from === undefined || e.from === ref.from) &&
        (ref.to === undefined || e.to === ref.to),
    );
  }

  /** The packet a lesson points at; throws if the run has no such packet (a lesson bug). */
  packet(ref: PacketRef): SendEvent {
    const found = this.sends(ref)[(ref.nth ?? 1) - 1];
    if (!found)
      throw new LessonRunError(
        `no ${ref.nth ?? 1}. ${ref.type}${ref.from ? ` from ${ref.from}` : ''}${ref.to ? ` to ${ref.to}` : ''}`,
        'noPacket',
        { nth: ref.nth ?? 1, type: ref.type, from: ref.from ?? '', to: ref.to ?? '' },
      );
    return found;
  }

  arrivals(send: SendEvent): ArriveEvent[] {
    return this.trace.filter((e): e is ArriveEvent => e.kind === 'arrive' && e.send === send.seq);
  }

  drop(send: SendEvent): DropEvent | undefined {
    return this.trace.find((e): e is DropEvent => e.kind === 'drop' && e.send === send.seq);
  }

  /** The trace index just after the scenario step with this id took effect. */
  afterStep(id: string): number {
    const matches = this.performed[id] ?? ((step: Step) => step.id === id);
    const at = this.trace.findIndex((e) => e.kind === 'step' && matches(e.step));
    if (at < 0) throw new LessonRunError(`no scenario step with id "${id}"`, 'noStep', { id });
    // what the step did at once (sends, state changes) belongs to it
    let end = at;
    while (
      end + 1 < this.trace.length &&
      this.trace[end + 1].atMs === this.trace[at].atMs &&
      this.trace[end + 1].kind !== 'step'
    )
      end++;
    return end;
  }

  /** The trace index a step's `run` reaches. */
  indexOf(to: RunTo): number {
    if ('start' in to) return -1;
    // The end the scenario names: the lab runs on past it (room for free play), the checks do not.
    if ('end' in to)
      return this.scenario.untilMs === undefined ? this.trace.length - 1 : this.lastAt(this.scenario.untilMs);
    if ('step' in to) return this.afterStep(to.step);
    if ('timeMs' in to) return this.lastAt(to.timeMs);
    const send = this.packet(to.packet);
    const done = this.trace.find((e) => (e.kind === 'arrive' || e.kind === 'drop') && e.send === send.seq);
    return done ? done.seq : send.seq;
  }

  /**
   * Where the lab waits while a quiz is unanswered: where the steps before it left the run, but
   * never past the sending of the packet the quiz's reveal runs to — the arrow must not answer it.
   */
  quizHold(before: RunTo, reveal: RunTo | undefined): number {
    const at = this.indexOf(before);
    if (!reveal || !('packet' in reveal)) return at;
    // not in this run (yet): an awaited step the student has not done would send it
    const answer = this.sends(reveal.packet)[(reveal.packet.nth ?? 1) - 1];
    return answer ? Math.min(at, answer.seq - 1) : at;
  }

  /** The index of the last event at or before a time (-1 if none). */
  lastAt(timeMs: number): number {
    let i = -1;
    while (i + 1 < this.trace.length && this.trace[i + 1].atMs <= timeMs) i++;
    return i;
  }

  /** The states an actor went through, in order. */
  states(actor: string): string[] {
    return this.trace.flatMap((e) => (e.kind === 'state' && e.actor === actor ? [e.to] : []));
  }

  /** The broker's or a client's notes with this code, in order. */
  notes<C extends NoteCode>(code: C, party?: string): NoteOf<C>[] {
    return notesOf(this.trace, code, party);
  }

  /** The spans of a packet's bytes, as the inspector shows them. */
  spans(ref: PacketRef): Span[] {
    const send = this.packet(ref);
    const version = this.scenario.version ?? 4;
    return decode(send.bytes, version, { spans: true }).spans ?? [];
  }

  /**
   * The span a lesson highlights, by the codec's field name ('fixedHeader', 'topic', 'will.qos',
   * 'properties.sessionExpiryInterval' …) or by a path through nested spans
   * ('fixedHeader.firstByte'): the first match, depth first.
   */
  field(ref: PacketRef, name: string): Span | undefined {
    return findSpan(this.spans(ref), name);
  }
}
