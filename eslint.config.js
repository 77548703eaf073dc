import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', '.vite/', '.scratch/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  {
    // The engine is pure and deterministic: virtual time and the seeded prng only (DESIGN.md).
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts', 'engine/live/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine runs on virtual time: use the simulation clock.' },
        { object: 'Math', property: 'random', message: 'The engine is seeded: use the prng.' },
        { object: 'performance', property: 'now', message: 'The engine runs on virtual time.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'The engine runs on virtual time: use the scheduler.' },
        { name: 'setInterval', message: 'The engine runs on virtual time: use the scheduler.' },
        { name: 'document', message: 'The engine has no DOM.' },
        { name: 'window', message: 'The engine has no DOM.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine runs on virtual time.' },
      ],
    },
  },
  {
    // Browser tests wait as long as WAIT_MS (test/e2e/browser.ts) for a state: a shorter limit of
    // their own failed under load (a page that took 11 s to answer a click on a busy machine).
    files: ['test/e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^setDefault(Navigation)?Timeout$/] > Literal',
          message: 'Use WAIT_MS from test/e2e/browser.ts: one limit for every wait.',
        },
      ],
    },
  },
  // The engine's layers import only downwards (DESIGN.md): codec → kernel (engine/sim: scheduler,
  // clock, prng, link, network, trace, actors) → flows → broker / client → run (engine/run:
  // simulation, world, client links).
  // Scenario types are plain data any layer above the codec may read.
  ...engineLayer(
    ['engine/codec/**/*.ts'],
    ['../sim/*', '../flows/*', '../broker/*', '../client/*', '../run/*', '../scenario/*'],
    'the codec',
  ),
  ...engineLayer(
    ['engine/sim/{scheduler,clock,prng,link,network,trace,actors}.ts'],
    ['../flows/*', '../broker/*', '../client/*', '../run/*'],
    'the kernel',
  ),
  ...engineLayer(['engine/flows/**/*.ts'], ['../broker/*', '../client/*', '../run/*'], 'flows'),
  ...engineLayer(['engine/broker/**/*.ts'], ['../client/*', '../run/*'], 'the broker'),
  ...engineLayer(['engine/client/**/*.ts'], ['../broker/*', '../run/*'], 'the client'),
);

/** A lint rule: files of one engine layer may not import from the layers above it. */
function engineLayer(files, forbidden, layer) {
  return [
    {
      files,
      ignores: ['**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [{ group: forbidden, message: `${layer} imports only from the layers below it (DESIGN.md).` }] },
        ],
      },
    },
  ];
}
