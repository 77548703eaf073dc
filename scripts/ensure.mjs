// What the two README commands need before they run: the npm packages, and for the tests Debian's
// Chromium (with a CJK font, so Chinese renders in screenshots), mosquitto and tshark (Wireshark's
// dissector reads the lab's exported captures back). Installs what is
// missing, or says exactly what to run when it cannot.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status === 0;
}

/** npm ci when node_modules is missing or older than package-lock.json. */
export function ensureNodeModules() {
  const installed = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('› Installing npm packages (npm ci)…');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    console.error('✗ npm ci failed: see the output above. The npm registry must be reachable.');
    process.exit(1);
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function canSudo() {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Install Debian packages whose marker file is missing. */
export function ensureDebianPackages(packages, why) {
  const missing = packages.filter(([, marker]) => !existsSync(marker)).map(([name]) => name);
  if (missing.length === 0) return;
  const prefix = isRoot() ? [] : canSudo() ? ['sudo'] : null;
  if (prefix === null) {
    console.error(`✗ ${why} need the Debian packages ${missing.join(', ')}, and this user cannot install them.`);
    console.error(`  Run:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`› Installing ${missing.join(', ')} from Debian's packages (${why})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (missing.includes('tshark')) preseedWireshark(prefix);
  const aptGet = (...args) =>
    prefix.length ? run('sudo', ['-n', 'apt-get', ...args], { env }) : run('apt-get', args, { env });
  if (!aptGet('update', '-qq')) {
    console.error("✗ apt-get update failed: Debian's package mirror must be reachable.");
    process.exit(1);
  }
  if (!aptGet('install', '-y', '-qq', '--no-install-recommends', ...missing)) {
    console.error(`✗ Could not install ${missing.join(', ')}. Run: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
}

/**
 * tshark's package (wireshark-common) asks whether non-root users may capture; answer "no" ahead
 * so the install never stops at the question.
 */
function preseedWireshark(prefix) {
  const answer = 'wireshark-common wireshark-common/install-setuid boolean false\n';
  const command = prefix.length ? 'sudo' : 'debconf-set-selections';
  const args = prefix.length ? ['-n', 'debconf-set-selections'] : [];
  spawnSync(command, args, { input: answer, stdio: ['pipe', 'inherit', 'inherit'] });
}

export function ensureTestTools() {
  ensureDebianPackages(
    [
      ['chromium', '/usr/bin/chromium'],
      ['fonts-wqy-zenhei', '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'],
      ['mosquitto', '/usr/sbin/mosquitto'],
      ['tshark', '/usr/bin/tshark'],
    ],
    'the browser, broker and capture tests',
  );
}

export { root };
