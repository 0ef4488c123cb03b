import { jestPreset } from '../../jest.preset.js';

export default {
  ...jestPreset,
  displayName: 'protocol',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
