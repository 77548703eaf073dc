/**
 * What a browser test measures to say the diagram reads from the back of a room: the text boxes as
 * drawn (getBoundingClientRect), their font sizes, and the arrows' lines in screen coordinates.
 * Runs inside the page (`page.evaluate(measureLegibility, …)`): it must not close over anything, so
 * the one function it shares with the app comes in as source (SEGMENT_HITS_BOX).
 */
import { segmentHitsBox } from '../../app/lab/diagram/box.ts';

export interface Legibility {
  /** Texts under the size asked for: "where: text (px)". */
  small: string[];
  /** Packet labels cut short with "…" (or clipped by their box). */
  truncated: string[];
  /** Two labels that overlap: "a / b". */
  overlaps: string[];
  /** A packet label crossed by another packet's arrow: "label × arrow". */
  crossed: string[];
  /** A loss mark × nearer another packet's line than its own. */
  strayCrosses: string[];
  /** How many packet labels were looked at. */
  labels: number;
}

/** The source of the diagram's segment-and-box test, for `measureLegibility`'s `segmentHitsBox`. */
export const SEGMENT_HITS_BOX = segmentHitsBox.toString();

export function measureLegibility(args: { minPx: number; scopes: string[]; segmentHitsBox: string }): Legibility {
  const out: Legibility = { small: [], truncated: [], overlaps: [], crossed: [], strayCrosses: [], labels: 0 };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };

  // font sizes: every piece of text in the named panels that a person can see
  for (const scope of args.scopes) {
    for (const root of document.querySelectorAll(scope)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const el = node.parentElement;
        if (!text || !el || !visible(el) || el.closest('[hidden], .visually-hidden, .sr-only, [popover]')) continue;
        if (el.closest('title')) continue;
        // svg text is scaled with its drawing (a viewBox): what the eye gets is size × scale
        let px = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGGraphicsElement) {
          const m = el.getScreenCTM();
          if (m) px *= Math.hypot(m.a, m.b);
        }
        if (px < args.minPx - 0.05) out.small.push(`${scope}: ${text.slice(0, 30)} (${px.toFixed(1)} px)`);
      }
    }
  }

  const svg = document.querySelector('[data-panel=SequenceDiagram] svg.canvas');
  if (!svg) return out;
  const clip = svg.getBoundingClientRect();
  type Box = { x0: number; y0: number; x1: number; y1: number; text: string; owner: Element | null };
  const boxOf = (el: Element, owner: Element | null): Box => {
    const r = el.getBoundingClientRect();
    return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, text: el.textContent ?? '', owner };
  };
  const inView = (b: Box) => b.y1 > clip.top && b.y0 < clip.bottom;
  const labels = [...svg.querySelectorAll('g.arrow text.label')].map((el) => boxOf(el, el.closest('g.arrow')));
  const names = [...svg.querySelectorAll('g.marks text, g.timers text')].map((el) => boxOf(el, null));
  const shown = labels.filter(inView);
  out.labels = shown.length;

  for (const label of shown) if (label.text.includes('…')) out.truncated.push(label.text);

  const overlap = (a: Box, b: Box) =>
    Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
  const all = [...shown, ...names.filter(inView)];
  for (let i = 0; i < shown.length; i++) {
    for (let j = 0; j < all.length; j++) {
      if (all[j] === shown[i] || (j < shown.length && j < i)) continue;
      if (overlap(shown[i], all[j])) out.overlaps.push(`${shown[i].text} / ${all[j].text}`);
    }
  }

  // arrows' lines in screen coordinates
  type Segment = { x1: number; y1: number; x2: number; y2: number; owner: Element; text: string };
  const segments: Segment[] = [];
  for (const line of svg.querySelectorAll<SVGLineElement>('g.arrow line.line')) {
    const m = line.getScreenCTM();
    if (!m) continue;
    const at = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(m);
    const a = at(line.x1.baseVal.value, line.y1.baseVal.value);
    const b = at(line.x2.baseVal.value, line.y2.baseVal.value);
    const owner = line.closest('g.arrow')!;
    segments.push({
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      owner,
      text: owner.querySelector('text.label')?.textContent ?? owner.getAttribute('data-key') ?? '',
    });
  }
  // the diagram's own test (app/lab/diagram/box.ts), its source passed in: one copy of the geometry
  const lineHitsBox = new Function(`return (${args.segmentHitsBox})`)() as typeof segmentHitsBox;
  // on the box shrunk by a pixel: a line grazing the halo is not a crossing
  const hits = (s: Segment, box: Box) =>
    lineHitsBox(s.x1, s.y1, s.x2, s.y2, { x0: box.x0 + 1, y0: box.y0 + 1, x1: box.x1 - 1, y1: box.y1 - 1 });
  for (const label of shown) {
    for (const s of segments)
      if (s.owner !== label.owner && hits(s, label)) out.crossed.push(`${label.text} × ${s.text}`);
  }

  // a × belongs to the line it ends: no other packet's line passes nearer its centre than its own
  const distance = (s: Segment, x: number, y: number) => {
    const dx = s.x2 - s.x1;
    const dy = s.y2 - s.y1;
    const len2 = dx * dx + dy * dy || 1;
    const t = Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / len2));
    return Math.hypot(s.x1 + t * dx - x, s.y1 + t * dy - y);
  };
  for (const cross of svg.querySelectorAll('g.arrow path.end-cross')) {
    const r = cross.getBoundingClientRect();
    if (r.bottom < clip.top || r.top > clip.bottom) continue;
    const x = (r.left + r.right) / 2;
    const y = (r.top + r.bottom) / 2;
    const owner = cross.closest('g.arrow');
    const own = segments.find((s) => s.owner === owner);
    if (!own) continue;
    const mine = distance(own, x, y);
    for (const s of segments) {
      if (s.owner === owner) continue;
      if (distance(s, x, y) < Math.max(mine + 0.5, r.width / 2)) out.strayCrosses.push(`${own.text} × near ${s.text}`);
    }
  }
  return out;
}
