/**
 * A paste too long for the text box. Laying out a text box that holds 600 KB of text (a 200 KB
 * packet as hex) took the browser 200–280 ms of main thread on the paste, more than decoding and
 * drawing the packet: such a paste is decoded whole, but the box shows its first lines, read-only,
 * until the reader asks to edit the whole text.
 */

/** Characters of paste the box holds as it is (a 20 KB packet as hex). */
export const BIG_TEXT = 64 * 1024;
/** Lines the box shows of a longer paste. */
export const PREVIEW_LINES = 24;

/** The first lines of a long paste, and how many lines it has. */
export function previewOf(text: string): { preview: string; shown: number; lines: number } {
  let end = 0;
  let shown = 0;
  while (shown < PREVIEW_LINES && end < text.length && end < BIG_TEXT) {
    const next = text.indexOf('\n', end);
    end = next < 0 ? text.length : next + 1;
    shown++;
  }
  // one line longer than the box holds (hex with no line breaks): the start of it
  if (end > BIG_TEXT / 16) end = BIG_TEXT / 16;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) lines++;
  return { preview: `${text.slice(0, end).trimEnd()}\n…`, shown, lines };
}
