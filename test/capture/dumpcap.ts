/**
 * A loopback capture for tests: dumpcap (from Debian's wireshark-common, which tshark brings)
 * records `tcp port N` on `lo` into a pcapng file until stopped. Capturing needs root (CI runs as
 * root) or the capture capabilities.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DUMPCAP_BIN = '/usr/bin/dumpcap';
export const canCapture = (): boolean =>
  existsSync(DUMPCAP_BIN) && typeof process.getuid === 'function' && process.getuid() === 0;

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

export interface LoopbackCapture {
  /** Stop capturing and wait until the file is complete. Safe to call twice. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function captureLoopback(port: number, file: string): Promise<LoopbackCapture> {
  const child = spawn(DUMPCAP_BIN, ['-i', 'lo', '-f', `tcp port ${port}`, '-w', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const done = exited(child);
    child.kill('SIGINT'); // dumpcap finishes the file on SIGINT
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await done;
    clearTimeout(timer);
  };
  // dumpcap says "Capturing on 'Loopback: lo'" once the interface is open and filtered
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dumpcap did not start:\n${output}`)), START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Capturing on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dumpcap exited (${code}) on start:\n${output}`));
    });
    child.once('error', reject);
  });
  try {
    await started;
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
