// Lint rules that keep the architecture honest (see ../shared/ARCHITECTURE.md, "Rules that keep the house simple").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const botFramework = ['botbuilder', 'botbuilder-*', '@microsoft/teams-ai', 'botframework-*'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'appPackage/build/', 'test-output/', '.azurite/', '.devtenant/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The bot reaches the dev tenant over HTTP only; configuration is read in one place.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/devtenant/**', '../devtenant*', '../../devtenant*'], message: 'src/ must not import devtenant/: talk to it over HTTP.' }] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings in src/config.ts and pass them down.' }],
    },
  },
  {
    files: ['src/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Plain functions shared by the bot, the CLI, the tests and the benchmarks.
    files: ['src/answers/**/*.ts', 'src/language/**/*.ts', 'src/cards/**/*.ts', 'src/knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: botFramework, message: 'answers/, language/, cards/ and knowledge/ stay free of bot framework types.' }, { group: ['**/devtenant/**'], message: 'src/ must not import devtenant/.' }] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings in src/config.ts and pass them down.' }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'devtenant/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs', 'bin/**/*.mjs'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
