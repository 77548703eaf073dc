// `npm test`: every test, after installing what they need. Each stage stops the run if it fails.
import { spawnSync } from 'node:child_process';
import { ensureNodeModules, ensureTestTools, root } from './ensure.mjs';

ensureNodeModules();
ensureTestTools();

const stages = [
  ['type check', 'npm', ['run', '--silent', 'check']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npm', ['run', '--silent', 'test:unit']],
  ['browser tests', 'npm', ['run', '--silent', 'test:e2e']],
];

for (const [name, command, args] of stages) {
  console.log(`\n━━ ${name} ━━`);
  const started = process.hrtime.bigint();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (status !== 0) {
    console.error(`\n✗ ${name} failed (${seconds.toFixed(1)} s)`);
    process.exit(status ?? 1);
  }
  console.log(`✓ ${name} (${seconds.toFixed(1)} s)`);
}
console.log('\n✓ all tests passed');
