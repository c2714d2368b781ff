// ESM TypeScript through ts-jest. Type errors are caught by `npm run typecheck`,
// so ts-jest only transpiles (isolatedModules) and the suite stays fast.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true, tsconfig: 'tsconfig.test.json' }]
  },
  testTimeout: 60000,
  globalSetup: '<rootDir>/__tests__/helpers/temp-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/helpers/temp-teardown.mjs'
};
