/**
 * spec/map.json is the map of the spec the page shows, and it is what the source says today: this
 * test builds it again (build-map.ts) and fails when the file differs. To bring the file up to date:
 *   UPDATE_SPEC_MAP=1 npx vitest run spec/map.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Scenario, type Span, decode, simulate } from '$engine';
import { expect, test } from 'vitest';
import { narrateAll } from '../app/lab/narration/narration.ts';
import { PRESETS } from '../app/lab/presets.ts';
import { type PresetShows, buildMap } from './build-map.ts';
import { isCitationOf } from './index.ts';
import { loadLessons, scanRepository } from './scan.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const file = fileURLToPath(new URL('./map.json', import.meta.url));

function spanRules(spans: readonly Span[] | undefined, into: Set<string>): void {
  for (const s of spans ?? []) {
    if (s.rule) into.add(s.rule);
    spanRules(s.children, into);
  }
}

/** The chips a run shows: on its narration lines, and on the fields of every packet sent. */
function runShows(scenario: Scenario): string[] {
  const trace = simulate(scenario).trace;
  const refs = new Set<string>();
  for (const line of narrateAll(trace, { scenario })) if (line.rule) refs.add(line.rule);
  for (const e of trace) {
    if (e.kind !== 'send') continue;
    try {
      spanRules(decode(e.bytes, scenario.version ?? 4, { spans: true }).spans, refs);
    } catch {
      // a corrupted packet: its error's rule is on the narration line already
    }
  }
  return [...refs].sort();
}

const versionOf = (scenario: Scenario) => (scenario.version === 5 ? '5.0' : '3.1.1');

function presetShows(): PresetShows[] {
  return PRESETS.map(({ id, scenario }) => ({ preset: id, version: versionOf(scenario), refs: runShows(scenario) }));
}

test('spec/map.json is the map the source gives today', async () => {
  const map = buildMap(scanRepository(root, await loadLessons(root)), presetShows());
  const text = `${JSON.stringify(map, null, 1)}\n`;
  if (process.env.UPDATE_SPEC_MAP) writeFileSync(file, text);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(map);
}, 30_000); // reads every source file, imports every lesson and runs every preset (about 5 s here)

test("every chip a preset's run shows is a statement or section of the run's version", () => {
  const wrong = presetShows().flatMap(({ preset, version, refs }) =>
    refs.filter((ref) => !isCitationOf(version, ref)).map((ref) => `${preset} (${version}): ${ref}`),
  );
  expect(wrong).toEqual([]);
}, 30_000); // runs every preset (about 2 s here)

test("every chip a lesson's runs show is a statement or section of the run's version", async () => {
  const wrong: string[] = [];
  for (const [id, lesson] of Object.entries(await loadLessons(root))) {
    for (const [name, scenario] of Object.entries(lesson.scenarios)) {
      const version = versionOf(scenario);
      for (const ref of runShows(scenario))
        if (!isCitationOf(version, ref)) wrong.push(`${id}/${name} (${version}): ${ref}`);
    }
  }
  expect(wrong).toEqual([]);
}, 30_000); // runs every lesson scenario (about 3 s here)
