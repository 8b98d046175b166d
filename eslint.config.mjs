// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'action/dist/**', 'examples/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Benchmarks and build scripts are plain CommonJS run by Node.
    files: ['bench/**/*.js', 'plugins/*/dev/**/*.js', 'plugins/*/migrations/**/*.js', 'packages/*/scripts/**/*.js', 'action/scripts/**/*.js', 'test/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', fetch: 'readonly', setTimeout: 'readonly', performance: 'readonly', URL: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Run inside the browser page by bench/portal.js.
    files: ['bench/portal-page.js'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', MutationObserver: 'readonly', requestAnimationFrame: 'readonly', HTMLInputElement: 'readonly', Event: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    // The engine is pure: no fs, network or environment (it also runs in the browser).
    files: ['packages/rules/src/**/*.ts'],
    ignores: ['packages/rules/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fs', 'fs/*', 'node:*', 'child_process', 'net', 'http', 'https', 'os', 'path'] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'The rules engine takes configuration as arguments.' }],
    },
  },
);
