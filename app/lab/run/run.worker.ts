/**
 * The run worker: simulates a run off the page's thread and streams its trace (runner.ts).
 * Started by remote.ts as `new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { ToWorker } from './protocol.ts';
import { createRunner } from './runner.ts';

const scope = self as unknown as {
  postMessage: (message: unknown) => void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const handle = createRunner({
  post: (message) => scope.postMessage(message),
  later: (work) => setTimeout(work, 0),
  clock: () => performance.now(),
});
scope.onmessage = (event) => handle(event.data);
