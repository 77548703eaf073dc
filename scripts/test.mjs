// `npm test`: every test, after installing what they need. Each stage stops the run if it fails.
// The type check and the lint each keep one core busy, so on a two-core machine they run side by
// side; their output is printed whole, one after the other.
import { spawn } from 'node:child_process';
import { ensureNodeModules, ensureTestTools, root } from './ensure.mjs';

ensureNodeModules();
ensureTestTools();

const stages = [
  [
    ['type check', ['run', '--silent', 'check']],
    ['lint', ['run', '--silent', 'lint']],
  ],
  [['unit tests', ['run', '--silent', 'test:unit']]],
  [['browser tests', ['run', '--silent', 'test:e2e']]],
];

/** Run one stage; alone it prints as it goes, beside another its output waits until it ends. */
function run(name, args, alone) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', args, { cwd: root, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ name, status, seconds, output: Buffer.concat(output).toString() });
    });
  });
}

for (const group of stages) {
  const alone = group.length === 1;
  if (alone) console.log(`\n━━ ${group[0][0]} ━━`);
  const results = await Promise.all(group.map(([name, args]) => run(name, args, alone)));
  let failed = null;
  for (const { name, status, seconds, output } of results) {
    if (!alone) process.stdout.write(`\n━━ ${name} ━━\n${output}`);
    if (status !== 0) {
      console.error(`\n✗ ${name} failed (${seconds.toFixed(1)} s)`);
      failed ??= status ?? 1;
    } else console.log(`✓ ${name} (${seconds.toFixed(1)} s)`);
  }
  if (failed !== null) process.exit(failed);
}
console.log('\n✓ all tests passed');
