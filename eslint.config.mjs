// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'action/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
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
