/**
 * The run worker in the same thread, for tests: the handler of run.worker.ts (createRunner) behind
 * the ConnectWorker surface the Lab uses. Nothing runs until `pump` is called, as a worker's slices
 * only run when its thread gets to them; the clock moves on a whole chunk's pace per reading, so
 * every slice is posted.
 */
import { POST_EVERY_MS, createRunner } from './runner.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { ConnectWorker } from './remote.ts';

export interface InProcessWorker {
  connect: ConnectWorker;
  /** Run the worker's pending work (at most `limit` slices); how many ran. */
  pump(limit?: number): number;
  /** Every message sent to the page, and to the worker. */
  readonly fromWorker: FromWorker[];
  readonly toWorker: ToWorker[];
}

export function inProcessWorker(): InProcessWorker {
  const tasks: Array<() => void> = [];
  const fromWorker: FromWorker[] = [];
  const toWorker: ToWorker[] = [];
  let time = 0;
  return {
    fromWorker,
    toWorker,
    connect: (receive) => {
      const handle = createRunner({
        post: (message) => {
          fromWorker.push(message);
          receive(structuredClone(message));
        },
        later: (work) => tasks.push(work),
        clock: () => (time += POST_EVERY_MS),
      });
      return {
        send: (message) => {
          toWorker.push(message);
          handle(structuredClone(message));
        },
        close: () => (tasks.length = 0),
      };
    },
    pump(limit = Infinity) {
      let ran = 0;
      while (ran < limit && tasks.length) {
        tasks.shift()!();
        ran++;
      }
      return ran;
    },
  };
}
