// `npm start`: install what the app needs, then serve it at http://127.0.0.1:5173/.
import { spawn } from 'node:child_process';
import { ensureNodeModules, root } from './ensure.mjs';

ensureNodeModules();
const vite = spawn('npx', ['vite', '--host', '127.0.0.1', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
vite.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => vite.kill(signal));
