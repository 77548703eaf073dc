// `npm run class`: build the lab, then serve it to a classroom — on every network interface of this
// computer — and print the address students type, with a QR code for it. Ctrl+C stops it.
//
//   npm run class                  port 8080 (the next free one if taken)
//   npm run class -- --port 3000
//   node scripts/class.mjs --host 127.0.0.1 --port 0 --no-build   (what the tests run: this computer only)
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureNodeModules, root } from './ensure.mjs';

// The npm packages load only once they are known to be installed (a fresh copy installs them first).
const vite = () => import('vite');
const uqr = () => import('uqr');

const configFile = join(root, 'vite.config.ts');

/** The IPv4 addresses other machines can reach this one at (loopback left out), Wi-Fi and Ethernet first. */
export function classAddresses(interfaces = networkInterfaces()) {
  const found = [];
  for (const [name, entries] of Object.entries(interfaces))
    for (const entry of entries ?? [])
      if (entry.family === 'IPv4' && !entry.internal) found.push({ name, address: entry.address });
  const virtual = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|utun|zt)/;
  return found.sort((a, b) => Number(virtual.test(a.name)) - Number(virtual.test(b.name)));
}

/** What the command prints: the address to type, its QR code, and the other addresses. */
export async function classNotice(urls) {
  const { renderUnicodeCompact } = await uqr();
  const [main, ...others] = urls;
  const lines = [
    '',
    '  MQTT Lab is being served to the class. Students open:',
    '',
    `      ${main}`,
    '',
    renderUnicodeCompact(main, { border: 2 })
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n'),
    '',
  ];
  if (others.length) lines.push('  Or, on another network of this computer:', ...others.map((u) => `      ${u}`), '');
  lines.push(
    '  Open that address on this computer too: presenter mode (P) then shows its QR code to the class.',
    '  No internet is needed; students must be on the same network. Ctrl+C stops.',
    '',
  );
  return lines.join('\n');
}

/** Serve dist/ at host:port; resolves to the addresses to hand out and a way to stop. */
export async function serveClass({ host = '0.0.0.0', port = 8080 } = {}) {
  const { preview } = await vite();
  const server = await preview({
    configFile,
    logLevel: 'silent',
    preview: { host, port, strictPort: false, open: false },
  });
  const actual = server.httpServer.address().port;
  const everywhere = host === '0.0.0.0' || host === '::';
  const hosts = everywhere ? classAddresses().map((a) => a.address) : [host];
  // a computer on no network at all: still say where this computer itself finds it
  const urls = (hosts.length ? hosts : ['127.0.0.1']).map((h) => `http://${h}:${actual}/`);
  return { urls, close: () => new Promise((resolve) => server.httpServer.close(() => resolve())) };
}

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

async function main(args) {
  const host = option(args, 'host', '0.0.0.0');
  const port = Number(option(args, 'port', '8080'));
  ensureNodeModules();
  const { build } = await vite();
  if (!args.includes('--no-build') || !existsSync(join(root, 'dist', 'index.html')))
    await build({ configFile, logLevel: 'warn' });
  const served = await serveClass({ host, port });
  process.stdout.write(await classNotice(served.urls));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => served.close().then(() => process.exit(0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
