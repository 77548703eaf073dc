/**
 * One RunModel per lab, shared by the views that draw the run in space and time (the sequence
 * diagram and the topology), kept in step with the trace. Reading `runOf(lab)` in a `$derived`
 * makes it follow the trace's growth (it reads `lab.trace`, which reads `lab.version`).
 */
import type { Lab } from '../lab.svelte.ts';
import { RunModel } from './run-model.ts';

const models = new WeakMap<Lab, RunModel>();

export interface Run {
  model: RunModel;
  /** Changes whenever the model read something new or started over. */
  revision: number;
}

export function runOf(lab: Lab): Run {
  let model = models.get(lab);
  if (!model) {
    const made = new RunModel();
    models.set(lab, (model = made));
    // a long run streamed in by the worker is read as it arrives, not all at once when shown
    lab.readAlong((trace, limit) => {
      made.sync(trace, limit);
      return made.read === trace.length;
    });
  }
  model.sync(lab.trace);
  return { model, revision: model.revision };
}
