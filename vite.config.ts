import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { type Plugin, build, defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The one-file lab the build writes beside dist/index.html: for file://, a USB stick, a mail attachment. */
export const SINGLE_FILE = 'mqtt-lab.html';
const SINGLE_MODE = 'single-file';

/**
 * A browser refuses module scripts from file:// (their origin is null), so dist/index.html opened
 * from a folder would be a blank page. The build therefore also writes the whole lab — every lazily
 * loaded chunk included — into one HTML file, and index.html, opened from a folder, hands over to it
 * (keeping the address's #/… part). Served over http, index.html loads its chunks as usual.
 */
function singleFileToo(): Plugin {
  return {
    name: 'mqtt-lab:single-file-too',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'script',
        injectTo: 'head-prepend',
        children: `if (location.protocol === 'file:') location.replace('./${SINGLE_FILE}' + location.hash);`,
      },
    ],
    async closeBundle() {
      await build({ configFile: here('./vite.config.ts'), mode: SINGLE_MODE, logLevel: 'warn' });
    },
  };
}

export default defineConfig(({ mode }) => {
  const single = mode === SINGLE_MODE;
  return {
    root: here('./app'),
    // Relative asset URLs: the built app is static files that work from any folder, offline.
    base: './',
    plugins: [
      svelte(),
      // everything inlined (no code splitting), written as dist/mqtt-lab.html next to the served build
      single ? viteSingleFile({ outputFileName: SINGLE_FILE }) : singleFileToo(),
    ],
    resolve: {
      alias: {
        $engine: here('./engine/index.ts'),
        $lessons: here('./lessons'),
      },
    },
    build: {
      outDir: here('./dist'),
      // the single file is written into the served build's folder, after it
      emptyOutDir: !single,
      target: 'es2022',
      rollupOptions: {
        // The engine is pure (DESIGN.md): importing a module of it does nothing but define things. Saying
        // so lets a view that uses only the codec leave the simulation and its machines out of the bundle.
        treeshake: { moduleSideEffects: (id: string) => !id.startsWith(here('./engine/')) },
      },
    },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
  };
});
