import { jestPreset } from '../jest.preset.js';

export default {
  ...jestPreset,
  displayName: 'bench',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
