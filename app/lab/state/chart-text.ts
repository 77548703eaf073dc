/** Text sizes for statecharts, shared by the layout (loaded on demand) and the view. */
export type LineStyle = 'name' | 'code' | 'note' | 'event' | 'guard' | 'title';

/**
 * Font sizes in chart units (an SVG unit is a CSS pixel at 100 %). None under 13: the chart is
 * drawn at least at its natural size, so no text in it is under 13 CSS px (read at a projector).
 */
export const FONT: Record<LineStyle, number> = {
  name: 15,
  title: 15,
  code: 13,
  note: 13,
  event: 13.5,
  guard: 13,
};

/**
 * An estimate of a line's width (no DOM: layout runs in tests too). CJK characters are a full em,
 * Latin letters a little over half; generous so text never overflows its box.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x2e80) em += 1;
    else if (/[iljtf.,:;'|!()[\] ]/.test(ch)) em += 0.36;
    else if (/[mwMW]/.test(ch)) em += 0.9;
    else if (/[A-Z0-9×→_]/.test(ch)) em += 0.72;
    else em += 0.62;
  }
  return Math.ceil(em * size * (bold ? 1.1 : 1));
}

/** Styles drawn in bold. */
export const BOLD: ReadonlySet<LineStyle> = new Set(['name', 'title', 'event']);
