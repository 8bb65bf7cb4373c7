import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/', '**/node_modules/', '**/test-results/', '**/playwright-report/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Only the sync layer creates providers and touches awareness; web never imports server (DESIGN.md).
    files: ['apps/web/src/**/*'],
    ignores: ['apps/web/src/lib/sync/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@hocuspocus/provider', message: 'Create providers in apps/web/src/lib/sync only.' }],
          patterns: [{ group: ['**/apps/server/**', '@debrief/server*'], message: 'The web app never imports the server.' }],
        },
      ],
    },
  },
  {
    // Components call feature state (lib/state, through context) and never reach into Yjs documents themselves.
    files: ['apps/web/src/lib/board/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'yjs', message: 'Components call feature state (useSession() and its features); only lib/state and lib/sync touch Yjs.' },
            { name: '@hocuspocus/provider', message: 'Create providers in apps/web/src/lib/sync only.' },
          ],
          patterns: [{ group: ['**/apps/server/**', '@debrief/server*'], message: 'The web app never imports the server.' }],
        },
      ],
    },
  },
  {
    // Playwright fixtures without dependencies are declared with an empty destructuring pattern.
    files: ['e2e/fixtures/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Apps never import apps: the server, the benchmark and the e2e suite reach each other only as processes.
    files: ['apps/server/**/*', 'apps/bench/**/*', 'e2e/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/**', '**/server/src/**', '**/web/src/**', '**/bench/src/**', '@debrief/server*', '@debrief/web*', '@debrief/bench*'],
              message: 'Apps never import apps; shared test helpers live in @debrief/testing.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/**/*'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'Packages never import apps.' }] }],
    },
  },
);
