/**
 * The span tree of one packet laid out for the views: a flat list of rows in reading order (the
 * field tree), which row each byte belongs to (the hex grid), and the bit groups of flag bytes
 * (the bit grid). Pure functions of the spans; the views only read them.
 */
import type { Span } from '$engine';

/** The three top-level parts of a packet, and bytes that no span covers (after an error). */
export type Part = 'fixed' | 'variable' | 'payload' | 'unread';

export interface Row {
  id: number;
  span: Span;
  depth: number;
  /** Row id of the parent, -1 at the top. */
  parent: number;
  part: Part;
  /** This row is one byte whose children are bit fields (first byte, connect flags, a length byte …). */
  flagByte: boolean;
}

export interface Layout {
  rows: Row[];
  /** For each byte: id of the deepest row covering it that is not a bit field; -1 if none. */
  byteRow: Int32Array;
  /** For each byte: the part it belongs to. */
  bytePart: Part[];
}

const PART_OF_FIELD: Record<string, Part> = { fixedHeader: 'fixed', variableHeader: 'variable', payload: 'payload' };

export function layoutSpans(spans: readonly Span[], length: number): Layout {
  const rows: Row[] = [];
  const byteRow = new Int32Array(length).fill(-1);
  const bytePart: Part[] = new Array<Part>(length).fill('unread');
  const visit = (span: Span, depth: number, parent: number, part: Part) => {
    const id = rows.length;
    const flagByte = span.end - span.start === 1 && (span.children?.some((c) => c.bitMask !== undefined) ?? false);
    rows.push({ id, span, depth, parent, part, flagByte });
    if (span.bitMask === undefined) {
      const end = Math.min(span.end, length);
      for (let b = Math.max(0, span.start); b < end; b++) {
        byteRow[b] = id;
        bytePart[b] = part;
      }
    }
    for (const child of span.children ?? []) visit(child, depth + 1, id, part);
  };
  for (const span of spans) visit(span, 0, -1, PART_OF_FIELD[span.field] ?? 'variable');
  return { rows, byteRow, bytePart };
}

/**
 * What is pointed at: a byte range, maybe some bits of one byte, maybe a particular field (its
 * label). Points across decodes: the same bytes decoded as 3.1.1 and as 5.0 light up together.
 */
export interface Focus {
  start: number;
  end: number;
  bitMask?: number;
  label?: string;
}

/**
 * Who keeps what is pointed at and chosen, for the packet views (the explainer, the lab's
 * inspector): the pointer's focus wins over the choice; the bit grid shows the last flag byte.
 */
export interface Pointing {
  readonly hover: Focus | null;
  readonly selected: Focus | null;
  readonly focus: Focus | null;
  readonly bitOffset: number;
  point(focus: Focus | null, flagByte?: number): void;
  select(focus: Focus | null, flagByte?: number): void;
}

export function focusOfRow(row: Row): Focus {
  const { start, end, bitMask, label } = row.span;
  return bitMask === undefined ? { start, end, label } : { start, end, bitMask, label };
}

export function focusOfByte(offset: number): Focus {
  return { start: offset, end: offset + 1 };
}

/**
 * The row a focus means in this layout: the same field if it is here, else a field over the same
 * bytes and bits, else the deepest field over its first byte.
 */
export function resolveFocus(layout: Layout, focus: Focus | null): Row | undefined {
  if (!focus) return undefined;
  const same = (row: Row) =>
    row.span.start === focus.start && row.span.end === focus.end && row.span.bitMask === focus.bitMask;
  if (focus.label !== undefined) {
    const exact = layout.rows.find((row) => same(row) && row.span.label === focus.label);
    if (exact) return exact;
  }
  if (focus.bitMask !== undefined || focus.label !== undefined) {
    const range = layout.rows.find(same);
    if (range) return range;
  }
  const id = focus.start < layout.byteRow.length ? layout.byteRow[focus.start] : -1;
  return id >= 0 ? layout.rows[id] : undefined;
}

/** The row and its ancestors, innermost first. */
export function lineage(layout: Layout, row: Row | undefined): Row[] {
  const out: Row[] = [];
  for (let r = row; r; r = r.parent >= 0 ? layout.rows[r.parent] : undefined) out.push(r);
  return out;
}

/** The flag-byte row at `offset`, if that byte is one. */
export function flagByteAt(layout: Layout, offset: number): Row | undefined {
  return layout.rows.find((row) => row.flagByte && row.span.start === offset);
}

/** The flag byte a row is about: itself, or the byte its bits belong to. */
export function flagByteOf(layout: Layout, row: Row | undefined): Row | undefined {
  if (!row) return undefined;
  if (row.flagByte) return row;
  if (row.span.bitMask !== undefined && row.parent >= 0) return layout.rows[row.parent];
  return undefined;
}

export interface BitGroup {
  row: Row;
  /** Highest and lowest bit numbers (7 … 0). */
  high: number;
  low: number;
  mask: number;
}

/** The bit fields of a flag byte, most significant first. */
export function bitGroups(layout: Layout, byteRow: Row): BitGroup[] {
  return layout.rows
    .filter((row) => row.parent === byteRow.id && row.span.bitMask !== undefined)
    .map((row) => {
      const mask = row.span.bitMask!;
      let high = -1;
      let low = 8;
      for (let bit = 0; bit < 8; bit++) {
        if (mask & (1 << bit)) {
          high = Math.max(high, bit);
          low = Math.min(low, bit);
        }
      }
      return { row, high, low, mask };
    })
    .sort((a, b) => b.high - a.high);
}

/** Start of the field after the one at `offset` (for ↓ in the hex grid); undefined at the end. */
export function nextFieldStart(layout: Layout, offset: number): number | undefined {
  const id = layout.byteRow[offset];
  const end = id >= 0 ? layout.rows[id].span.end : offset + 1;
  return end < layout.byteRow.length ? end : undefined;
}

/** Start of the field before the one at `offset` (for ↑ in the hex grid). */
export function previousFieldStart(layout: Layout, offset: number): number | undefined {
  const id = layout.byteRow[offset];
  const start = id >= 0 ? layout.rows[id].span.start : offset;
  if (start <= 0) return undefined;
  const before = layout.byteRow[start - 1];
  return before >= 0 ? layout.rows[before].span.start : start - 1;
}
