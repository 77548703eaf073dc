/**
 * What the map page lists: the statements (and cited sections) of one version, each with where the
 * lab enforces, shows and tests it (spec/map.json, computed from the source), the counts at the top,
 * and the filter.
 */
import type { Language } from '../i18n/i18n.svelte.ts';
import {
  SECTIONS,
  STATEMENTS,
  type NotApplicable,
  type SpecVersion,
  canonical,
  section,
  statement,
} from '../../spec/index.ts';
import type { MapEntry, SpecMap } from '../../spec/build-map.ts';
import specMap from '../../spec/map.json';

// JSON imports type their literal content; the file is build-map.ts output (map.test.ts checks it)
const MAP = specMap as unknown as SpecMap;
const EMPTY: MapEntry = { code: [], tests: [], lessons: [], presets: [] };

export interface SpecRow {
  /** 'MQTT-3.1.2-29' or '§2.2.3' */
  ref: string;
  section: string;
  sectionTitle: { en: string; zh: string } | undefined;
  summary: { en: string; zh: string };
  na?: NotApplicable;
  where: MapEntry;
  enforced: boolean;
  demonstrated: boolean;
  tested: boolean;
}

function row(
  version: SpecVersion,
  ref: string,
  summary: { en: string; zh: string },
  sectionId: string,
  na?: NotApplicable,
): SpecRow {
  const where = MAP[version][ref] ?? EMPTY;
  const title = section(version, sectionId);
  return {
    ref,
    section: sectionId,
    sectionTitle: title && { en: title.en, zh: title.zh },
    summary,
    ...(na ? { na } : {}),
    where,
    enforced: where.code.length > 0,
    demonstrated: where.lessons.length + where.presets.length > 0,
    tested: where.tests.length > 0,
  };
}

/** Every numbered statement of the version, in the standard's order. */
export function statementRows(version: SpecVersion): SpecRow[] {
  return STATEMENTS[version].map((s) => row(version, s.id, { en: s.en, zh: s.zh }, s.section, s.na));
}

/** The sections the lab cites by number (no numbered statement there), in order. */
export function sectionRows(version: SpecVersion): SpecRow[] {
  return SECTIONS[version]
    .filter((s) => MAP[version][`§${s.id}`])
    .map((s) => row(version, `§${s.id}`, { en: s.en, zh: s.zh }, s.id));
}

export interface Counts {
  total: number;
  enforced: number;
  demonstrated: number;
  tested: number;
  notApplicable: number;
  uncovered: number;
}

export function countRows(rows: readonly SpecRow[]): Counts {
  const notApplicable = rows.filter((r) => r.na && !r.enforced && !r.tested).length;
  return {
    total: rows.length,
    enforced: rows.filter((r) => r.enforced).length,
    demonstrated: rows.filter((r) => r.demonstrated).length,
    tested: rows.filter((r) => r.tested).length,
    notApplicable,
    uncovered: rows.filter((r) => !r.enforced && !r.demonstrated && !r.tested && !r.na).length,
  };
}

/** Words of the filter must all appear in the row: its id, section, summary, files, lessons, presets. */
export function matches(r: SpecRow, filter: string, language: Language): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    r.ref,
    `§${r.section}`,
    r.summary[language],
    r.summary.en,
    r.sectionTitle?.[language] ?? '',
    ...r.where.code,
    ...r.where.tests,
    ...r.where.presets,
    ...r.where.lessons.map((l) => `${l.lesson} ${l.step}`),
    r.na ?? '',
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** The version a link without one opens: the one the id belongs to (3.1.1 when both). */
export function versionFor(ref: string, asked: SpecVersion | undefined): SpecVersion {
  if (asked) return asked;
  const known = (v: SpecVersion) =>
    ref.startsWith('§') ? section(v, ref) !== undefined : statement(v, ref) !== undefined;
  return known('3.1.1') || !known('5.0') ? '3.1.1' : '5.0';
}

/** The id a chip names in this version (a misprinted spelling → its statement). */
export function entryId(version: SpecVersion, ref: string): string {
  return ref.startsWith('§') ? ref : canonical(version, ref);
}
