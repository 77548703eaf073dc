/**
 * Long lists drawn a chunk at a time: a SUBSCRIBE's thousand field rows, a big payload's bytes.
 * Drawing every row and byte of a 2 KB packet took seconds, and every keystroke in the text box
 * waited for all of it again. A chunk away from the screen is a placeholder of about its height;
 * it is drawn when it comes within a screen of the viewport, or when something in it is pointed
 * at or moved to with the keyboard (its view pins it).
 */
import type { Attachment } from 'svelte/attachments';

export interface Chunk<T> {
  /** Chunk number: index of its first item divided by the chunk size. */
  id: number;
  items: T[];
}

/** Split `items` into chunks; `indexOf` gives an item's position in the whole list. */
export function chunked<T>(items: readonly T[], size: number, indexOf: (item: T) => number): Chunk<T>[] {
  const out: Chunk<T>[] = [];
  for (const item of items) {
    const id = Math.floor(indexOf(item) / size);
    const last = out[out.length - 1];
    if (last && last.id === id) last.items.push(item);
    else out.push({ id, items: [item] });
  }
  return out;
}

export class LazyChunks {
  /** The chunks drawn for one list; `list` tells lists apart, so a new paste starts afresh. */
  #drawn = $state.raw<{ list: unknown; ids: readonly number[] }>({ list: undefined, ids: [] });

  /** Chunk 0 is always drawn, so a short list never waits for an observer. */
  isDrawn(list: unknown, id: number): boolean {
    return id === 0 || (this.#drawn.list === list && this.#drawn.ids.includes(id));
  }

  draw(list: unknown, id: number): void {
    const now = this.#drawn;
    if (now.list !== list) this.#drawn = { list, ids: [id] };
    else if (!now.ids.includes(id)) this.#drawn = { list, ids: [...now.ids, id] };
  }

  /**
   * For a placeholder: draw its chunk at once when it comes on screen; once the reader scrolls,
   * also when it comes within a screen of it, in the browser's idle time, so that scrolling on
   * finds it drawn. Drawing a screen either side at once made a 2.3 KB paste cost 120 ms of main
   * thread; the on-screen part alone costs about 70.
   */
  reveal(list: unknown, id: number): Attachment<HTMLElement> {
    return (element) => {
      const draw = () => this.draw(list, id);
      let idle: number | undefined;
      let near: IntersectionObserver | undefined;
      const onScreen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) draw();
      });
      onScreen.observe(element);
      const watchNear = () => {
        near = new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting) && idle === undefined) idle = whenIdle(draw);
          },
          { rootMargin: '100% 0px' },
        );
        near.observe(element);
      };
      const stopWaiting = afterFirstScroll(watchNear);
      return () => {
        stopWaiting();
        onScreen.disconnect();
        near?.disconnect();
        if (idle !== undefined) cancelIdle(idle);
      };
    };
  }
}

/** Run `then` once the page or any box in it has scrolled (now, if it has); returns a cancel. */
function afterFirstScroll(then: () => void): () => void {
  if (scrolled) {
    then();
    return () => {};
  }
  waiting.add(then);
  if (waiting.size === 1) addEventListener('scroll', onFirstScroll, { capture: true, passive: true });
  return () => waiting.delete(then);
}
let scrolled = false;
// Not state: nothing is drawn from it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const waiting = new Set<() => void>();
function onFirstScroll(): void {
  scrolled = true;
  removeEventListener('scroll', onFirstScroll, { capture: true });
  for (const then of waiting) then();
  waiting.clear();
}

// Safari has no requestIdleCallback: a zero-delay task still lets a frame be drawn first.
const whenIdle = (run: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run) : window.setTimeout(run, 0);
const cancelIdle = (handle: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : window.clearTimeout(handle);
