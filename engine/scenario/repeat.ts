/**
 * A repeating publish (`every` ms, `times` times) is one step in a scenario or a link, and as many
 * publishes in the run: the engine expands it here, before scheduling, so each publish joins the
 * trace as its own `step` event with its own time and numbered payload — the trace says exactly
 * what was sent when, and the link stays one step long.
 */
import type { Step } from './schema.ts';

type PublishStep = Extract<Step, { do: 'publish' }>;

/** The payload of the nth publish (from 1): `{n}` replaced by the number, else the number appended. */
export function numberedPayload(payload: string, n: number): string {
  return payload.includes('{n}') ? payload.replaceAll('{n}', String(n)) : `${payload} ${n}`;
}

/** How many steps a step becomes, and when the last of them happens. */
export function repeatSpan(step: Step): { count: number; lastMs: number } {
  if (step.do !== 'publish' || step.times === undefined) return { count: 1, lastMs: step.atMs };
  return { count: step.times, lastMs: step.atMs + (step.times - 1) * (step.every ?? 0) };
}

/** Every repeating publish as its publishes, the whole in time order (stable: equal times keep their order). */
export function expandRepeats(steps: readonly Step[]): Step[] {
  if (!steps.some((s) => s.do === 'publish' && s.times !== undefined)) return steps as Step[];
  const out: Step[] = [];
  for (const step of steps) {
    if (step.do !== 'publish' || step.times === undefined) {
      out.push(step);
      continue;
    }
    const { every = 0, times, id, ...publish } = step;
    for (let n = 1; n <= times; n++) {
      const one: PublishStep = {
        ...publish,
        atMs: step.atMs + (n - 1) * every,
        payload: numberedPayload(step.payload, n),
        ...(id !== undefined ? { id: `${id}#${n}` } : {}),
      };
      out.push(one);
    }
  }
  return out
    .map((step, i) => ({ step, i }))
    .sort((a, b) => a.step.atMs - b.step.atMs || a.i - b.i)
    .map((s) => s.step);
}
