/** What is pointed at and chosen in one packet's views (hex grid, bit grid, field tree). */
import type { Focus, Pointing } from '../../explainer/span-rows.ts';

export class Pointer implements Pointing {
  hover = $state.raw<Focus | null>(null);
  selected = $state.raw<Focus | null>(null);
  bitOffset = $state(0);
  readonly focus: Focus | null = $derived(this.hover ?? this.selected);

  point(focus: Focus | null, flagByte?: number): void {
    this.hover = focus;
    if (flagByte !== undefined) this.bitOffset = flagByte;
  }

  select(focus: Focus | null, flagByte?: number): void {
    this.selected = focus;
    this.hover = null;
    if (flagByte !== undefined) this.bitOffset = flagByte;
  }
}
