/**
 * Spans describe where each field of a packet lies, for the byte inspector. Top-level spans tile the
 * packet exactly (fixed header, variable header, payload); children tile their parent; the bit
 * fields of one byte share that byte and carry `bitMask`. Built only when asked for: the decoder's
 * fast path keeps `spans` null and pays one branch per field.
 */
export interface Span {
  /** Path of the field in the packet object ('topic', 'will.qos', 'properties.topicAlias') or a part's id. */
  field: string;
  /** i18n key of the field's name and explanation, e.g. 'field.packetId'. */
  label: string;
  start: number;
  /** Exclusive. */
  end: number;
  bitMask?: number;
  /** The value as a person reads it: decimal and hex for numbers, quoted text for strings. */
  value?: string;
  /** The rule that governs this field's value, where one does. */
  rule?: string;
  children?: Span[];
}

export class SpanRecorder {
  readonly roots: Span[] = [];
  private readonly stack: Span[] = [];

  open(field: string, label: string, start: number): void {
    const span: Span = { field, label, start, end: start, children: [] };
    this.add(span);
    this.stack.push(span);
  }

  close(end: number, value?: string): void {
    const span = this.stack.pop();
    if (!span) throw new Error('SpanRecorder.close without open');
    span.end = end;
    if (value !== undefined) span.value = value;
    if (span.children?.length === 0) delete span.children;
  }

  /**
   * After an error: end every open span at `end` — or further, where a part already read reaches
   * past it — so that what was read so far still tiles.
   */
  closeAll(end: number): Span[] {
    while (this.stack.length) {
      const open = this.stack[this.stack.length - 1];
      const childEnd = open.children?.reduce((max, c) => Math.max(max, c.end), open.start) ?? open.start;
      this.close(Math.max(end, childEnd));
    }
    return this.roots;
  }

  leaf(span: Span): void {
    this.add(span);
  }

  private add(span: Span): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children!.push(span);
    else this.roots.push(span);
  }
}

/** "10 (0x000A)": a number as it reads, with its hex at the field's width. */
export function formatNumber(value: number, bytes: number): string {
  return `${value} (0x${value
    .toString(16)
    .toUpperCase()
    .padStart(bytes * 2, '0')})`;
}

/** The bits of `value` under `mask`, most significant first: formatBits(0b0110, 0b0110) = '11'. */
export function formatBits(byte: number, mask: number): string {
  let out = '';
  for (let bit = 7; bit >= 0; bit--) if (mask & (1 << bit)) out += (byte >> bit) & 1;
  return out;
}

/**
 * The span with this field name ('fixedHeader', 'topic', 'will.qos' …) or path through nested
 * spans ('fixedHeader.firstByte'): the first match, depth first.
 */
export function findSpan(spans: readonly Span[], name: string): Span | undefined {
  for (const span of spans) {
    if (span.field === name) return span;
    if (span.children) {
      // a path: this span's field, then the rest inside it
      const rest = name.startsWith(`${span.field}.`)
        ? findSpan(span.children, name.slice(span.field.length + 1))
        : undefined;
      const inner = rest ?? findSpan(span.children, name);
      if (inner) return inner;
    }
  }
  return undefined;
}
