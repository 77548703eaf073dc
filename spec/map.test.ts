/**
 * spec/map.json is the map of the spec the page shows, and it is what the source says today: this
 * test builds it again (build-map.ts) and fails when the file differs. To bring the file up to date:
 *   UPDATE_SPEC_MAP=1 npx vitest run spec/map.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Span, decode, simulate } from '$engine';
import { expect, test } from 'vitest';
import { narrateAll } from '../app/lab/narration/narration.ts';
import { PRESETS } from '../app/lab/presets.ts';
import { type PresetShows, buildMap } from './build-map.ts';
import { loadLessons, scanRepository } from './scan.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const file = fileURLToPath(new URL('./map.json', import.meta.url));

function spanRules(spans: readonly Span[] | undefined, into: Set<string>): void {
  for (const s of spans ?? []) {
    if (s.rule) into.add(s.rule);
    spanRules(s.children, into);
  }
}

/** The chips a preset's run shows: on its narration lines, and on the fields of every packet sent. */
function presetShows(): PresetShows[] {
  return PRESETS.map(({ id, scenario }) => {
    const version = scenario.version === 5 ? '5.0' : '3.1.1';
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
    return { preset: id, version, refs: [...refs].sort() };
  });
}

test('spec/map.json is the map the source gives today', async () => {
  const map = buildMap(scanRepository(root, await loadLessons(root)), presetShows());
  const text = `${JSON.stringify(map, null, 1)}\n`;
  if (process.env.UPDATE_SPEC_MAP) writeFileSync(file, text);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(map);
}, 30_000); // reads every source file, imports every lesson and runs every preset (about 5 s here)
