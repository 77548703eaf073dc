/**
 * A real mosquitto for tests: started on 127.0.0.1, on a free port, with a config generated into a
 * temporary directory, and stopped (killed, its exit awaited, the directory removed) by `stop()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';

export const mosquittoInstalled = (): boolean => existsSync(MOSQUITTO_BIN);

/** The dynamic security plugin that the mosquitto package ships (Debian: /usr/lib/<triplet>/). */
export function dynamicSecurityPlugin(): string {
  const name = 'mosquitto_dynamic_security.so';
  const dirs = [
    '/usr/lib',
    ...readdirSync('/usr/lib')
      .filter((d) => d.includes('-linux-'))
      .map((d) => `/usr/lib/${d}`),
  ];
  const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
  if (!found) throw new Error(`${name} not found under /usr/lib: needed to refuse subscriptions`);
  return found;
}

export interface MosquittoOptions {
  /**
   * Topic filters no client may subscribe to: SUBACK 0x80. mosquitto's acl_file does not check
   * subscriptions at all (it only filters what is delivered), so this takes the dynamic security
   * plugin that ships with it: anonymous clients may do anything except subscribe to these.
   */
  refuseFilters?: readonly string[];
}

export interface Mosquitto {
  readonly host: string;
  readonly port: number;
  /** What mosquitto logged so far (for failure messages). */
  log(): string;
  /** Kill it and wait for it to exit; remove its directory. Safe to call twice. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 3_000;

/** A port nobody listens on now: listen on port 0, read the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<Mosquitto> {
  const dir = await mkdtemp(join(tmpdir(), 'mqtt-lab-mosquitto-'));
  // Run as root, mosquitto drops to its own user: let it read its files.
  await chmod(dir, 0o755);
  const refuse = options.refuseFilters ?? [];
  const securityPath = join(dir, 'dynamic-security.json');
  if (refuse.length > 0) {
    const security = {
      defaultACLAccess: { publishClientSend: true, publishClientReceive: true, subscribe: true, unsubscribe: true },
      clients: [],
      groups: [{ groupname: 'anonymous', roles: [{ rolename: 'refuse' }] }],
      roles: [
        {
          rolename: 'refuse',
          acls: refuse.map((topic) => ({ acltype: 'subscribeLiteral', topic, priority: 0, allow: false })),
        },
      ],
      anonymousGroup: 'anonymous',
    };
    await writeFile(securityPath, JSON.stringify(security, null, 2), { mode: 0o644 });
  }

  let child: ChildProcess | null = null;
  let output = '';
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // A child that never started (spawn failed) has no pid and will not exit.
    if (child?.pid !== undefined) {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const port = await freePort();
    const configPath = join(dir, 'mosquitto.conf');
    const config = [
      `listener ${port} ${HOST}`,
      'allow_anonymous true',
      ...(refuse.length > 0 ? [`plugin ${dynamicSecurityPlugin()}`, `plugin_opt_config_file ${securityPath}`] : []),
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      'log_type information',
      'connection_messages true',
      'log_timestamp_format %H:%M:%S',
    ];
    await writeFile(configPath, config.join('\n') + '\n', { mode: 0o644 });

    child = spawn(MOSQUITTO_BIN, ['-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const spawnError = new Promise<never>((_, reject) => child!.once('error', reject));
    spawnError.catch(() => {});

    const deadline = performance.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`mosquitto exited (${child.exitCode ?? child.signalCode}) on start:\n${output}`);
      if (await Promise.race([canConnect(port), spawnError])) break;
      if (performance.now() > deadline) throw new Error(`mosquitto did not accept connections:\n${output}`);
      await sleep(20);
    }
    return { host: HOST, port, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
