/**
 * The sequence diagram's state: its size, its zoom (k) and scroll (ty) on the time axis, whether it
 * follows the cursor, and — derived from the lab — what is in the visible window of time: arrows,
 * timer bars, marks, connected stretches of lifelines, axis ticks. Only the window is looked at
 * (interval index and binary search), and an arrow that has arrived is laid out once per zoom level,
 * so scrolling a long run touches only what enters or leaves the view.
 *
 * A second view in `export` mode lays out the whole run up to the cursor for the SVG/PNG export.
 */
import { cached, markLabel, stepText, timerName } from './diagram-text.ts';
import { language, t } from '../../i18n/i18n.svelte.ts';
import type { Lab } from '../lab.svelte.ts';
import type { Scenario } from '$engine';
import { runOf } from './lab-run.ts';
import {
  type ArrowShape,
  type Box,
  type Cursor,
  type PacketFamily,
  type TimerShape,
  type LaneClient,
  type Point,
  arrowShape,
  clampTranslate,
  segmentHitsBox,
  copyProgress,
  fitLabel,
  fitText,
  laneOrder,
  laneXs,
  packetFamily,
  sendLabel,
  placeLabels,
  timeScale,
  textWidth,
  timeTicks,
  timerShape,
} from './sequence-layout.ts';
import {
  BROKER,
  type Copy,
  type Mark,
  type Outage,
  type PacketArrow,
  type TimerBar,
  lowerBoundByTime,
  stepParty,
  upperBoundByTime,
} from './run-model.ts';

/** The smallest text the diagram writes, in CSS px (the normal view, at a projector). */
export const MIN_FONT_PX = 13;
/** Pixels per virtual ms at zoom 1. */
export const BASE_PX_PER_MS = 0.6;
/** …at a 16 px font; larger text spreads time out with it, so labels keep their room. */
const BASE_EM = 16;
/** Low enough to fit a run of hours in a short view: Fit shows any run whole. */
export const MIN_ZOOM = 0.0002;
export const MAX_ZOOM = 24;
/** Space above time 0 inside the scrolled content. */
export const PAD_TOP = 14;
/** More arrows than this in view: drawn as one plain path, not one button each (zoom in to pick). */
export const DENSE_LIMIT = 600;
/**
 * More timers than this in view (a run of many clients retrying every 50 ms, zoomed out): drawn
 * as one plain path of bars, not one group each.
 */
export const DENSE_TIMERS = 400;
/** Arrived arrows laid out and kept for reuse, at most (a few views' worth): the heap stays flat as a run plays. */
const ARROW_CACHE_LIMIT = 4 * DENSE_LIMIT;
/** More arrows than this in view: no labels on them. */
export const LABEL_LIMIT = 180;
/** A whole-run export with more arrows than this exports the visible window instead. */
export const EXPORT_LIMIT = 4_000;

export interface ArrowItem {
  /** `${send seq}:${copy index}`. */
  key: string;
  arrow: PacketArrow;
  copy: Copy;
  copyIndex: number;
  family: PacketFamily;
  label: string;
  /** What is written on it: a copy's tag, its label, how often tcp retransmitted it. */
  text: string;
  shape: ArrowShape;
  inFlight: boolean;
}

export interface TimerItem {
  key: number;
  bar: TimerBar;
  shape: TimerShape;
  /** Where its name is written (kept in view while the bar is), or null for no name. */
  labelY: number | null;
  side: 1 | -1;
  /** Room for its name, in px. */
  room: number;
  /** Its name, shortened to the room. */
  text: string;
  /** Where its name is, when it has one. */
  box: Box | null;
}

export interface MarkItem {
  key: number;
  mark: Mark;
  x: number;
  y: number;
  /** Where its label is written, or null: left out rather than drawn far from its moment. */
  labelY: number | null;
  side: 1 | -1;
  /** Room for its label, in px, before the edge or the next lifeline. */
  room: number;
  /** Its label, shortened to the room. */
  text: string;
  /** Where the label is. */
  box: Box;
}

export interface SpanItem {
  key: string;
  x: number;
  y1: number;
  y2: number;
}

/** Zoom and scroll on the time axis, and whether it follows the cursor: one per diagram, or shared. */
export class TimeAxis {
  k = $state(1);
  ty = $state(0);
  follow = $state(true);
}

export class SequenceView {
  readonly lab: Lab;
  readonly mode: 'screen' | 'export';

  width = $state(640);
  height = $state(420);
  /** Pixels per rem (the page's font size, larger with "large text"). */
  em = $state(16);
  /** The time axis: zoom, scroll, follow. Shared by the diagrams of a comparison, so they scroll as one. */
  readonly axis: TimeAxis;
  /** Zoom on the time axis (× BASE_PX_PER_MS × em / 16). */
  get k(): number {
    return this.axis.k;
  }
  set k(k: number) {
    this.axis.k = k;
  }
  /** Vertical scroll of the content, in px (≤ 0). */
  get ty(): number {
    return this.axis.ty;
  }
  set ty(ty: number) {
    this.axis.ty = ty;
  }
  /** Keep the cursor in view. */
  get follow(): boolean {
    return this.axis.follow;
  }
  set follow(on: boolean) {
    this.axis.follow = on;
  }
  /** A zoom gesture is going on: labels wait until it ends (laying out text is what zooming costs). */
  zooming = $state(false);
  /** Export mode: the whole run up to the cursor (else what the screen shows). */
  whole = $state(true);

  readonly run = $derived.by(() => runOf(this.lab));
  readonly cursor: Cursor = $derived.by(() => ({ seq: this.lab.seq, timeMs: this.lab.timeMs }));
  readonly lanes = $derived.by(() => lanesOf(this.lab.scenario));
  /** The diagram's text size in px: 0.7 rem, never under 13 px (read from the back of a room). */
  readonly fontPx = $derived(Math.max(this.em * 0.7, MIN_FONT_PX));
  /** Height of the band of lifeline names above the scrolled content. */
  readonly top = $derived(Math.round(this.em * 2.4));
  /** Room for the time axis: "10.600 s" at the diagram's text size. */
  readonly gutter = $derived(Math.round(Math.max(this.em * 4, this.fontPx * 5.6)));
  /**
   * Room outside the first and last lifelines, for their timers and the names of their marks:
   * enough for the longest name the scenario's steps put there (so "fault: drop the next PUBACK"
   * is not cut short), within 4.5 em and a fifth of the width.
   */
  readonly pad = $derived.by(() => {
    const widest = this.#widestEdgeStep(this.lab.scenario, this.lanes, this.fontPx, language());
    const wanted = Math.max(this.em * 4.5, Math.min(this.em * 9, this.width * 0.14), widest + 30);
    return Math.round(Math.min(wanted, this.width * 0.2));
  });
  readonly laneX = $derived(laneXs(this.lanes, this.width, this.gutter, this.pad));
  #edgeMemo: { key: unknown[]; widest: number } | null = null;

  /**
   * How wide the longest step name on the first or last lifeline is. Remembered per scenario,
   * lanes, size and language: the pad is read for every label, and a run can have many steps.
   */
  #widestEdgeStep(scenario: Scenario, lanes: readonly string[], fontPx: number, lang: string): number {
    const key = [scenario, lanes, fontPx, lang];
    const memo = this.#edgeMemo;
    if (memo && memo.key.every((part, i) => part === key[i])) return memo.widest;
    const first = lanes[0];
    const last = lanes[lanes.length - 1];
    let widest = 0;
    for (const step of scenario.steps) {
      const party = stepParty(step);
      if (party === first || party === last) widest = Math.max(widest, textWidth(stepText(step), fontPx));
    }
    this.#edgeMemo = { key, widest };
    return widest;
  }

  /** Room beside a lifeline for labels at x on `side`: up to the edge, or most of the way to the next lifeline. */
  roomBeside(x: number, side: 1 | -1): number {
    let edge = side > 0 ? this.width - 4 : this.gutter + 4;
    for (const party of this.lanes) {
      const other = this.laneX[party];
      if (side > 0 && other > x + 1) edge = Math.min(edge, x + (other - x) * 0.8);
      if (side < 0 && other < x - 1) edge = Math.max(edge, x - (x - other) * 0.8);
    }
    return Math.max(0, Math.abs(edge - x) - 14);
  }

  /**
   * Which side of each lifeline its timers and mark labels go: outward for the first and last
   * (where no arrow goes), to the right for the others.
   */
  readonly sideOf = $derived.by(() => {
    const first = this.lanes[0];
    return (party: string): 1 | -1 => (party === first && this.lanes.length > 1 ? -1 : 1);
  });
  readonly pxPerMs = $derived(this.pxPerMsAt(this.k));
  /** Virtual ms → y in the content (which is drawn translated by `top + ty`). */
  readonly y = $derived(timeScale(this.pxPerMs, PAD_TOP));
  /** The content's lowest y worth scrolling to: a little past the cursor. */
  readonly bottom = $derived.by(() => this.y(Math.max(0, this.lab.timeMs)) + this.below());
  /** Drawing the whole run up to the cursor (an export), not a scrolled window. */
  readonly fullRun = $derived.by(() => this.mode === 'export' && this.whole);
  /** The content's scroll as drawn. */
  readonly offsetY = $derived(this.fullRun ? 0 : this.ty);
  /** The drawing's height: the view's, or the whole run's. */
  readonly canvasHeight = $derived.by(() =>
    this.fullRun ? Math.ceil(this.top + this.y(Math.max(0, this.lab.timeMs)) + this.em * 3) : this.height,
  );

  /** The virtual time in view, with a margin for labels. */
  readonly window = $derived.by(() => {
    if (this.fullRun) return { t0: 0, t1: this.lab.timeMs };
    const margin = (2 * this.em) / this.pxPerMs;
    return {
      t0: Math.max(0, this.y.invert(-this.ty) - margin),
      t1: this.y.invert(this.height - this.top - this.ty) + margin,
    };
  });

  // A cache, not state: nothing reads it reactively.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #cache = new Map<string, ArrowItem>();
  #cacheKey = '';
  #ids: number[] = [];

  constructor(lab: Lab, mode: 'screen' | 'export' = 'screen', axis: TimeAxis = new TimeAxis()) {
    this.lab = lab;
    this.mode = mode;
    this.axis = axis;
  }

  /** The arrows in view at the cursor: laid out once when done, each frame while on their way. */
  readonly arrows = $derived.by(() => {
    const { model, revision } = this.run;
    void revision;
    const cursor = this.cursor;
    const { t0, t1 } = this.window;
    const laneX = this.laneX;
    const y = this.y;
    const key = `${model.generation}|${this.pxPerMs}|${this.lanes.map((p) => laneX[p]).join(',')}|${language()}`;
    // (and when it holds far more than a view can show: played through, a long run's every arrow)
    if (key !== this.#cacheKey || this.#cache.size > ARROW_CACHE_LIMIT) {
      this.#cache.clear();
      this.#cacheKey = key;
    }
    const ids = model.arrowIndex.query(t0, Math.min(t1, cursor.timeMs), this.#ids);
    const limit = this.mode === 'export' ? EXPORT_LIMIT : DENSE_LIMIT;
    // enough to take a lost packet's × clear of the arrow it answers, little enough to stay clear
    // of the next one: about a line
    const minDrop = Math.max(12, this.fontPx * 0.9);
    const items: ArrowItem[] = [];
    let dense = '';
    let count = 0;
    const tooMany = ids.length > limit;
    for (const id of ids) {
      const arrow = model.arrows[id];
      if (arrow.seq > cursor.seq) break; // ids ascend with seq
      const xFrom = laneX[arrow.send.from];
      const xTo = laneX[arrow.send.to];
      if (xFrom === undefined || xTo === undefined) continue;
      for (let c = 0; c < arrow.copies.length; c++) {
        const copy = arrow.copies[c];
        const progress = copyProgress(arrow, copy, cursor);
        if (!progress.shown) continue;
        count++;
        if (tooMany) {
          const s = arrowShape(arrow, copy, progress, xFrom, xTo, y, minDrop);
          dense += `M${s.x1},${s.y1}L${s.x2},${s.y2}`;
          continue;
        }
        const itemKey = `${arrow.seq}:${c}`;
        if (progress.done) {
          let item = this.#cache.get(itemKey);
          if (!item) {
            item = this.#item(
              itemKey,
              arrow,
              copy,
              c,
              arrowShape(arrow, copy, progress, xFrom, xTo, y, minDrop),
              false,
            );
            this.#cache.set(itemKey, item);
          }
          items.push(item);
        } else
          items.push(
            this.#item(itemKey, arrow, copy, c, arrowShape(arrow, copy, progress, xFrom, xTo, y, minDrop), true),
          );
      }
    }
    // A lost packet's × clear of the other arrows: its line's slope is chosen among a few
    if (!tooMany) this.#clearCrosses(items, laneX, cursor, minDrop);
    // Labels are placed so that none covers another, a mark's or a timer's name, or is crossed by
    // an arrow: each tries a few places along its own line (above it, then below it); the earlier
    // packet chooses first; a label with no free place is left out (hover or select still names it).
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built here, returned, never mutated after
    const labelled = new Map<string, Point>();
    if (!tooMany && count <= LABEL_LIMIT && !this.zooming) {
      const { marks, timers } = this.lifeline;
      const kept: Box[] = [
        ...marks.map((mark) => mark.box),
        ...timers.flatMap((timer) => (timer.box ? [timer.box] : [])),
      ];
      for (const item of items) {
        const spot = this.#labelSpot(item, items, kept);
        if (!spot) continue;
        labelled.set(item.key, spot.at);
        kept.push(spot.box);
      }
    }
    return { items, dense: tooMany ? dense : null, count, labelled };
  });

  /**
   * A lost packet's × must be seen on its own line: when another arrow passes within reach of it,
   * its line is drawn a little steeper or flatter (a few slopes tried, the × staying at its place
   * across the gap) until the × is clear, if one is. Items are replaced, not changed (the cache).
   */
  #clearCrosses(items: ArrowItem[], laneX: Record<string, number>, cursor: Cursor, minDrop: number): void {
    const reach = 8;
    const near = (item: ArrowItem, x: number, y: number) =>
      items.some((other) => other !== item && segmentDistance(other.shape, x, y) < reach);
    items.forEach((item, i) => {
      if (item.shape.endKind !== 'cross' || !near(item, item.shape.x2, item.shape.y2)) return;
      const { arrow, copy } = item;
      const progress = copyProgress(arrow, copy, cursor);
      for (const drop of [minDrop * 0.5, minDrop * 1.6, 0, minDrop * 2.2]) {
        const shape = arrowShape(arrow, copy, progress, laneX[arrow.send.from], laneX[arrow.send.to], this.y, drop);
        if (!near(item, shape.x2, shape.y2)) {
          items[i] = { ...item, shape };
          return;
        }
      }
    });
  }

  /** The box of an arrow's label with its baseline's middle at `at`. */
  labelBox(item: ArrowItem, at: Point): Box {
    const font = this.fontPx;
    const half = textWidth(item.text, font * 1.05) / 2 + 3;
    return { x0: at.x - half, x1: at.x + half, y0: at.y - font * 0.95, y1: at.y + font * 0.3 };
  }

  /** The first free place for an arrow's label along its line, or null. */
  #labelSpot(item: ArrowItem, items: readonly ArrowItem[], kept: readonly Box[]): { at: Point; box: Box } | null {
    const s = item.shape;
    const font = this.fontPx;
    const free = (at: Point): { at: Point; box: Box } | null => {
      const box = this.labelBox(item, at);
      if (box.x0 < this.gutter || box.x1 > this.width) return null;
      if (kept.some((other) => overlaps(box, other))) return null;
      if (items.some((o) => o !== item && segmentHitsBox(o.shape.x1, o.shape.y1, o.shape.x2, o.shape.y2, box)))
        return null;
      return { at, box };
    };
    const round = (v: number) => Math.round(v * 10) / 10;
    // Just sent (at the cursor, the will going out): its line is too short to carry its name, so
    // the name goes beside its sender, towards where it is going, above the cursor's line (below
    // it is the future, not drawn yet).
    if (item.inFlight && Math.hypot(s.x2 - s.x1, s.y2 - s.y1) < textWidth(item.text, font)) {
      const toward = Math.sign(this.laneX[item.arrow.send.to] - s.x1) || 1;
      const x = round(s.x1 + toward * (textWidth(item.text, font * 1.05) / 2 + 12));
      for (let row = 0; row < 3; row++) {
        const spot = free({ x, y: round(s.y1 - font * 0.4 - 2 - row * font * 1.4) });
        if (spot) return spot;
      }
    }
    for (const f of LABEL_FRACTIONS) {
      const px = s.x1 + (s.x2 - s.x1) * f;
      const py = s.y1 + (s.y2 - s.y1) * f;
      for (const dy of [-4, font * 0.95 + 3]) {
        const spot = free({ x: round(px), y: round(py + dy) });
        if (spot) return spot;
      }
    }
    return null;
  }

  #item(
    key: string,
    arrow: PacketArrow,
    copy: Copy,
    copyIndex: number,
    shape: ArrowShape,
    inFlight: boolean,
  ): ArrowItem {
    return {
      key,
      arrow,
      copy,
      copyIndex,
      family: packetFamily(arrow.send.packet.type),
      label: sendLabel(arrow.send),
      text: arrowText(arrow, copyIndex),
      shape,
      inFlight,
    };
  }

  /**
   * Timer bars and marks in view, on their party's lifeline. Their names are written beside the
   * lifeline and pushed apart together, so that a timer's name never hides a mark's.
   */
  readonly lifeline = $derived.by(() => {
    const { model, revision } = this.run;
    void revision;
    const cursor = this.cursor;
    const { t0, t1 } = this.window;
    const font = this.fontPx;
    const line = font * 1.25;
    const viewTop = -this.offsetY;
    // how far a name's middle keeps from the cursor's line (about half its height, and a little)
    const cursorY = this.y(cursor.timeMs);
    const clear = font * 0.75;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- scratch for this computation
    const wanted = new Map<string, { y: number; rank: number; set: (y: number | null) => void }[]>();
    const want = (party: string, y: number, rank: number, set: (y: number | null) => void) => {
      const list = wanted.get(party);
      if (list) list.push({ y, rank, set });
      else wanted.set(party, [{ y, rank, set }]);
    };

    const ids = model.timerIndex.query(t0, Math.min(t1, cursor.timeMs));
    const timers: TimerItem[] = [];
    let timersDense: string | null = null;
    if (ids.length > DENSE_TIMERS && this.mode === 'screen') {
      timersDense = '';
      for (const id of ids) {
        const bar = model.timers[id];
        const x = this.laneX[bar.party];
        const shape = x === undefined ? null : timerShape(bar, x, this.sideOf(bar.party), cursor, this.y);
        if (shape) timersDense += `M${shape.x},${shape.y1}L${shape.x},${Math.max(shape.y2, shape.y1 + 2)}`;
      }
      ids.length = 0;
    }
    const labelTimers = ids.length <= 80;
    // A timer started again as soon as the last one of its name ended (a retry, again and again) is
    // one story: only the first of such a chain is named, with how many there were ("resend #1 ×6").
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- scratch for this computation
    const chains = new Map<string, { item: TimerItem; count: number; endMs: number; name: string }>();
    for (const id of ids) {
      const bar = model.timers[id];
      const x = this.laneX[bar.party];
      if (x === undefined) continue;
      const side = this.sideOf(bar.party);
      const shape = timerShape(bar, x, side, cursor, this.y);
      if (!shape) continue;
      const room = this.roomBeside(shape.x, side);
      const name = timerName(bar);
      const item: TimerItem = { key: bar.index, bar, shape, labelY: null, side, room, text: '', box: null };
      timers.push(item);
      const chainKey = `${bar.party}|${name}`;
      const chain = chains.get(chainKey);
      const endMs = bar.endSeq <= cursor.seq ? bar.endMs : Infinity;
      if (chain && bar.startMs <= chain.endMs + 1) {
        chain.count++;
        chain.endMs = endMs;
        continue;
      }
      chains.set(chainKey, { item, count: 1, endMs, name });
      // the name stays in view while its bar is, just under the top edge (not in a small view)
      const sticky = this.height - this.top > this.em * 14;
      const y = sticky ? Math.max(shape.y1 + line * 0.7, viewTop + line) : shape.y1 + line * 0.7;
      if (labelTimers && y <= Math.max(shape.y2, shape.y1 + this.em)) {
        want(bar.party, y, 3, (at) => {
          item.labelY = at;
          if (at === null) return;
          const width = textWidth(item.text, font * 1.1) + 4; // generous: a label must not cover it
          const x0 = side > 0 ? shape.x + 6 : shape.x - 6 - width;
          item.box = { x0, x1: x0 + width, y0: at - font * 0.7, y1: at + font * 0.7 };
        });
      }
    }
    for (const chain of chains.values()) {
      const full = chain.count > 1 ? `${chain.name} ×${chain.count}` : chain.name;
      const room = chain.item.room;
      chain.item.text = cached(chain.item.bar, `name${Math.round(room)}/${font}/${chain.count}`, () =>
        fitText(full, room, font),
      );
    }

    const marks: MarkItem[] = [];
    const all = model.marks;
    const from = lowerBoundByTime(all, t0 - (3 * this.em) / this.pxPerMs);
    const to = upperBoundByTime(all, Math.min(t1, cursor.timeMs));
    for (let i = from; i < to && marks.length < 400; i++) {
      const mark = all[i];
      if (mark.seq > cursor.seq) continue;
      const x = this.laneX[mark.party];
      if (x === undefined) continue;
      const y = this.y(mark.atMs);
      const side = this.sideOf(mark.party);
      const room = this.roomBeside(x, side);
      const text = cached(mark, `label${Math.round(room)}/${font}`, () => fitLabel(markLabel(mark), room, font));
      const width = textWidth(text, font * 1.12) + 4; // generous (bold): a label must not cover it
      const x0 = side > 0 ? x + 12 : x - 12 - width;
      const item: MarkItem = {
        key: mark.seq,
        mark,
        x,
        y,
        labelY: y,
        side,
        room,
        text,
        box: { x0, x1: x0 + width, y0: y - font * 0.7, y1: y + font * 0.7 },
      };
      marks.push(item);
      // a mark at the cursor's time: its name just above the cursor's line, not struck through by it
      const wantY = Math.abs(y - cursorY) < clear ? cursorY - clear - 1 : y;
      want(mark.party, wantY, markRank(mark), (at) => {
        item.labelY = at;
        if (at !== null) item.box = { ...item.box, y0: at - font * 0.7, y1: at + font * 0.7 };
        else item.box = { x0: 0, x1: 0, y0: 0, y1: 0 };
      });
    }

    // Names pushed apart on each lifeline, but never far from their moment: one that would be
    // pushed more than a few lines is left out (its glyph stays; hover and the narration name it).
    for (const list of wanted.values()) {
      const ys = placeLabels(list, line, line * 2.5, { from: cursorY - clear, to: cursorY + clear });
      list.forEach((w, i) => w.set(ys[i]));
    }
    return { timers, timersDense, marks };
  });

  /** Cut cables in view: a band across the client's lane from the cut to its restore (or the cursor). */
  readonly outages = $derived.by(() => {
    const { model, revision } = this.run;
    void revision;
    const cursor = this.cursor;
    const { t0, t1 } = this.window;
    const items: { key: string; outage: Outage; x: number; y1: number; y2: number; open: boolean }[] = [];
    for (const outage of model.outages) {
      if (outage.startSeq > cursor.seq || outage.startMs > t1) continue;
      const open = outage.endSeq > cursor.seq;
      const endMs = open ? cursor.timeMs : outage.endMs;
      if (endMs < t0) continue;
      const x = this.laneX[outage.client];
      if (x === undefined) continue;
      items.push({
        key: `${outage.client}:${outage.startSeq}`,
        outage,
        x,
        y1: this.y(outage.startMs),
        y2: this.y(endMs),
        open,
      });
    }
    return items;
  });

  readonly timers = $derived(this.lifeline.timers);
  /** Too many timers in view: their bars as one path (else null). */
  readonly timersDense = $derived(this.lifeline.timersDense);
  readonly marks = $derived(this.lifeline.marks);

  /**
   * The lane names: one row under which each role is written when every name has room; else two
   * staggered rows (every other name lower, no role), each name shortened to twice the spacing.
   */
  readonly headers = $derived.by(() => {
    const fontPx = Math.max(this.em * 0.9, this.fontPx);
    const xs = this.lanes.map((party) => this.laneX[party]);
    let spacing = Infinity;
    for (let i = 1; i < xs.length; i++) spacing = Math.min(spacing, xs[i] - xs[i - 1]);
    const names = this.lanes.map((party) => (party === BROKER ? t('diagram.broker') : party));
    const widthOf = (text: string) => textWidth(text, fontPx * 1.08);
    const oneRow = names.every((name) => widthOf(name) + 8 <= spacing);
    return this.lanes.map((party, i) => {
      const broker = party === BROKER;
      return {
        party,
        broker,
        x: xs[i],
        y: oneRow ? this.top * 0.42 : this.top * (i % 2 === 0 ? 0.3 : 0.74),
        fontPx,
        name: oneRow ? names[i] : fitText(names[i], spacing * 2 - 10, fontPx * 1.08),
        role: oneRow ? (broker ? t('diagram.brokerRole') : t('diagram.client')) : null,
      };
    });
  });

  /** Stretches of client lifelines drawn bold: the MQTT connection is up. */
  readonly spans = $derived.by(() => {
    const { model, revision } = this.run;
    void revision;
    const cursor = this.cursor;
    const { t0, t1 } = this.window;
    const items: SpanItem[] = [];
    for (const span of model.connected) {
      if (span.startSeq > cursor.seq || span.startMs > t1) continue;
      const endMs = span.endSeq <= cursor.seq ? span.endMs : cursor.timeMs;
      if (endMs < t0) continue;
      const x = this.laneX[span.client];
      if (x === undefined) continue;
      items.push({ key: `${span.client}:${span.startSeq}`, x, y1: this.y(span.startMs), y2: this.y(endMs) });
    }
    return items;
  });

  readonly ticks = $derived.by(() => {
    const { t0, t1 } = this.window;
    return timeTicks(t0, t1, Math.round((this.canvasHeight - this.top) / (this.em * 4)));
  });

  /** The parties with a role (for names and aria). */
  isBroker(party: string): boolean {
    return party === BROKER;
  }

  /** Pixels per virtual ms at zoom `k`. */
  pxPerMsAt(k: number): number {
    return (BASE_PX_PER_MS * k * this.em) / BASE_EM;
  }

  /** Room kept below the cursor: the future is not drawn, so a little is enough. */
  below(): number {
    return Math.max(this.em * 2.5, (this.height - this.top) * 0.15);
  }

  /** Where the cursor is kept when following (content y in the view): low, the past above it. */
  followAt(): number {
    return this.height - this.top - this.below();
  }

  /**
   * The zoom that shows the run from its start to the cursor in the view's height; with `floor`,
   * never fewer pixels per virtual second than that (a long run then shows its latest part).
   */
  fitZoom(floor = 0, spanMs = this.lab.timeMs): number {
    const room = this.height - this.top - this.below() - PAD_TOP;
    spanMs = Math.max(spanMs, 100); // a run at its start: a tenth of a second
    const perMs = Math.max(room / spanMs, floor / 1_000);
    const k = perMs * (BASE_EM / (BASE_PX_PER_MS * this.em));
    return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k));
  }

  /**
   * What Fit shows: the run from its start to its last event shown, a little past it — not a
   * quiet stretch after it (the lab runs on 10 s after the last step), which would flatten what
   * happened into a strip. Never past the cursor.
   */
  fitSpanMs(): number {
    const { timeMs, seq } = this.lab;
    const lastMs = seq >= 0 ? (this.lab.trace[seq]?.atMs ?? 0) : 0;
    return Math.min(timeMs, lastMs + Math.max(200, lastMs * 0.04));
  }

  /** Clamp a scroll for zoom `k`. */
  clampTy(ty: number, k = this.k): number {
    const y = timeScale(this.pxPerMsAt(k), PAD_TOP);
    const bottom = y(Math.max(0, this.lab.timeMs)) + this.below();
    return clampTranslate(ty, bottom, this.height - this.top);
  }

  /** The virtual time at a y on screen (relative to the svg's top). */
  msAt(screenY: number, k = this.k, ty = this.ty): number {
    return timeScale(this.pxPerMsAt(k), PAD_TOP).invert(screenY - this.top - ty);
  }

  /** The scroll that puts virtual time `ms` at screen y `screenY` at zoom `k`. */
  tyFor(ms: number, screenY: number, k = this.k): number {
    return screenY - this.top - timeScale(this.pxPerMsAt(k), PAD_TOP)(ms);
  }

  /** The arrow before or after `seq` (a send) in time, among those shown at the cursor. */
  neighbour(seq: number | null, direction: 1 | -1): PacketArrow | undefined {
    const { model } = this.run;
    const arrows = model.arrows;
    const cursorSeq = this.cursor.seq;
    let i: number;
    if (seq === null) i = direction > 0 ? 0 : lastShown(arrows, cursorSeq);
    else {
      const current = model.arrowOf(seq);
      if (!current) return undefined;
      i = current.index + direction;
    }
    const arrow = arrows[i];
    return arrow && arrow.seq <= cursorSeq ? arrow : undefined;
  }

  /** Whole-run export size, or null when it would be too large (then the window is exported). */
  exportFits(): boolean {
    const { model } = this.run;
    const shown = lastShown(model.arrows, this.cursor.seq) + 1;
    return shown <= EXPORT_LIMIT && this.y(this.lab.timeMs) < 60_000;
  }
}

/**
 * Which names on a lifeline are placed first when they crowd: a close, an error or a step that
 * changes the network or a connection (a cut, a crash, a fault) before the routine ones.
 */
function markRank(mark: Mark): number {
  if (mark.kind === 'close' || mark.kind === 'error') return 0;
  if (mark.kind === 'step') return ['publish', 'subscribe', 'unsubscribe', 'connect'].includes(mark.step.do) ? 1 : 0;
  return 2;
}

/** Where along its line an arrow's label may go, in the order tried (0 = the sender). */
const LABEL_FRACTIONS = [0.4, 0.25, 0.55, 0.15, 0.7];

/** How far (x, y) is from a line's segment. */
function segmentDistance(s: { x1: number; y1: number; x2: number; y2: number }, x: number, y: number): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len2 = dx * dx + dy * dy || 1;
  const t = Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / len2));
  return Math.hypot(s.x1 + t * dx - x, s.y1 + t * dy - y);
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function arrowText(arrow: PacketArrow, copyIndex: number): string {
  const retransmits = arrow.retransmits ?? 0;
  return `${copyIndex > 0 ? `${t('diagram.copyTag')} ` : ''}${sendLabel(arrow.send)}${retransmits > 0 ? ` ↻${retransmits}` : ''}`;
}

const laneMemo = new WeakMap<Scenario, string[]>();

/** The lifelines of a scenario, in order (remembered: a run can have many steps to weigh). */
function lanesOf(scenario: Scenario): string[] {
  let lanes = laneMemo.get(scenario);
  if (!lanes) laneMemo.set(scenario, (lanes = laneOrder(laneClients(scenario))));
  return lanes;
}

/** Each client as the lane order weighs it: a publisher (or a will), and how many steps name it. */
export function laneClients(scenario: Scenario): LaneClient[] {
  return scenario.clients.map((client) => {
    const steps = scenario.steps.filter((step) => 'client' in step && step.client === client.id);
    return {
      id: client.id,
      publishes: client.will !== undefined || steps.some((step) => step.do === 'publish'),
      weight: steps.length,
    };
  });
}

/** Index of the last arrow sent at or before `cursorSeq` (-1: none). */
function lastShown(arrows: readonly PacketArrow[], cursorSeq: number): number {
  let lo = 0;
  let hi = arrows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrows[mid].seq <= cursorSeq) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
