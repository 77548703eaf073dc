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

  /** For a placeholder: draw its chunk once it is near the screen. */
  reveal(list: unknown, id: number): Attachment<HTMLElement> {
    return (element) => {
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) this.draw(list, id);
        },
        { rootMargin: '100% 0px' },
      );
      observer.observe(element);
      return () => observer.disconnect();
    };
  }
}
