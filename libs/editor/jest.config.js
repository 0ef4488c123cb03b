import { jestPreset } from '../../jest.preset.js';

export default {
  ...jestPreset,
  displayName: 'editor',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
