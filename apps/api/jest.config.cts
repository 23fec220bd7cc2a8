module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    // isolatedModules: transpile only (types are checked by the build and lint), keeps decorator metadata.
    '^.+\\.[tj]s$': [
      'ts-jest',
      { tsconfig: '<rootDir>/tsconfig.spec.json', isolatedModules: true },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
  testTimeout: 60_000,
  // Decorators of DTOs and entities need the Reflect metadata API, as main.ts loads it.
  setupFiles: ['reflect-metadata'],
};
