/**
 * The shape of the spec data: every numbered conformance statement of a version, and the sections
 * the lab cites where no numbered statement exists (the codec's `rule()` gives '§2.2.3' then).
 * Summaries are our own words, never the specification's text.
 */
export type SpecVersion = '3.1.1' | '5.0';
export const SPEC_VERSIONS: readonly SpecVersion[] = ['3.1.1', '5.0'];

/** Why a statement has no place in this lab (shown on the map instead of code and tests). */
export type NotApplicable =
  /** Chapter 6: MQTT over WebSocket; the lab's links are simulated, not WebSocket. */
  | 'websocket'
  /** The network underneath (ordered, lossless bytes): the simulated link provides it by construction. */
  | 'transport'
  /** Conformance targets and extensions (3.1.1 chapter 7): about products, not packets. */
  | 'conformance'
  /** A feature the lab does not model (enhanced authentication, shared subscriptions, …). */
  | 'not-modelled';

export interface Statement {
  /** As numbered by the version's OASIS text, e.g. 'MQTT-3.1.2-29'. */
  id: string;
  /** The section the number belongs to, e.g. '3.1.2' (the '.0' of 'MQTT-3.1.0-1' dropped). */
  section: string;
  en: string;
  zh: string;
  na?: NotApplicable;
}

export interface Section {
  /** e.g. '2.2.3' */
  id: string;
  en: string;
  zh: string;
}

/** 'MQTT-3.1.0-2' → '3.1'; 'MQTT-6.0.0-1' → '6'; 'MQTT-4.2-1' → '4.2'. */
export function sectionOf(id: string): string {
  const middle = id.replace(/^MQTT-/, '').replace(/-\d+$/, '');
  return middle.replace(/(\.0)+$/, '');
}

/** Data rows are `[number, en, zh, na?]`; the id and section follow from the number. */
export type Row = readonly [string, string, string, NotApplicable?];

export function statements(rows: readonly Row[]): Statement[] {
  return rows.map(([number, en, zh, na]) => {
    const id = `MQTT-${number}`;
    return na ? { id, section: sectionOf(id), en, zh, na } : { id, section: sectionOf(id), en, zh };
  });
}

/** Numeric order: 3.2 before 3.10, -2 before -10. */
export function compareIds(a: string, b: string): number {
  const parts = (id: string) =>
    id
      .replace(/^MQTT-|^§/, '')
      .split(/[.-]/)
      .map(Number);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
