import { jestPreset } from '../../jest.preset.js';

export default {
  ...jestPreset,
  displayName: 'web',
  rootDir: '.',
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts', '<rootDir>/src/**/*.spec.ts'],
  globalSetup: '<rootDir>/../../libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/jest-global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 1,
};
