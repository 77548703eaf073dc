/**
 * `tshark -q -z follow,tcp,hex,N` (and Wireshark's Follow TCP Stream shown as a hex dump): both
 * directions of a connection interleaved, each with its own offsets; the second direction's lines
 * are indented with a tab. Each direction is its own byte stream, and is decoded as one.
 */

export interface FollowStream {
  /** Who sent these bytes: "10.0.0.2:40000 → 10.0.0.1:1883", or "node 0 → node 1". */
  label: string;
  bytes: Uint8Array;
}

export interface FollowProblem {
  /** Index in the text of the line whose offset does not continue its direction. */
  index: number;
  text: string;
  expected: number;
  found: number;
}

/** One data line: an optional tab, 8 hex digits of offset, two spaces, up to 16 bytes (a gap after 8). */
const LINE = /^(\t?)([0-9A-Fa-f]{8}) {2}((?:[0-9A-Fa-f]{2}  ?){1,16})/;

/** The streams of a follow dump, null if the text is not one, or the line where offsets break. */
export function parseFollow(text: string): FollowStream[] | FollowProblem | null {
  if (!/^Follow: tcp,hex$/m.test(text) && !/^\t[0-9A-Fa-f]{8} {2}[0-9A-Fa-f]{2} /m.test(text)) return null;
  const nodes: string[] = [];
  const data: number[][] = [[], []];
  let lineAt = 0;
  let lines = 0;
  for (const raw of text.split('\n')) {
    const at = lineAt;
    lineAt += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const node = /^Node ([01]): (.+)$/.exec(line.trim());
    if (node) nodes[Number(node[1])] = node[2];
    const m = LINE.exec(line);
    if (!m) continue;
    const direction = m[1] === '\t' ? 1 : 0;
    const offset = parseInt(m[2], 16);
    if (offset !== data[direction].length) {
      return { index: at, text: m[2], expected: data[direction].length, found: offset };
    }
    for (const pair of m[3].trim().split(/\s+/)) data[direction].push(parseInt(pair, 16));
    lines++;
  }
  if (lines === 0) return null;
  const name = (i: number) => nodes[i] ?? `node ${i}`;
  return [0, 1]
    .filter((i) => data[i].length > 0)
    .map((i) => ({ label: `${name(i)} → ${name(1 - i)}`, bytes: Uint8Array.from(data[i]) }));
}
