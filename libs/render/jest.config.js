import { jestPreset } from '../../jest.preset.js';

export default {
  ...jestPreset,
  displayName: 'render',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
