/**
 * Finding the spec citations in a text, and the version each one is shown under.
 *
 * How the version is known, most specific first:
 * 1. The codec's `rule(version, v311, v5)`: the first text is 3.1.1's, the second 5.0's. A table row
 *    that pairs two citations the same way (`PUBACK: ['MQTT-2.3.1-6', 'MQTT-2.2.1-5']`) reads alike.
 * 2. A version named just before it on the same line: "5.0: [MQTT-3.1.3-9]", "3.1.1 §4.2",
 *    "MQTT 5.0 … [MQTT-4.4.0-1]" (within the few words before it). In the idiom
 *    "[MQTT-3.3.1-10] (5.0: [MQTT-3.3.1-6])" the unmarked first one is then 3.1.1's.
 * 3. Otherwise the context's version. A lesson step shows the run it names (its scenario's
 *    `version`), so its prose is held to that version. The app's strings (narration, explanations)
 *    are shown in runs of either version, so an unmarked one must be a statement of both. Code
 *    (engine/, app/) and the lessons' checks are read, not shown under a version; an unmarked
 *    citation there must be a statement of one version at least ('either'), and the map files it
 *    under the version(s) it belongs to.
 */
import type { SpecVersion } from './statement.ts';

/** The version(s) a citation is shown under: one, both, or (code) whichever it belongs to. */
export type Shown = SpecVersion | 'both' | 'either';

export interface Citation {
  /** 'MQTT-3.1.2-29' or '§2.2.3' */
  ref: string;
  /** 1-based */
  line: number;
  shown: Shown;
  /** how `shown` was decided: 'rule' | 'pair' | 'marker' | 'context' */
  how: 'rule' | 'pair' | 'marker' | 'context';
}

const ID = String.raw`MQTT-\d+[.-]\d+(?:[.-]+\d+)*(?:\/\d+)*`;
const SECTION = String.raw`§\d+(?:\.\d+)*`;
/** A family written with a star ('[MQTT-4.7.1-*]') names no one statement and is left out. */
const REF = new RegExp(`(?:${ID}|${SECTION})(?![\\d.-]*\\*)`, 'g');
/** `rule(version, 'a', 'b')`, possibly over several lines. */
const RULE_CALL = /\brule\(\s*[\w.]+\s*,\s*'([^']*)'\s*,\s*'([^']*)'\s*\)/g;
/** `['a', 'b']` where both are citations (or one is empty: "no statement in this version"). */
const PAIR = new RegExp(`\\[\\s*'(${ID}|${SECTION}|)'\\s*,\\s*'(${ID}|${SECTION}|)'\\s*\\]`, 'g');
/** A version named in the few words before a citation, within its sentence. */
const BEFORE_5 = /(?:\b5\.0|MQTT 5\b|\bv5\b|version === 5)[^.;。；\n]{0,40}$/;
const BEFORE_311 = /(?:\b3\.1\.1|\bv311\b|version === 4)[^.;。；\n]{0,40}$/;
/**
 * …or right after it: "[MQTT-4.3.3-10] (the 5.0 number", "([MQTT-3.2.2-7], in 5.0's numbering)";
 * not "(5.0: [B])", which introduces the other version's number.
 */
const AFTER_5 = /^\]?\s*[(,（，]?\s*(?:the |in |这是\s*)?5\.0(?!\s*[:：]|\s*§|\s*\[)/;
const AFTER_311 = /^\]?\s*[(,（，]?\s*(?:the |in |这是\s*)?3\.1\.1(?!\s*[:：]|\s*§|\s*\[)/;
/** The "[A] (5.0: [B])" idiom: B is the 5.0 alternative, so an unmarked A on that line is 3.1.1's. */
const ALTERNATIVE_5 = /[(（]\s*5\.0\s*[:：]?\s*\[?$/;

/** 'MQTT-4.8.2-1/2' → ['MQTT-4.8.2-1', 'MQTT-4.8.2-2']; a section or plain id → itself. */
export function expand(ref: string): string[] {
  const [first, ...more] = ref.split('/');
  if (more.length === 0) return [first];
  const stem = first.replace(/\d+$/, '');
  return [first, ...more.map((n) => stem + n)];
}

/**
 * Every citation in `text`. `context` is the version the surrounding text is shown under (rule 3),
 * or a function giving it per line (lesson prose: the step's run).
 */
export function findCitations(text: string, context: Shown | ((line: number) => Shown) = 'both'): Citation[] {
  const contextAt = typeof context === 'function' ? context : () => context;
  const decided = new Map<number, { shown: Shown; how: Citation['how'] }>();
  // rule 1: explicit pairs, keyed by the offset of each quoted text
  for (const [re, how] of [
    [RULE_CALL, 'rule'],
    [PAIR, 'pair'],
  ] as const) {
    for (const m of text.matchAll(re)) {
      decided.set(m.index + m[0].indexOf(`'${m[1]}'`) + 1, { shown: '3.1.1', how });
      decided.set(m.index + m[0].lastIndexOf(`'${m[2]}'`) + 1, { shown: '5.0', how });
    }
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (at: number) => {
    let line = 1;
    while (line < lineStarts.length && lineStarts[line] <= at) line++;
    return line;
  };
  const found: Array<Citation & { alternative: boolean }> = [];
  let previousEnd = 0;
  for (const m of text.matchAll(REF)) {
    const line = lineOf(m.index);
    const before = text.slice(Math.max(previousEnd, lineStarts[line - 1]), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30).replace(/\s+/g, ' ');
    previousEnd = m.index + m[0].length;
    // "RFC 1122 §4.2.3.6": a section of another document, not of the MQTT specification
    if (m[0].startsWith('§') && /RFC\s*\d+\s*$/.test(before)) continue;
    const explicit = decided.get(m.index);
    let shown: Shown;
    let how: Citation['how'];
    if (explicit) ({ shown, how } = explicit);
    else if (BEFORE_5.test(before) || BEFORE_311.test(before)) {
      // the version named last before it wins: "3.1.1 §2.3.1, 5.0 §2.2.1"
      const five = before.search(BEFORE_5);
      const three = before.search(BEFORE_311);
      [shown, how] = [three > five ? '3.1.1' : '5.0', 'marker'];
    } else if (AFTER_5.test(after)) [shown, how] = ['5.0', 'marker'];
    else if (AFTER_311.test(after)) [shown, how] = ['3.1.1', 'marker'];
    else [shown, how] = [contextAt(line), 'context'];
    const alternative = how === 'marker' && shown === '5.0' && ALTERNATIVE_5.test(before);
    for (const ref of expand(m[0])) found.push({ ref, line, shown, how, alternative });
  }
  // "[A] (5.0: [B])": an unmarked A before B on B's line is the 3.1.1 citation
  for (const [i, c] of found.entries()) {
    if (!c.alternative) continue;
    for (let j = i - 1; j >= 0 && found[j].line === c.line; j--) {
      if (found[j].how === 'context' && found[j].shown !== '5.0') found[j].shown = '3.1.1';
    }
  }
  return found.map(({ alternative: _, ...c }) => c);
}
