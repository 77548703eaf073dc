/**
 * Reading and writing golden traces. A full trace is kept as gzipped JSON lines (one event per
 * line, bytes as hex, exactly as traceToJson writes them), so a difference can be shown event by
 * event. A random run keeps only digests: sha256 of its scenario and of its whole trace, plus one
 * per block of events, so a difference can be narrowed to a block without storing megabytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type TraceEvent, traceToJson } from '../../engine/index.ts';

export const GOLDEN_DIR = new URL('./traces/', import.meta.url);
export const DIGESTS_FILE = new URL('./random-digests.json', import.meta.url);
/** Events per digest block of a random run. */
export const BLOCK = 256;

/** Each event as the JSON traceToJson gives it. */
export function eventLines(trace: readonly TraceEvent[]): string[] {
  return trace.map((event) => traceToJson([event]).slice(1, -1));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function writeFullTrace(name: string, trace: readonly TraceEvent[]): void {
  // mtime 0 and level 9: the same trace always gives the same file, so git sees no change
  const body = gzipSync(eventLines(trace).join('\n') + '\n', { level: 9 });
  writeFileSync(new URL(`${name}.jsonl.gz`, GOLDEN_DIR), body);
}

export function readFullTrace(name: string): string[] {
  const text = gunzipSync(readFileSync(new URL(`${name}.jsonl.gz`, GOLDEN_DIR))).toString('utf8');
  return text.split('\n').filter((line) => line.length > 0);
}

export interface Digest {
  scenario: string;
  events: number;
  trace: string;
  /** sha256 (first 16 hex digits) of each block of BLOCK events. */
  blocks: string[];
}

export function digest(scenarioJson: string, trace: readonly TraceEvent[]): Digest {
  const lines = eventLines(trace);
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i += BLOCK) blocks.push(sha256(lines.slice(i, i + BLOCK).join('\n')).slice(0, 16));
  return { scenario: sha256(scenarioJson), events: lines.length, trace: sha256(lines.join('\n')), blocks };
}

export function readDigests(): Record<string, Digest> {
  return JSON.parse(readFileSync(DIGESTS_FILE, 'utf8')) as Record<string, Digest>;
}

export function writeDigests(digests: Record<string, Digest>): void {
  writeFileSync(DIGESTS_FILE, JSON.stringify(digests, null, 1) + '\n');
}

/** The first event where two traces part, shown both ways; null when they are the same. */
export function firstDifference(expected: readonly string[], actual: readonly string[]): string | null {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] === actual[i]) continue;
    return [
      `first difference at event ${i} (golden has ${expected.length} events, this run ${actual.length}):`,
      `  golden: ${expected[i] ?? '(none)'}`,
      `  now:    ${actual[i] ?? '(none)'}`,
    ].join('\n');
  }
  return null;
}
