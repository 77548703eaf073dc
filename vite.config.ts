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
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // The engine is pure (DESIGN.md): importing a module of it does nothing but define things. Saying
      // so lets a view that uses only the codec leave the simulation and its machines out of the bundle.
      treeshake: { moduleSideEffects: (id: string) => !id.startsWith(here('./engine/')) },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
