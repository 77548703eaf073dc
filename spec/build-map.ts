/**
 * The map of the spec, computed from the source: for every statement and cited section of each
 * version, where the lab enforces it (engine code that cites it), shows it (a lesson step whose prose
 * cites it, a preset whose run shows its chip) and tests it (a test or a lesson's checks that cite
 * it). map.test.ts builds it and keeps spec/map.json equal to it; the map page reads that file.
 */
import { type SpecVersion, SPEC_VERSIONS, canonical, isCitationOf } from './index.ts';
import type { Found } from './scan.ts';

export interface MapEntry {
  /**
   * 'engine/codec/packets/connect.ts': each file citing it. Files, not lines: a line number would
   * change with every edit above it and make the map stale after unrelated work.
   */
  code: string[];
  tests: string[];
  lessons: Array<{ lesson: string; step: string }>;
  presets: string[];
}

/** Per version: an entry for every id or section the lab cites (statements it never cites have none). */
export type SpecMap = Record<SpecVersion, Record<string, MapEntry>>;

/** What a preset's run shows: the rule chips of its narration and of its packets' fields. */
export interface PresetShows {
  preset: string;
  version: SpecVersion;
  refs: readonly string[];
}

/**
 * The version(s) a citation counts for. An unmarked citation in code, tests or checks ('either') is
 * read as 3.1.1's when 3.1.1 has that number: the lab's default version is 3.1.1 (a scenario without
 * `version`, `encode`/`decode` without one), and its code marks 5.0 numbers ("5.0: [..]", `rule()`).
 * Many numbers name different requirements in the two versions (MQTT-3.1.2-24: keepalive in 3.1.1,
 * Maximum Packet Size in 5.0), so counting such a citation for both would credit 5.0 wrongly; the
 * price is that a number meaning the same in both is credited to 3.1.1 only unless it is marked.
 */
function versionsOf(c: Found): SpecVersion[] {
  if (c.shown === 'both') return SPEC_VERSIONS.filter((v) => isCitationOf(v, c.ref));
  if (c.shown === 'either') return isCitationOf('3.1.1', c.ref) ? ['3.1.1'] : isCitationOf('5.0', c.ref) ? ['5.0'] : [];
  return isCitationOf(c.shown, c.ref) ? [c.shown] : [];
}

export function buildMap(found: readonly Found[], presets: readonly PresetShows[]): SpecMap {
  const map = { '3.1.1': {}, '5.0': {} } as SpecMap;
  const entry = (version: SpecVersion, ref: string): MapEntry =>
    (map[version][canonical(version, ref)] ??= { code: [], tests: [], lessons: [], presets: [] });
  const addOnce = (list: string[], file: string) => {
    if (!list.includes(file)) list.push(file);
  };
  for (const c of found) {
    // the app's views and strings show rules where a run names them: presets cover those below
    if (c.place === 'app' || c.place === 'strings') continue;
    for (const version of versionsOf(c)) {
      const e = entry(version, c.ref);
      if (c.place === 'code') addOnce(e.code, c.file);
      else if (c.place === 'test' || c.place === 'checks') addOnce(e.tests, c.file);
      else if (c.place === 'lesson' && c.lesson) {
        const { id: lesson, step } = c.lesson;
        if (!e.lessons.some((l) => l.lesson === lesson && l.step === step)) e.lessons.push({ lesson, step });
      }
    }
  }
  for (const { preset, version, refs } of presets) {
    for (const ref of refs) {
      if (!isCitationOf(version, ref)) continue;
      const e = entry(version, ref);
      if (!e.presets.includes(preset)) e.presets.push(preset);
    }
  }
  // a stable file: keys and lists in order
  for (const version of SPEC_VERSIONS) {
    const sorted = Object.keys(map[version]).sort();
    map[version] = Object.fromEntries(
      sorted.map((k) => {
        const e = map[version][k];
        return [k, { ...e, code: e.code.sort(), tests: e.tests.sort(), presets: e.presets.sort() }];
      }),
    );
  }
  return map;
}
