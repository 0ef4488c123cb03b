import { jestPreset } from '../../jest.preset.js';

export default {
  ...jestPreset,
  displayName: 'api',
  rootDir: '.',
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.int-spec.ts',
    '<rootDir>/test/**/*.int-spec.ts',
  ],
  globalSetup: '<rootDir>/../../libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/jest-global-teardown.ts',
  testTimeout: 30000,
  // These tests start and stop real API and worker processes and hold real sockets to them; a test
  // that fails half way can leave a client reconnecting to a process that is gone. The run must
  // still end and report what failed rather than wait on it.
  forceExit: true,
};
