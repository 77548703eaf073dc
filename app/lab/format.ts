/** Numbers as the controls show them: virtual time in seconds, playback speed on a 1-2-5 log scale. */
import { MAX_SPEED, MIN_SPEED } from './lab.svelte.ts';

/** The speeds the slider offers: a log scale in 1-2-5 steps, from MIN_SPEED to MAX_SPEED. */
export const SPEEDS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10].filter(
  (s) => s >= MIN_SPEED && s <= MAX_SPEED,
);

/** The slider position of a speed: the nearest step on the log scale. */
export function speedIndex(speed: number): number {
  let best = 0;
  for (let i = 1; i < SPEEDS.length; i++)
    if (Math.abs(Math.log(SPEEDS[i] / speed)) < Math.abs(Math.log(SPEEDS[best] / speed))) best = i;
  return best;
}

export function speedAt(index: number): number {
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, Math.round(index)))];
}

/** "0.1", "2", "0.05": as few digits as the speed needs. */
export function formatSpeed(speed: number): string {
  return String(Number(speed.toPrecision(2)));
}

/** Virtual milliseconds as seconds with two decimals: 1250 → "1.25". */
export function formatSeconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(2);
}
