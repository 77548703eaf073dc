/**
 * The spec, as data: every numbered statement and the cited sections of MQTT 3.1.1 and 5.0, and
 * whether a citation is one of a version's.
 */
import type { Shown } from './citations.ts';
import { sections311, sections5 } from './sections.ts';
import type { Section, SpecVersion, Statement } from './statement.ts';
import { v311 } from './v311.ts';
import { v5 } from './v5.ts';

export {
  SPEC_VERSIONS,
  compareIds,
  type NotApplicable,
  type Section,
  type SpecVersion,
  type Statement,
} from './statement.ts';

export const STATEMENTS: Record<SpecVersion, readonly Statement[]> = { '3.1.1': v311, '5.0': v5 };
export const SECTIONS: Record<SpecVersion, readonly Section[]> = { '3.1.1': sections311, '5.0': sections5 };

/**
 * Spellings the standards themselves print for a statement (misprints in the OASIS text): a citation
 * copied from the standard is right, and names the statement on the right.
 */
export const ALIASES: Record<SpecVersion, Readonly<Record<string, string>>> = {
  '3.1.1': { 'MQTT-3-8.3-4': 'MQTT-3.8.3-4', 'MQTT-3.1.2.7': 'MQTT-3.1.2-7', 'MQTT-3.3.1.-1': 'MQTT-3.3.1-1' },
  '5.0': { 'MQTT-4.2-1': 'MQTT-4.2.0-1' },
};

const byId = Object.fromEntries(
  Object.entries(STATEMENTS).map(([version, list]) => [version, new Map(list.map((s) => [s.id, s]))]),
) as Record<SpecVersion, Map<string, Statement>>;
const sectionById = Object.fromEntries(
  Object.entries(SECTIONS).map(([version, list]) => [version, new Map(list.map((s) => [s.id, s]))]),
) as Record<SpecVersion, Map<string, Section>>;

/** The id a citation names in this version ('MQTT-4.2-1' → 'MQTT-4.2.0-1' under 5.0). */
export function canonical(version: SpecVersion, ref: string): string {
  return ALIASES[version][ref] ?? ref;
}

export function statement(version: SpecVersion, ref: string): Statement | undefined {
  return byId[version].get(canonical(version, ref));
}

export function section(version: SpecVersion, ref: string): Section | undefined {
  return sectionById[version].get(ref.replace(/^§/, ''));
}

/** Is `ref` ('MQTT-…' or '§…') a statement or a section of this version? */
export function isCitationOf(version: SpecVersion, ref: string): boolean {
  return ref.startsWith('§') ? section(version, ref) !== undefined : statement(version, ref) !== undefined;
}

/** Is `ref` right where it is shown (citations.ts: `Shown`)? */
export function isRightFor(shown: Shown, ref: string): boolean {
  if (shown === 'both') return isCitationOf('3.1.1', ref) && isCitationOf('5.0', ref);
  if (shown === 'either') return isCitationOf('3.1.1', ref) || isCitationOf('5.0', ref);
  return isCitationOf(shown, ref);
}
