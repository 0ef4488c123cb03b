import { jestPreset } from '../../jest.preset.js';

export default {
  ...jestPreset,
  displayName: 'collab-client',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
