// Jest runs in ESM mode because @actions/* ship ESM only (see ../shared/DESIGN.md).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // Built peers (Go sources, a Python venv) and interop output are not ours to crawl.
  modulePathIgnorePatterns: ['<rootDir>/.peers/', '<rootDir>/interop-out/', '<rootDir>/demo-out/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.peers/'],
  testTimeout: 60_000,
  maxWorkers: 2
};
