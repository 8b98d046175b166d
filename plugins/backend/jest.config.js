/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  moduleNameMapper: { '^@pillarguard/rules$': '<rootDir>/../../packages/rules/src/index.ts', '^@pillarguard/backstage-plugin-common$': '<rootDir>/../common/src/index.ts' },
};
