/** The shape every decoded packet's spans must have (DESIGN.md, "Spans drive the byte view"). */
import type { Span } from '../../engine/codec/index.ts';

/**
 * Spans tile `[start, end)`: consecutive, no gaps, no overlaps; each span's children tile it; the
 * bit fields of one byte all cover that byte and their masks partition it.
 */
export function checkTiling(spans: readonly Span[], start: number, end: number, path = ''): string | undefined {
  if (spans.length === 0) return start === end ? undefined : `${path || 'packet'}: no spans for [${start}, ${end})`;
  const bits = spans.filter((s) => s.bitMask !== undefined);
  if (bits.length > 0) {
    const where = path || 'packet';
    if (bits.length !== spans.length) return `${where}: bit fields mixed with byte fields`;
    if (end - start !== 1) return `${where}: bit fields in a span of ${end - start} bytes`;
    let union = 0;
    for (const s of spans) {
      if (s.start !== start || s.end !== end)
        return `${where}.${s.field}: bit field [${s.start}, ${s.end}) not [${start}, ${end})`;
      if (union & s.bitMask!) return `${where}.${s.field}: mask ${s.bitMask!.toString(2)} overlaps another`;
      union |= s.bitMask!;
    }
    if (union !== 0xff) return `${where}: masks cover ${union.toString(2).padStart(8, '0')}, not the whole byte`;
    return undefined;
  }
  let at = start;
  for (const s of spans) {
    const name = `${path}${path ? ' > ' : ''}${s.field}`;
    if (s.start !== at) return `${name}: starts at ${s.start}, expected ${at}`;
    if (s.end <= s.start) return `${name}: empty or inverted [${s.start}, ${s.end})`;
    if (s.children) {
      const inner = checkTiling(s.children, s.start, s.end, name);
      if (inner) return inner;
    }
    at = s.end;
  }
  return at === end ? undefined : `${path || 'packet'}: spans end at ${at}, expected ${end}`;
}
