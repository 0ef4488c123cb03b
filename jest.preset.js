/**
 * Shared jest settings: TypeScript through SWC (decorators included), ES module specifiers with
 * `.js` endings mapped back to the sources, and the shared libs read from their sources.
 */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export const jestPreset = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            react: { runtime: 'automatic' },
          },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@commonplan/domain$': `${root}libs/domain/src/index.ts`,
    '^@commonplan/protocol$': `${root}libs/protocol/src/index.ts`,
    '^@commonplan/editor$': `${root}libs/editor/src/index.ts`,
    '^@commonplan/render$': `${root}libs/render/src/index.ts`,
    '^@commonplan/collab-client$': `${root}libs/collab-client/src/index.ts`,
    '^@commonplan/testing$': `${root}libs/testing/src/index.ts`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
