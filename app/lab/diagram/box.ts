/**
 * A label's box and whether a line passes through it: plain geometry with no imports, so that a
 * browser test can run the very same function inside the page (test/e2e/legibility.ts passes its
 * source to page.evaluate), where nothing of the app can be imported.
 */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether the segment (x1, y1)–(x2, y2) passes through `box` (Liang–Barsky clipping). */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
  if (Math.max(x1, x2) < box.x0 || Math.min(x1, x2) > box.x1 || Math.max(y1, y2) < box.y0 || Math.min(y1, y2) > box.y1)
    return false;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - box.x0],
    [dx, box.x1 - x1],
    [-dy, y1 - box.y0],
    [dy, box.y1 - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}
