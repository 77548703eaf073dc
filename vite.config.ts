import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./app'),
  // Relative asset URLs: the built app is static files that work from any folder, offline.
  base: './',
  plugins: [svelte()],
  resolve: {
    alias: {
      $engine: here('./engine/index.ts'),
      $lessons: here('./lessons'),
    },
  },
  build: { outDir: here('./dist'), emptyOutDir: true, target: 'es2022' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
