/**
 * Playback: while the lab plays, one tick per animation frame, advancing virtual time by the
 * real time since the last frame (capped, so a tab coming back from the background does not leap).
 * The lab page and every lesson run it the same way; it returns the function that stops it.
 */
import type { Lab } from './lab.svelte.ts';

export function startPlayback(lab: Lab, onerror: (error: unknown) => void): () => void {
  let last = performance.now();
  let frame = requestAnimationFrame(function loop(now) {
    if (lab.playing) {
      try {
        lab.tick(Math.min(now - last, 100));
      } catch (error) {
        onerror(error);
      }
    }
    last = now;
    frame = requestAnimationFrame(loop);
  });
  return () => cancelAnimationFrame(frame);
}
