/**
 * A vitest reporter for the stress run (scripts/stress.mjs): one JSON line per finished test, with
 * how long it took, the timeout it ran under and how it ended, appended to the file named by
 * MQTTLAB_TIMINGS. The stress script reads these lines back to print, per test, the worst time seen
 * against its timeout. Without MQTTLAB_TIMINGS the configs do not load it.
 */
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';

export interface TimingLine {
  /** The test file, from the repository root. */
  file: string;
  /** Suite and test names, joined with ' > '. */
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  durationMs: number;
  /** The timeout the test ran under: its own, or its project's default. */
  timeoutMs: number;
  /** The first lines of the first error, for a failed test. */
  error?: string;
}

export default class TimingReporter implements Reporter {
  readonly #file: string;

  constructor() {
    const file = process.env.MQTTLAB_TIMINGS;
    if (!file) throw new Error('TimingReporter needs MQTTLAB_TIMINGS, the file to append to');
    this.#file = file;
  }

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    const error = result.state === 'failed' ? result.errors?.[0] : undefined;
    const line: TimingLine = {
      file: relative(test.project.config.root, test.module.moduleId),
      name: test.fullName,
      state: result.state,
      durationMs: Math.round(test.diagnostic()?.duration ?? 0),
      timeoutMs: test.options.timeout ?? test.project.config.testTimeout,
      ...(error
        ? {
            error: String(error.message ?? error)
              .split('\n')
              .slice(0, 3)
              .join('\n'),
          }
        : {}),
    };
    appendFileSync(this.#file, `${JSON.stringify(line)}\n`);
  }
}
