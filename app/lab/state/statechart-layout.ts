/**
 * A statechart laid out for drawing: dagre places the states and routes the arrows; this module
 * sizes the text and hands the view plain boxes, lines and paths. dagre cannot route an arrow to a
 * container, so each compound state is laid out on its own and placed as one node in the level
 * around it; an arrow from a state inside a container is carried on from the container's edge.
 * Computed once per machine, language and detail. Loaded on demand (it brings dagre), so the page
 * starts without it.
 */
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import { BOLD, FONT, type LineStyle, textWidth } from './chart-text.ts';
import {
  type Chart,
  type ChartEdge,
  type ChartState,
  type ChartTransition,
  type Trigger,
  chartEdges,
} from './statechart.ts';

/** The words the chart is drawn with; identity in English, translations in Chinese. */
export interface ChartWords {
  /** A state's shown name, and the definition's own name beside it when that differs. */
  state(state: ChartState): { name: string; code?: string };
  trigger(trigger: Trigger): string;
  guard(guard: string): string;
  otherwise: string;
  action(action: string): string;
  /** "entry / send CONNECT" */
  entry: string;
  /** "timer: keepalive" */
  timer(name: string): string;
}

export type { LineStyle } from './chart-text.ts';

export interface TextLine {
  text: string;
  style: LineStyle;
  /** Baseline, relative to the top of its box. */
  y: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface StateBox {
  id: string;
  kind: ChartState['kind'];
  /** Top-left corner and size, in chart units. */
  x: number;
  y: number;
  width: number;
  height: number;
  lines: TextLine[];
}

export interface EdgeRoute {
  id: string;
  from: string;
  to: string;
  self: boolean;
  transitions: ChartTransition[];
  /** SVG path data. */
  d: string;
  /** Centre of the label, and its lines (baselines relative to its top). */
  label: { x: number; y: number; width: number; height: number; lines: TextLine[] };
}

export interface ChartLayout {
  machine: string;
  width: number;
  height: number;
  /** Atomic and final states. */
  states: StateBox[];
  /** Compound states, drawn behind (outermost first). */
  containers: StateBox[];
  edges: EdgeRoute[];
  /** The filled dot and arrow into each initial state. */
  initials: { x: number; y: number; d: string }[];
}

const LINE_GAP = 1.3;
const PAD_X = 12;
const PAD_Y = 7;
const LABEL_MAX = 190;
const BRIEF_LABEL_MAX = 120;
const INITIAL_DOT = 6;

function stack(lines: { text: string; style: LineStyle }[], padY: number): { lines: TextLine[]; height: number } {
  let y = padY;
  const out: TextLine[] = [];
  for (const line of lines) {
    const size = FONT[line.style];
    y += size;
    out.push({ ...line, y });
    y += size * (LINE_GAP - 1);
  }
  return { lines: out, height: Math.ceil(y + padY) };
}

const widest = (lines: { text: string; style: LineStyle }[]) =>
  Math.max(0, ...lines.map((l) => textWidth(l.text, FONT[l.style], BOLD.has(l.style))));

/**
 * Transitions that differ only in their trigger, as one: 'net.closed, net.error' with the same
 * guard and actions.
 */
export function mergeTriggers(transitions: ChartTransition[]): { triggers: Trigger[]; t: ChartTransition }[] {
  const out: { triggers: Trigger[]; t: ChartTransition; key: string }[] = [];
  for (const t of transitions) {
    const key = JSON.stringify([t.guard, t.otherwise, t.actions]);
    const same = out.find((o) => o.key === key);
    if (same) same.triggers.push(t.trigger);
    else out.push({ triggers: [t.trigger], t, key });
  }
  return out.map(({ triggers, t }) => ({ triggers, t }));
}

/** Words joined with ', ', broken into lines no wider than `max`. */
function wrap(parts: string[], size: number, max: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]}, ${part}`, size) <= max) lines[last] = `${lines[last]}, ${part}`;
    else lines.push(part);
  }
  return lines.map((line, i) => (i < lines.length - 1 ? `${line},` : line));
}

/** "net.connack [connack accepts] / report connected, reset backoff", broken where it gets long. */
function transitionLines(
  t: ChartTransition,
  words: ChartWords,
  triggers: Trigger[] = [t.trigger],
): { text: string; style: LineStyle }[] {
  const lines: { text: string; style: LineStyle }[] = wrap(
    triggers.map((tr) => words.trigger(tr)),
    FONT.event,
    LABEL_MAX,
  ).map((text) => ({ text, style: 'event' }));
  const guard = t.guard !== undefined ? `[${words.guard(t.guard)}]` : t.otherwise ? `[${words.otherwise}]` : '';
  const actions = t.actions.map((a) => words.action(a));
  const small = [guard, actions.length ? `/ ${actions.join(', ')}` : ''].filter(Boolean).join(' ');
  if (small && textWidth(small, FONT.guard) <= LABEL_MAX) lines.push({ text: small, style: 'guard' });
  else {
    if (guard) lines.push({ text: guard, style: 'guard' });
    wrap(actions, FONT.guard, LABEL_MAX).forEach((text, i) =>
      lines.push({ text: `${i === 0 ? '/' : '\u2002'} ${text}`, style: 'guard' }),
    );
  }
  return lines;
}

function stateLines(state: ChartState, words: ChartWords): { text: string; style: LineStyle }[] {
  const { name, code } = words.state(state);
  const lines: { text: string; style: LineStyle }[] = [
    { text: name, style: state.kind === 'compound' ? 'title' : 'name' },
  ];
  if (code !== undefined && code !== name) lines.push({ text: code, style: 'code' });
  for (const action of state.entry) lines.push({ text: `${words.entry} / ${words.action(action)}`, style: 'note' });
  if (state.timer) lines.push({ text: words.timer(state.timer), style: 'note' });
  for (const { t, triggers } of mergeTriggers(state.internal)) {
    const text = transitionLines(t, words, triggers).map((r) => r.text.trim());
    lines.push({ text: text.join(' '), style: 'note' });
  }
  return lines;
}

/** Smooth a polyline: straight to the first midpoint, quadratic curves through the corners. */
const f1 = (n: number) => Math.round(n * 10) / 10;

export function pathThrough(points: Point[]): string {
  if (points.length === 0) return '';
  const f = f1;
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  if (points.length === 2) return `${d}L${f(points[1].x)},${f(points[1].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const next = points[i + 1];
    const mid = i === points.length - 2 ? next : { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
    d += `Q${f(p.x)},${f(p.y)} ${f(mid.x)},${f(mid.y)}`;
  }
  return d;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (p: Point, r: Rect) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;

/** Where the segment a→b crosses the rectangle's border (a and b on opposite sides of it). */
function crossing(a: Point, b: Point, r: Rect): Point {
  let lo = 0;
  let hi = 1;
  const aIn = inside(a, r);
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    const p = { x: a.x + (b.x - a.x) * mid, y: a.y + (b.y - a.y) * mid };
    if (inside(p, r) === aIn) lo = mid;
    else hi = mid;
  }
  return { x: a.x + (b.x - a.x) * lo, y: a.y + (b.y - a.y) * lo };
}

/** Cut a route that was laid out to a state inside a container so it ends at the container's edge. */
export function clipEnd(points: Point[], box: Rect): Point[] {
  for (let i = 0; i < points.length - 1; i++) {
    if (!inside(points[i], box) && inside(points[i + 1], box)) {
      return [...points.slice(0, i + 1), crossing(points[i], points[i + 1], box)];
    }
  }
  return points;
}

/** …and one laid out from a state inside a container so it starts at the container's edge. */
export function clipStart(points: Point[], box: Rect): Point[] {
  const reversed = clipEnd([...points].reverse(), box);
  return reversed.reverse();
}

interface NodeLabel {
  width: number;
  height: number;
  x?: number;
  y?: number;
  [key: string]: unknown;
}
interface EdgeLabel {
  width: number;
  height: number;
  x?: number;
  y?: number;
  points?: Point[];
  labelpos?: 'l' | 'c' | 'r';
  [key: string]: unknown;
}

/**
 * Which arrows point "back up": found by a depth-first walk from the initial state in the order the
 * definition lists transitions, so the chart reads top to bottom the way the machine is written.
 * dagre is given these reversed (it would otherwise choose by its own heuristic).
 */
function backEdges(start: string | undefined, edges: { id: string; from: string; to: string }[]): Set<string> {
  const out = new Map<string, { id: string; to: string }[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), { id: e.id, to: e.to }]);
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (v: string) => {
    state.set(v, 'open');
    for (const e of out.get(v) ?? []) {
      const seen = state.get(e.to);
      if (seen === 'open') back.add(e.id);
      else if (seen === undefined) visit(e.to);
    }
    state.set(v, 'done');
  };
  if (start !== undefined) visit(start);
  for (const e of edges) if (!state.has(e.from)) visit(e.from);
  return back;
}

/** The point where a line from the rectangle's centre towards `toward` leaves it. */
export function borderPoint(r: Rect, toward: Point): Point {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(
    dx === 0 ? Infinity : r.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : r.height / 2 / Math.abs(dy),
  );
  return { x: cx + dx * scale, y: cy + dy * scale };
}

/** Part of a chart laid out at one level (the top, or inside one container), in its own coordinates. */
interface Level {
  width: number;
  height: number;
  states: StateBox[];
  containers: StateBox[];
  edges: { edge: ChartEdge; points: Point[]; label: EdgeRoute['label'] }[];
  initials: { x: number; y: number; points: Point[] }[];
}

const CONTAINER_PAD = 10;

function shift(level: Level, dx: number, dy: number): Level {
  const p = (pt: Point) => ({ x: pt.x + dx, y: pt.y + dy });
  return {
    ...level,
    states: level.states.map((s) => ({ ...s, x: s.x + dx, y: s.y + dy })),
    containers: level.containers.map((s) => ({ ...s, x: s.x + dx, y: s.y + dy })),
    edges: level.edges.map((e) => ({
      ...e,
      points: e.points.map(p),
      label: { ...e.label, x: e.label.x + dx, y: e.label.y + dy },
    })),
    initials: level.initials.map((i) => ({ ...p(i), points: i.points.map(p) })),
  };
}

export type Detail = 'full' | 'brief' | 'bare';

export interface LayoutOptions {
  /**
   * 'full': arrows labelled with trigger, guard and actions, states with entry actions and timers;
   * 'brief': arrows with their triggers only; 'bare': states and arrows, nothing else (narrow panels).
   */
  detail?: Detail;
  /** Top to bottom (for a narrow panel), or left to right (for a wide screen). */
  direction?: 'TB' | 'LR';
}

export function layoutChart(
  chart: Chart,
  words: ChartWords,
  { detail = 'full', direction = 'TB' }: LayoutOptions = {},
): ChartLayout {
  const bare = detail === 'bare';
  const brief = detail === 'brief' || bare;
  const byId = new Map(chart.states.map((s) => [s.id, s]));
  const text = new Map<string, { lines: TextLine[]; width: number; height: number }>();
  for (const state of chart.states) {
    const all = stateLines(state, words);
    const raw = brief ? all.filter((l) => l.style !== 'note') : all;
    const stacked = stack(raw, PAD_Y);
    text.set(state.id, { lines: stacked.lines, width: widest(raw) + 2 * PAD_X, height: stacked.height });
  }
  const edges = chartEdges(chart);
  const labels = new Map<string, { lines: TextLine[]; width: number; height: number }>();
  for (const edge of edges) {
    const raw = bare
      ? []
      : brief
        ? wrap([...new Set(edge.transitions.map((t) => words.trigger(t.trigger)))], FONT.event, BRIEF_LABEL_MAX).map(
            (text) => ({ text, style: 'event' as const }),
          )
        : mergeTriggers(edge.transitions).flatMap(({ t, triggers }) => transitionLines(t, words, triggers));
    const stacked = stack(raw, 2);
    labels.set(edge.id, { lines: stacked.lines, width: widest(raw) + 6, height: stacked.height });
  }

  /** The state at the level inside `parent` that holds `id` (itself, or a container around it). */
  const holder = (id: string, parent: string | null): string | undefined => {
    for (let s = byId.get(id); s; s = s.parent ? byId.get(s.parent) : undefined) {
      if (s.parent === parent) return s.id;
    }
    return undefined;
  };

  // Each container is laid out on its own, then placed as one node in the level around it: dagre
  // cannot route an arrow to a container, but it can to a node.
  const layoutLevel = (parent: string | null): Level => {
    const g = new Graph<object, NodeLabel, EdgeLabel>({ multigraph: true });
    g.setGraph(
      bare
        ? { rankdir: direction, nodesep: 16, ranksep: 26, edgesep: 8, marginx: 0, marginy: 0 }
        : brief
          ? { rankdir: direction, nodesep: 14, ranksep: 22, edgesep: 8, marginx: 0, marginy: 0 }
          : { rankdir: direction, nodesep: 24, ranksep: 30, edgesep: 12, marginx: 0, marginy: 0 },
    );
    g.setDefaultEdgeLabel(() => ({ width: 0, height: 0 }));
    const members = chart.states.filter((s) => s.parent === parent);
    const inner = new Map<string, Level>();
    for (const state of members) {
      const t = text.get(state.id)!;
      if (state.kind === 'compound') {
        const level = layoutLevel(state.id);
        inner.set(state.id, level);
        g.setNode(state.id, {
          width: Math.max(t.width, level.width + 2 * CONTAINER_PAD),
          height: t.height + level.height + CONTAINER_PAD,
        });
      } else {
        g.setNode(state.id, { width: Math.max(t.width, 64), height: t.height });
      }
    }
    const INITIAL = '::initial';
    const first = parent === null ? chart.initial : members.find((s) => s.initial)?.id;
    const links: { id: string; from: string; to: string; edge?: ChartEdge }[] = [];
    if (first !== undefined) {
      g.setNode(INITIAL, { width: INITIAL_DOT * 2, height: INITIAL_DOT * 2 });
      links.push({ id: INITIAL, from: INITIAL, to: first });
    }
    for (const edge of edges) {
      const from = holder(edge.from, parent);
      const to = holder(edge.to, parent);
      if (from === undefined || to === undefined) continue; // laid out further out
      if (from === to && !(edge.from === edge.to && edge.from === from)) continue; // laid out further in
      links.push({ id: edge.id, from, to, edge });
    }
    const back = backEdges(first !== undefined ? INITIAL : undefined, links);
    for (const link of links) {
      const label = link.edge ? labels.get(link.edge.id)! : { width: 0, height: 0 };
      const [v, w] = back.has(link.id) ? [link.to, link.from] : [link.from, link.to];
      g.setEdge(v, w, { width: label.width, height: label.height, labelpos: 'c' }, link.id);
    }

    dagreLayout(g);

    const out: Level = { width: 0, height: 0, states: [], containers: [], edges: [], initials: [] };
    for (const state of members) {
      const n = g.node(state.id);
      const box = { x: n.x! - n.width / 2, y: n.y! - n.height / 2, width: n.width, height: n.height };
      const t = text.get(state.id)!;
      if (state.kind === 'compound') {
        out.containers.push({ id: state.id, kind: state.kind, ...box, lines: t.lines });
        const level = shift(
          inner.get(state.id)!,
          box.x + (box.width - inner.get(state.id)!.width) / 2,
          box.y + t.height,
        );
        out.states.push(...level.states);
        out.containers.push(...level.containers);
        out.edges.push(...level.edges);
        out.initials.push(...level.initials);
      } else {
        out.states.push({ id: state.id, kind: state.kind, ...box, lines: t.lines });
      }
    }
    for (const link of links) {
      const reversed = back.has(link.id);
      const e = reversed ? g.edge(link.to, link.from, link.id) : g.edge(link.from, link.to, link.id);
      const points = (e.points ?? []).map((p) => ({ x: p.x, y: p.y }));
      if (reversed) points.reverse();
      if (!link.edge) {
        const dot = g.node(INITIAL);
        out.initials.push({ x: dot.x!, y: dot.y!, points });
        continue;
      }
      const label = labels.get(link.edge.id)!;
      out.edges.push({ edge: link.edge, points, label: { x: e.x ?? 0, y: e.y ?? 0, ...label } });
    }
    const graph = g.graph() as { width?: number; height?: number };
    out.width = graph.width ?? 0;
    out.height = graph.height ?? 0;
    return out;
  };

  const MARGIN = 12;
  const top = shift(layoutLevel(null), MARGIN, MARGIN);
  const boxes = new Map([...top.states, ...top.containers].map((b) => [b.id, b]));

  const routes: EdgeRoute[] = top.edges.map(({ edge, points, label }) => {
    let d: string;
    if (edge.from === edge.to) {
      // A self-transition: a loop out of the state's right side, round to its label (which dagre
      // placed beside the state).
      const box = boxes.get(edge.from)!;
      const right = box.x + box.width;
      const cy = box.y + Math.min(box.height / 2, 22);
      const reach = Math.max(right + 16, label.x - label.width / 2 - 2);
      d = `M${f1(right)},${f1(cy - 9)}C${f1(reach)},${f1(cy - 28)} ${f1(reach)},${f1(cy + 28)} ${f1(right)},${f1(cy + 9)}`;
    } else {
      // An arrow from or to a state inside a container was routed to the container: carry it on
      // to the state itself.
      const route = [...points];
      const source = boxes.get(edge.from);
      const target = boxes.get(edge.to);
      if (source && route.length && source.kind !== 'compound' && !onBorder(route[0], source)) {
        route.unshift(borderPoint(source, route[0]));
      }
      if (target && route.length && target.kind !== 'compound' && !onBorder(route.at(-1)!, target)) {
        route.push(borderPoint(target, route.at(-1)!));
      }
      d = pathThrough(route);
    }
    return {
      id: edge.id,
      from: edge.from,
      to: edge.to,
      self: edge.from === edge.to,
      transitions: edge.transitions,
      d,
      label,
    };
  });

  return {
    machine: chart.machine,
    width: Math.ceil(top.width + 2 * MARGIN),
    height: Math.ceil(top.height + 2 * MARGIN),
    states: top.states,
    containers: top.containers,
    edges: routes,
    initials: top.initials.map((i) => ({ x: i.x, y: i.y, d: pathThrough(i.points) })),
  };
}

/** Whether a point lies on (or within a hair of) a box's border. */
function onBorder(p: Point, r: Rect): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 1.5;
  const inX = p.x >= r.x - 1.5 && p.x <= r.x + r.width + 1.5;
  const inY = p.y >= r.y - 1.5 && p.y <= r.y + r.height + 1.5;
  return (
    (inX && (near(p.y, r.y) || near(p.y, r.y + r.height))) || (inY && (near(p.x, r.x) || near(p.x, r.x + r.width)))
  );
}

const cache = new Map<string, ChartLayout>();

/** A chart's layout, computed once per machine, language and detail. */
export function cachedLayout(chart: Chart, words: ChartWords, key: string, options: LayoutOptions = {}): ChartLayout {
  const id = `${chart.machine}|${key}|${options.detail ?? 'full'}|${options.direction ?? 'TB'}`;
  let layout = cache.get(id);
  if (!layout) cache.set(id, (layout = layoutChart(chart, words, options)));
  return layout;
}
